import Testing
@testable import Literate

/// `\pm` and `\mp`: a side has an upper and a lower branch, compared branch by branch.
@Suite struct MathPlusMinusTests {
    /// The upper and lower branch of a side, as the checker splits it.
    func branches(_ tex: String) -> [Double]? {
        guard let (expression, literals) = try? MathParser.parse(MathLexer.tokens(tex)) else { return nil }
        return try? expression.splittingBranches.evaluate(literals.map(\.value)).elements
    }

    @Test func bothBranchesAreChecked() {
        #expect(check("1 \\pm \\sqrt{1 - 0.9} = 1 \\pm \\sqrt{0.1} = 1 \\pm 0.316228").steps.map(\.passed) == [true, true])
        #expect(messages("1 \\pm \\sqrt{0.1} = 1 \\pm 0.316238")
            == ["c.md:2:20: error: this step gives 1.316228 with ± read as +, but the text says 1.316238 (±0.0000005)"])
        #expect(messages("(-1.2 \\pm \\sqrt{1.44 + 1.8}) / 2 = (-1.2 \\pm 1.8) / 2 = -0.6 \\pm 0.9").isEmpty)
        // The branches swapped: the upper one is 0.3, not -1.5.
        #expect(messages("(-1.2 \\pm 1.8) / 2 = -0.6 \\mp 0.9")
            == ["c.md:2:22: error: this step gives 0.3 with ± read as +, but the text says -1.5 (±0.1)"])
    }

    /// One sign throughout a side, as the quadratic formula means it; `\mp` is the other one.
    @Test func oneSignThroughoutASide() {
        #expect(branches("(1 \\pm 1)(1 \\pm 1)") == [4, 0])
        #expect(branches("2 \\pm 1 \\mp 3") == [0, 4])
        #expect(branches("\\pm 0.5 \\cdot 2") == [1, -1])
        #expect(messages("(1 \\pm 1)(1 \\pm 1) = 2 \\pm 2").isEmpty)
        #expect(messages("(1 \\pm 1)(1 \\pm 1) = 4 \\pm 0").count == 1)
    }

    @Test func aPairIsNeverOneNumber() {
        #expect(messages("1 \\pm 0.5 = 1.5")
            == ["c.md:2:13: error: this step gives a ± pair, but the text says a number; write both sides with one shape"])
        #expect(check("r = 1 \\pm 0.5").unreadable.isEmpty)
    }
}
