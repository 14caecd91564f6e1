import Foundation
import Testing
@testable import Literate

/// Case 4 of issue 19: an unclosed bracket no longer switches the math check off for the rest
/// of the formula, and what the checker cannot read is counted.
@Suite struct MathBracketsTests {
    @Test func anUnclosedLeftIsAnError() {
        #expect(messages("\\left( 1 + 2 = 4") == [
            "c.md:2:1: error: this \\left is never closed: add \\right and the closing bracket (or \\right. for none); the math after it went unchecked",
        ])
        #expect(messages("\\left( 1 + 2 \\right) = 3").isEmpty)
        #expect(messages("1 + 2 \\right) = 3").first?.contains("this \\right has no \\left before it") == true)
    }

    @Test func anUnclosedBraceIsAnError() {
        #expect(messages("\\frac{1}{2 = 0.5") == ["c.md:2:9: error: this { is never closed: add its }, or write \\{ for a brace"])
    }

    /// Valid TeX with brackets that do not pair (an interval): the rest is still checked.
    @Test func anOpenIntervalDoesNotHideTheRest() {
        #expect(messages("x \\in ]0, 1[, \\quad 1 + 1 = 3") == ["c.md:2:29: error: this step gives 2, but the text says 3 (exact)"])
        #expect(messages("x \\in [0, 1[ \\\\ 1 + 1 = 3") == ["c.md:2:25: error: this step gives 2, but the text says 3 (exact)"])
        let aligned = "\\begin{aligned} a &\\in [0, 1) \\\\ b &= 0.5 + 0.5 = 1.5 \\end{aligned}"
        #expect(messages(aligned) == ["c.md:2:51: error: this step gives 1.0, but the text says 1.5 (±0.05)"])
    }

    /// A side with numbers and no variable that the parser cannot read is counted, and the
    /// summary says how many.
    @Test func anUnreadableSideIsCounted() {
        let report = check("(1 + 2 = 3")
        #expect(report.steps.isEmpty)
        #expect(report.unreadable == [UnreadMathSide(location: Location(line: 2, column: 1), written: "(1 + 2")])
        #expect(check("x = y + 1").unreadable.isEmpty, "symbolic, not unreadable")
        // A name written as a command, a derivative, an unknown function: symbolic too.
        for tex in ["\\alpha + 1 = 2", "\\sigma'(0) = 0.25", "\\mathrm{softmax}(1) = 1", "\\delta^{[2]} = 0.5"] {
            #expect(check(tex).unreadable.isEmpty, "\(tex)")
        }
        // Arithmetic the checker does not read is counted.
        #expect(check("\\binom{4}{2} = 6").unreadable.count == 1)
        #expect(check("1 + 2 = 3").unreadable.isEmpty)
        var chapter = ChapterReport(path: "c.md", chapter: nil).adding(report)
        #expect(ChapterReport.summary([chapter])
            == "1 passed, 0 failed (0 printed numbers, 0 prose numbers, 0 claims, 0 math steps checked; 0 steps marked unchecked, 1 math side not read)")
        chapter.unreadableMath = []
        #expect(ChapterReport.summary([chapter]).hasSuffix("0 steps marked unchecked)"))
    }

    /// `book check --unread-math` lists each unread side as a note at its position, in file
    /// order among the other diagnostics; the verdict does not change.
    @Test func unreadSidesAreListedAsNotes() {
        let report = check("(1 + 2 = 3 \\quad 1 + 1 = 3")
        let chapter = ChapterReport(path: "c.md", chapter: nil).adding(report).notingUnreadMath()
        #expect(chapter.diagnostics.map(\.description) == [
            "c.md:2:1: note: the math checker cannot read this side, so its arithmetic is not checked: (1 + 2; "
                + "write it with arithmetic the checker reads (README, \"Writing a chapter\"), or mark an = that is not arithmetic with \\mathrel{=}",
            "c.md:2:26: error: this step gives 2, but the text says 3 (exact)",
        ])
        #expect(ChapterReport(path: "c.md", chapter: nil).adding(check("(1 + 2 = 3")).notingUnreadMath().passed)
    }
}
