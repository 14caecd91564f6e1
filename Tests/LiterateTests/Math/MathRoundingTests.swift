import Testing
@testable import Literate

/// `\lceil x \rceil` and `\lfloor x \rfloor` are read, and a rounded argument never turns its
/// rounding into a wrong pass or a false failure (`MathRounding`).
@Suite struct MathRoundingTests {
    @Test func aCeilingIsChecked() {
        #expect(check("\\lceil 150/4 \\rceil = 38").steps.map(\.passed) == [true])
        #expect(messages("\\lceil 150/4 \\rceil = 37") == ["c.md:2:23: error: this step gives 38, but the text says 37 (exact)"])
        #expect(check("\\left\\lceil \\frac{150}{32} \\right\\rceil = 5").steps.map(\.passed) == [true])
        #expect(messages("150 - \\lceil 150/16 \\rceil \\cdot 16 = -10").isEmpty)
        #expect(check("\\lceil 150/16 \\rceil = 10").unreadable.isEmpty)
    }

    @Test func aFloorIsChecked() {
        #expect(check("\\lfloor 150/4 \\rfloor = 37").steps.map(\.passed) == [true])
        #expect(messages("\\lfloor 150/4 \\rfloor = 38") == ["c.md:2:25: error: this step gives 37, but the text says 38 (exact)"])
        #expect(check("\\lfloor -0.5 \\rfloor = -1").steps.map(\.passed) == [true])
        #expect(messages("\\left\\lfloor 7/2 \\right\\rfloor^2 = 9").isEmpty)
    }

    /// (0.1 + 0.2) · 10 is 3.0000000000000004 in binary: on paper, and here, its ceiling is 3.
    @Test func binaryRoundingDoesNotMoveAWholeNumber() {
        #expect((0.1 + 0.2) * 10 > 3)
        #expect(check("\\lceil (0.1 + 0.2) \\cdot 10 \\rceil = 3").steps.map(\.passed) == [true])
        #expect(0.29 * 100 < 29)
        #expect(check("\\lfloor 0.29 \\cdot 100 \\rfloor = 29").steps.map(\.passed) == [true])
    }

    /// The chain's first side is exact input: ⌈2.0⌉ there is 2.
    @Test func anExactInputIsRoundedAsWritten() {
        #expect(messages("\\lceil 2.0 \\rceil = 2").isEmpty)
        #expect(messages("\\lceil 2.0 \\rceil = 3") == ["c.md:2:21: error: this step gives 2, but the text says 3 (exact)"])
    }

    /// A rounded intermediate whose every allowed value gives one whole number is decided.
    @Test func aRoundedArgumentThatDecidesIsChecked() {
        #expect(check("\\lceil 150/4 \\rceil = \\lceil 37.5 \\rceil = 38").steps.map(\.passed) == [true, true])
        #expect(check("\\lceil 6.0000003/3 \\rceil = \\lceil 2.0000001 \\rceil = 3").steps.map(\.passed) == [true, true])
        // Decided, so it adds no allowance: one off is still wrong.
        #expect(messages("\\lceil 6.0000003/3 \\rceil + 1 = \\lceil 2.0000001 \\rceil") == [
            "c.md:2:33: error: this step gives 4, but the text says 3 (exact)",
        ])
    }

    /// 2.0 written rounded means 1.95 to 2.05, whose ceiling is 2 or 3: an error, never a pass
    /// on a tolerance of half a step (5/2 = 2.5 is no ceiling at all).
    @Test func aRoundedArgumentThatDoesNotDecideIsAnError() {
        let undecided = "the ceiling here is not decided by the digits written: its argument is 2 ± 0.05, which gives 2 or 3; "
            + "write the argument exactly (a fraction such as 150/4) or with more digits"
        #expect(messages("5/2 = \\lceil 2.0 \\rceil") == ["c.md:2:7: error: " + undecided])
        #expect(messages("\\lceil 4/2 \\rceil = \\lceil 2.0 \\rceil") == ["c.md:2:21: error: " + undecided])
        #expect(messages("\\lfloor 4/2 \\rfloor = \\lfloor 2.0 \\rfloor").first?.contains("the floor here is not decided") == true)
        // Neither may it pass by agreeing with the chain's first side.
        #expect(messages("3 = \\lceil 2.5 \\rceil = \\lceil 3.0 \\rceil").count == 1)
    }
}
