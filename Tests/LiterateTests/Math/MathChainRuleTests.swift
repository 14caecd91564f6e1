import Testing
@testable import Literate

/// The diagnostics `book check` gives for `tex` in a math block (positions relative to the
/// block's first line, which is line 2 of the file).
func check(_ tex: String) -> MathReport {
    MathCheck.check(text: "```math\n" + tex + "\n```\n", path: "c.md")
}

func messages(_ tex: String) -> [String] { check(tex).diagnostics.map(\.description) }

@Suite struct MathChainRuleTests {
    // The design's first worked example: the first side's literals are exact, a new literal
    // carries half a unit of its last digit.
    @Test func theFirstWorkedExamplePasses() {
        let report = check("0.5 \\cdot 1 + (-0.2) \\cdot 2 + 0.1 = 0.5 - 0.4 + 0.1 = 0.2")
        #expect(report.diagnostics.isEmpty)
        #expect(report.steps.map(\.passed) == [true, true])
        #expect(report.steps.map { ($0.allowance * 1e6).rounded() } == [50_000, 50_000])
    }

    @Test func aOneDigitChangeToItsResultFails() {
        #expect(messages("0.5 \\cdot 1 + (-0.2) \\cdot 2 + 0.1 = 0.5 - 0.4 + 0.1 = 0.3")
            == ["c.md:2:56: error: this step gives 0.2, but the text says 0.3 (±0.05)"])
    }

    @Test func literalsOfTheFirstSideAreNeverRounded() {
        // Treating every literal as rounded would let this pass.
        #expect(messages("0.5 \\cdot 1 + (-0.2) \\cdot 2 + 0.1 = 0.3").count == 1)
        #expect(messages("0.5 \\cdot 1 + (-0.2) \\cdot 2 + 0.1 = 0.2").isEmpty)
    }

    // The second worked example: a chain carried with rounded terms.
    @Test func aChainCarriedWithRoundedTermsPasses() {
        let report = check("0.6 \\cdot 0.549834 - 0.3 \\cdot 0.679179 + 0.05 = 0.329900 - 0.203754 + 0.05 = 0.176147")
        #expect(report.diagnostics.isEmpty)
        #expect(report.steps.count == 2)
        // The last side is 1e-6 from the middle one but 3e-7 from the first: compared with the first.
        #expect(abs(report.steps[1].computed[0] - (0.6 * 0.549834 - 0.3 * 0.679179 + 0.05)) < 1e-15)
    }

    @Test func aOneDigitChangeInTheRoundedChainFails() {
        #expect(messages("0.6 \\cdot 0.549834 - 0.3 \\cdot 0.679179 + 0.05 = 0.329900 - 0.203754 + 0.05 = 0.176148")
            == ["c.md:2:79: error: this step gives 0.176146, but the text says 0.176148 (±0.0000005)"])
        #expect(messages("0.6 \\cdot 0.549834 - 0.3 \\cdot 0.679179 + 0.05 = 0.329900 - 0.203745 + 0.05 = 0.176147").count == 1)
    }

    @Test func aRepeatedLiteralIsExact() {
        // 0.05 is copied from the side before, so it carries nothing; 0.32990 and 0.20375 do.
        let report = check("0.6 \\cdot 0.549834 - 0.3 \\cdot 0.679179 + 0.05 = 0.32990 - 0.20375 + 0.05")
        #expect(report.steps.map { ($0.allowance * 1e9).rounded() } == [10_000])
    }

    @Test func anExactVerdictSaysWhyTheNumberIsExact() {
        // 0.12 repeats a number of the first side, so it is an input, allowed nothing.
        #expect(messages("0.12 + 0.0004 = 0.12") == ["c.md:2:17: error: this step gives 0.1204, but the text says 0.12 (exact); "
            + "0.12 appears in the chain's first side, so it counts as exact: write \\approx, or start a new chain"])
        // What the message offers passes: \approx allows one unit of the last digit.
        #expect(messages("0.12 + 0.0004 \\approx 0.12").isEmpty)
        // Repeated from a later side, it says so.
        #expect(messages("0.1 + 0.02 + 0.01 = 0.12 + 0.01 = 0.12") == ["c.md:2:35: error: this step gives 0.13, but the text says "
            + "0.12 (exact); 0.12 appears in the side before, so it counts as exact: write \\approx, or start a new chain"])
        // A rounded side that misses says nothing about exactness.
        #expect(messages("0.1 + 0.0211 = 0.13") == ["c.md:2:16: error: this step gives 0.12, but the text says 0.13 (±0.005)"])
    }

    @Test func precisionPropagatesThroughTheExpression() {
        // 1/(1 + ℓ) moves by ℓ's half unit times 1/(1 + ℓ)², about 0.316 · 5e-7.
        let report = check("\\sigma(0.25) = \\frac{1}{1 + 0.778801} = \\frac{1}{1.778801} = 0.562177")
        #expect(report.diagnostics.isEmpty)
        #expect(abs(report.steps[0].allowance - 0.5e-6 / (1.778801 * 1.778801)) < 1e-12)
        #expect(messages("\\sigma(0.25) = \\frac{1}{1 + 0.778801} = \\frac{1}{1.778801} = 0.562187")
            == ["c.md:2:62: error: this step gives 0.562176, but the text says 0.562187 (±0.0000005)"])
    }

    @Test func binaryRoundingIsNoError() {
        #expect(messages("0.5 - 0.4 - 0.1 = 0").isEmpty)
        #expect(messages("0.1 + 0.2 = 0.3").isEmpty)
        // Tiny values keep their precision: 6.4e-11 is 2e-12 from e^{-23.44}.
        #expect(messages("e^{-23.44} = 6.6 \\times 10^{-11}").isEmpty)
        #expect(messages("e^{-23.44} = 6.5 \\times 10^{-11}").count == 1)
    }

    @Test func integersAreExact() {
        #expect(messages("0.4 + 0.4 = 1").count == 1)
        #expect(messages("2 \\cdot 3 = 6").isEmpty)
    }

    @Test func approxAddsOneUnitOfTheLastDigit() {
        // e^{-0.25} = 0.7788008; 0.7789 is 1e-4 away: more than its half unit, within ≈'s room.
        #expect(messages("e^{-0.25} = 0.7789").count == 1)
        #expect(messages("e^{-0.25} \\approx 0.7789").isEmpty)
        #expect(messages("e^{-0.25} \\approx 0.7790").count == 1)
        #expect(check("e^{-0.25} \\approx 0.7789").steps.map { ($0.allowance * 1e9).rounded() } == [150_000])
    }

    @Test func matricesAreComparedElementByElement() {
        let good = "\\begin{pmatrix} 0.5 & -0.2 \\end{pmatrix} \\begin{pmatrix} 1 \\\\ 2 \\end{pmatrix} = 0.1"
        #expect(messages(good).isEmpty)
        let tex = "2 \\begin{pmatrix} 0.25 \\\\ 0.3 \\end{pmatrix} = \\begin{pmatrix} 0.5 \\\\ 0.7 \\end{pmatrix}"
        #expect(messages(tex) == ["c.md:2:47: error: this step gives 0.6 in row 2, column 1, but the text says 0.7 (±0.05)"])
        let shapes = "\\begin{pmatrix} 1 \\\\ 2 \\end{pmatrix} = \\begin{pmatrix} 1 & 2 \\end{pmatrix}"
        #expect(messages(shapes) == ["c.md:2:40: error: this step gives a 2×1 matrix, but the text says a 1×2 matrix; write both sides with one shape"])
        #expect(messages("\\sigma\\big((0, 0)\\big) = (0.5, 0.6)") == ["c.md:2:26: error: this step gives 0.5 in entry 2, but the text says 0.6 (±0.05)"])
    }

    @Test func theOptOutIsNeverCheckedAndIsCounted() {
        let report = check("\\sqrt{30 \\cdot 0.18257^2} \\mathrel{=} \\sqrt{30 / 30} = 1")
        #expect(report.diagnostics.isEmpty)
        #expect(report.steps.count == 1)  // only sqrt(30/30) = 1
        #expect(report.unchecked == [Location(line: 2, column: 27)])
        #expect(messages("\\sqrt{30 \\cdot 0.18257^2} = \\sqrt{30 / 30}").count == 1)
    }

    @Test func aSymbolicSideStartsAFreshRun() {
        let report = check("0.5 + 0.5 = x = 0.25 \\cdot 4 = 1")
        #expect(report.steps.count == 1)
        #expect(report.diagnostics.isEmpty)
    }

    @Test func aSideWithoutAValueIsAnError() {
        // A gross change under a square root used to make the side NaN, and the step vanished.
        let message = "c.md:2:1: error: this side is arithmetic but has no value (NaN or infinite: a square root of a "
            + "negative number, a logarithm of 0, a division by 0, or an overflow); fix the arithmetic, or mark a "
            + "relation that is not arithmetic with \\mathrel{=}"
        #expect(messages("\\sqrt{1 - 9.98761^2} = 0.15693") == [message])
        #expect(messages("\\sqrt{1 - 0.98761^2} = 0.15693").isEmpty)
        #expect(messages("\\ln 0 = -5").count == 1)
        #expect(messages("10^{400} = 1").count == 1)
        #expect(check("\\sqrt{1 - 9.98761^2} = 0.15693").steps.map(\.passed) == [false])
        // Marked as not arithmetic, or alone, it is not a step.
        #expect(messages("e^{1000} \\mathrel{=} \\infty").isEmpty)
        #expect(messages("\\sqrt{-1}").isEmpty)
    }

    @Test func approxGivesEveryElementOneUnitOfItsOwnDigit() {
        // (-0.0136041) · 2 = -0.0272082; ≈ -0.0272081 is one unit of the 7th decimal away.
        #expect(messages("-0.0136041 \\cdot 2 \\approx -0.0272081").isEmpty)
        let first = "\\begin{pmatrix} -0.0136041 \\\\ 0.5 \\end{pmatrix} \\cdot 2 \\approx "
            + "\\begin{pmatrix} -0.0272081 \\\\ 1.0 \\end{pmatrix}"
        #expect(messages(first).isEmpty)
        let last = "\\begin{pmatrix} 0.5 \\\\ -0.0136041 \\end{pmatrix} \\cdot 2 \\approx "
            + "\\begin{pmatrix} 1.0 \\\\ -0.0272081 \\end{pmatrix}"
        #expect(messages(last).isEmpty)
        // Two units away is still an error, in any element.
        let far = "\\begin{pmatrix} -0.0136041 \\\\ 0.5 \\end{pmatrix} \\cdot 2 \\approx "
            + "\\begin{pmatrix} -0.0272080 \\\\ 1.0 \\end{pmatrix}"
        #expect(messages(far).count == 1)
    }

    @Test func aNoteUnderABraceIsNotMath() {
        // Letters in the note made the whole side symbolic, so its numbers went unchecked.
        let tex = "\\underbrace{0.5 \\cdot 2}_{\\text{wire to } \\hat y_1} + 0.25 = "
        #expect(check(tex + "1.25").steps.map(\.passed) == [true])
        #expect(messages(tex + "1.35").count == 1)
        #expect(messages("\\overbrace{3 \\cdot 0.1}^{x_1 \\text{ times } w} = 0.4").count == 1)
    }
}
