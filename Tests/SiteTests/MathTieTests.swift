import Testing
@testable import Site

@Suite struct MathTieTests {
    let links = Links(pages: ["01-one.md": "01-one.html"])

    func filled(_ markdown: String) -> String {
        let page = PageRenderer.render(markdown: markdown, path: "chapters/01-one.md", results: PageResults(), links: links)
        return MathFormula.fill(page.body, formulas: page.formulas) { "<span class=\"math inline\">\($0.tex)</span>" }
    }

    /// Chapter 10 at 390 px once read `λ = 0` at a line's end and `, no decay` on the next.
    @Test func punctuationAfterAFormulaIsTiedToIt() {
        #expect(filled("Start at $`\\lambda = 0`$, no decay.\n")
            == "<p>Start at <span class=\"math-tie\"><span class=\"math inline\">\\lambda = 0</span>,</span> no decay.</p>\n")
        #expect(filled("It ends ($`x`$).\n").contains("<span class=\"math-tie\">(<span class=\"math inline\">x</span>).</span></p>"))
        #expect(filled("Then $`a`$: done; $`b`$; $`c`$.\n").contains(
            "<span class=\"math-tie\"><span class=\"math inline\">a</span>:</span> done; <span class=\"math-tie\"><span class=\"math inline\">b</span>;</span> "))
    }

    @Test func aFormulaWithNothingAgainstItStandsAlone() {
        #expect(filled("Both $`a`$ and $`b`$ here\n") == "<p>Both <span class=\"math inline\">a</span> and <span class=\"math inline\">b</span> here</p>\n")
        // A space before the comma: the author chose a break there.
        #expect(!filled("At $`a`$ , then.\n").contains("math-tie"))
    }

    @Test func counts() {
        #expect(MathTie.closingCount("), then") == 2)
        #expect(MathTie.closingCount(" and") == 0)
        #expect(MathTie.openingCount("at (") == 1)
        #expect(MathTie.openingCount("at ") == 0)
    }

    @Test func punctuationIsEscaped() {
        #expect(MathTie.tie("", "F", "") == "F")
        #expect(MathTie.tie("(", "F", ")") == "<span class=\"math-tie\">(F)</span>")
    }
}
