import Testing
@testable import Literate

@Suite struct WrittenNumberTests {
    private func number(_ text: String) -> WrittenNumber {
        WrittenNumber.first(in: text)!
    }

    @Test func fourDecimalsAcceptHalfAUnitOfTheLastDigit() {
        let written = number("0.5866")
        #expect(written.halfUnit == 0.00005)
        #expect(written.matches(0.58655))
        #expect(written.matches(0.58665))
        #expect(written.matches(0.586549) == false)
        #expect(written.matches(0.586651) == false)
    }

    @Test func manyDigitsAreCheckedAtTheirWrittenPrecision() {
        // The slack is one ulp, not a relative 1e-9 that would swallow the ninth digit.
        #expect(number("0.298371108").matches(0.29837110876) == false)
        #expect(number("0.298371108").matches(0.2983711084))
        #expect(number("-1673.365107").matches(-1673.3651085) == false)
        #expect(number("-1673.365107").matches(-1673.3651074))
        #expect(number("-1673.365107").halfUnit == 0.0000005)
        #expect(WrittenNumber.format(number("-1673.365107").allowance(nil)) == "0.0000005")
        #expect(number("123456789.5").matches(123456789.55))
        #expect(number("123456789.5").matches(123456789.56) == false)
    }

    @Test func anIntegerAcceptsHalfAUnit() {
        let written = number("3")
        #expect(written.matches(2.5))
        #expect(written.matches(3.5))
        #expect(written.matches(3.51) == false)
        #expect(written.matches(2.49) == false)
    }

    @Test func aTrailingDotIsPunctuationNotADecimalPoint() {
        // "0." at the end of a sentence is the integer 0 followed by a full stop.
        let tokens = WrittenNumber.tokens(in: "0.")
        #expect(tokens.count == 2)
        #expect(number("0.").halfUnit == 0.5)
        #expect(number("0.").matches(1) == false)
        #expect(number("1.").matches(1))
    }

    @Test func negativeZeroEqualsZero() {
        #expect(number("-0.0").matches(0))
        #expect(number("0.0").matches(-0.0))
        #expect(number("-0.0").value == 0)
    }

    /// 0.5 multiplied 10 000 times underflows to 0; 0.5 multiplied 1074 times is 5e-324, the
    /// smallest positive Double, where half a unit of the last digit of "5e-324" is itself 0
    /// and one ulp let it pass as "0.0". A written zero states exactly zero.
    @Test func aWrittenZeroMatchesOnlyZero() {
        #expect(number("0.0").matches(0))
        #expect(number("0").matches(-0.0))
        #expect(number("0.0").matches(5e-324) == false)
        #expect(number("0.0").matches(-5e-324) == false)
        #expect(number("0").matches(0.4) == false)
        #expect(number("0.000000").matches(1e-9) == false)
        #expect(number("0.0").claim(nil) == "exactly")
        // An explicit tolerance still widens it, for an author who means "nearly 0".
        #expect(number("0.0").matches(1e-9, tolerance: .absolute(1e-6)))
        #expect(number("0.0").claim(.absolute(1e-6)) == "±0.000001")
        #expect(number("0.5866").claim(nil) == "±0.00005")
    }

    @Test func scientificNotationCountsTheMantissasDigits() {
        let small = number("1e-3")
        #expect(small.value == 0.001)
        #expect(abs(small.halfUnit - 0.0005) < 1e-15)
        #expect(small.matches(0.0014))
        #expect(small.matches(0.0016) == false)
        let precise = number("1.2e-3")
        #expect(abs(precise.halfUnit - 0.00005) < 1e-15)
        #expect(precise.matches(0.00124))
        #expect(precise.matches(0.00126) == false)
    }

    @Test func trailingZerosClaimMorePrecision() {
        #expect(number("1.50").matches(1.5))
        #expect(number("1.5").matches(1.50))
        #expect(number("1.50").matches(1.506) == false)
        #expect(number("1.5").matches(1.54))
    }

    @Test func integersAndDecimalsCompareByValue() {
        #expect(number("3").matches(3.0))
        #expect(number("3.0").matches(3))
        #expect(number("3.0").matches(3.06) == false)
    }

    @Test func aNumberMayBeGluedToAUnitOrBracket() {
        #expect(WrittenNumber.tokens(in: "12%") == [
            .number(WrittenNumber(text: "12", value: 12, halfUnit: 0.5, offset: 0)), .text("%", offset: 2),
        ])
        let tokens = WrittenNumber.tokens(in: "[0.5,")
        #expect(tokens.count == 3)
        #expect(tokens[0] == .text("[", offset: 0))
        #expect(tokens[1] == .number(WrittenNumber(text: "0.5", value: 0.5, halfUnit: 0.05, offset: 1)))
        #expect(tokens[2] == .text(",", offset: 4))
    }

    @Test func digitsInsideWordsAreText() {
        #expect(WrittenNumber.tokens(in: "h1 W2 3rd") == [.text("h1 W2 3rd", offset: 0)])
        #expect(WrittenNumber.first(in: "h1 = -0.25")?.value == -0.25)
    }

    @Test func aToleranceWidensButNeverNarrows() {
        #expect(number("0.58").matches(0.5866, tolerance: .absolute(0.01)))
        #expect(number("0.58").matches(0.5866) == false)
        #expect(number("100").matches(101, tolerance: .relative(0.01)))
        #expect(number("100").matches(102, tolerance: .relative(0.01)) == false)
        #expect(number("0.5866").allowance(.absolute(0.000001)) == 0.00005)
    }

    @Test func allowancesPrintAsPlainDecimals() {
        #expect(WrittenNumber.format(0.00005) == "0.00005")
        #expect(WrittenNumber.format(0.5) == "0.5")
        #expect(WrittenNumber.format(10) == "10")
        #expect(WrittenNumber.format(0.01) == "0.01")
    }
}
