import Testing
@testable import Literate

@Suite struct MathSourceTests {
    func diagnostics(_ markdown: String) -> [String] {
        MathCheck.check(text: markdown, path: "c.md").diagnostics.map { "\($0.line):\($0.column)" }
    }

    @Test func aStepInsideAMultiLineAlignedBlock() {
        let markdown = """
        # Title

        ```math
        \\begin{aligned}
        z &= 0.5 \\cdot 2 + 0.1 \\\\
          &= 1 + 0.1 = 1.2
        \\end{aligned}
        ```
        """
        #expect(diagnostics(markdown) == ["6:16"])
    }

    /// A NUL byte, which libcmark reads as U+FFFD (three bytes), does not shift the columns
    /// after it (a fuzz finding: a step's column lay past the end of its line).
    @Test func aNULInAMathBlockKeepsTheFilesColumns() {
        #expect(diagnostics("```math\n\u{0}\u{0} x = 1 + 1 = 3\n```\n") == ["2:16"])
        #expect(MathSource.placed(Array("\u{FFFD}x".utf8), in: [0, UInt8(ascii: "x")]) == (1, [0, UInt8(ascii: "x")]))
    }

    @Test func anInlineSpanInAParagraph() {
        let markdown = "Some text, then $`0.25 \\cdot 2 = 0.6`$ and $`1 + 1 = 3`$.\n"
        #expect(diagnostics(markdown) == ["1:34", "1:54"])
    }

    @Test func columnsCountBytesAfterNonASCII() {
        // '−' is three bytes in UTF-8, as libcmark and compilers count columns.
        let markdown = "The weight is −0.4, and $`2 \\cdot 0.2 = 0.5`$.\n"
        #expect(diagnostics(markdown) == ["1:43"])
    }

    @Test func aSpanAcrossLinesInAListItem() {
        let markdown = """
        - first, with $`0.5 + 0.5 =
          1.5`$ in it
        - second
        """
        #expect(diagnostics(markdown) == ["2:3"])
    }

    @Test func aMathBlockInsideAListAndAQuote() {
        let markdown = """
        1. Item:

           ```math
           2 \\cdot 3 = 7
           ```

        > ```math
        > 1 + 1 = 3
        > ```
        """
        #expect(diagnostics(markdown) == ["4:16", "8:11"])
    }

    @Test func spansInTablesAndDetails() {
        let markdown = """
        | step | value |
        |---|---|
        | one | $`0.5 \\cdot 2 = 2`$ |

        <details><summary>Answer</summary>

        The answer is $`3 \\cdot 3 = 6`$.

        </details>
        """
        #expect(diagnostics(markdown) == ["3:25", "7:29"])
    }

    @Test func onlyTheTreeDecidesWhatIsMath() {
        let markdown = """
        Write math as `` $`1 + 1 = 3`$ `` in a chapter.

        ```
        $`1 + 1 = 3`$
        ```

        ```swift
        let x = 1 // $`1 + 1 = 3`$
        ```
        """
        #expect(diagnostics(markdown).isEmpty)
    }

    @Test func crlfAndAByteOrderMarkKeepPositions() {
        let markdown = "\u{FEFF}Intro $`1 + 1 = 3`$\r\n\r\n```math\r\n2 = 3\r\n```\r\n"
        #expect(diagnostics(markdown) == ["1:17", "4:5"])
    }
}
