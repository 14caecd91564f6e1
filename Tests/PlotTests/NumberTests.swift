import Testing
@testable import Plot

@Suite struct NumberTests {
    @Test func fixedRoundsHalfAwayFromZero() {
        #expect(Number.fixed(0.125, decimals: 2) == "0.13")  // 0.125 is exact in binary
        #expect(Number.fixed(-0.125, decimals: 2) == "-0.13")
        #expect(Number.fixed(1234.5, decimals: 0) == "1235")
        #expect(Number.fixed(0.05, decimals: 3) == "0.050")
        #expect(Number.fixed(7, decimals: 2) == "7.00")
    }

    @Test func noSignOnZero() {
        #expect(Number.fixed(-0.0, decimals: 1) == "0.0")
        #expect(Number.fixed(-0.004, decimals: 2) == "0.00")
    }

    @Test func compactDropsTrailingZeros() {
        #expect(Number.compact(2.50, decimals: 2) == "2.5")
        #expect(Number.compact(100, decimals: 2) == "100")
        #expect(Number.compact(0.1 + 0.2, decimals: 3) == "0.3")
        #expect(Number.svg(12.345678) == "12.35")
        #expect(Number.svg(-3) == "-3")
    }

    @Test func labelsUseATrueMinusSign() {
        #expect(Number.label(-0.5, decimals: 1) == "\u{2212}0.5")
        #expect(Number.compactLabel(-0.30, decimals: 2) == "\u{2212}0.3")
        #expect(Number.compactLabel(0.25, decimals: 2) == "0.25")
    }

    @Test func aHyphenThatBeginsANumberBecomesAMinusSign() {
        #expect(Number.minusSigns("-1.0") == "\u{2212}1.0")
        #expect(Number.minusSigns("centred inputs in (-1, 1)") == "centred inputs in (\u{2212}1, 1)")
        #expect(Number.minusSigns("w = -.5, b=-2") == "w = \u{2212}.5, b=\u{2212}2")
    }

    @Test func aHyphenBetweenWordsOrDigitsStays() {
        for text in ["3-2-2 network", "x-axis", "1e-5", "top-1", "a--1", "well-known", "-", "- 1", "0.-5"] {
            #expect(Number.minusSigns(text) == text)
        }
    }

    @Test func hugeValuesStillWritten() {
        #expect(Number.fixed(1e20, decimals: 2) == "1e+20")
    }
}
