import Testing
@testable import Site

@Suite struct MathTieTests {
    let links = Links(pages: ["01-one.md": "01-one.html"])

    func tie(_ inside: String) -> String { "<span class=\"math-tie\">" + inside + "</span>" }

    func filled(_ markdown: String) -> String {
        let page = PageRenderer.render(markdown: markdown, path: "chapters/01-one.md", results: PageResults(), links: links)
        return MathFormula.fill(page.body, formulas: page.formulas) { "<M>\($0.tex)</M>" }
    }

    /// Chapter 10 at 390 px once read `λ = 0` at a line's end and `, no decay` on the next.
    @Test func punctuationAgainstAFormulaIsTiedToIt() {
        #expect(filled("Start at $`\\lambda = 0`$, no decay.\n") == "<p>Start at \(tie("<M>\\lambda = 0</M>,")) no decay.</p>\n")
        #expect(filled("It ends ($`x`$).\n") == "<p>It ends \(tie("(<M>x</M>)."))</p>\n")
        #expect(filled("Then $`a`$: done; $`b`$; $`c`$.\n")
            == "<p>Then \(tie("<M>a</M>:")) done; \(tie("<M>b</M>;")) \(tie("<M>c</M>."))</p>\n")
        #expect(filled("Pairs $`a`$),($`b`$.\n") == "<p>Pairs \(tie("<M>a</M>),"))\(tie("(<M>b</M>."))</p>\n")
    }

    @Test func aFormulaWithNothingAgainstItStandsAlone() {
        #expect(filled("Both $`a`$ and $`b`$ here\n") == "<p>Both <M>a</M> and <M>b</M> here</p>\n")
        // A space before the comma: the author chose a break there.
        #expect(filled("At $`a`$ , then.\n") == "<p>At <M>a</M> , then.</p>\n")
    }

    @Test func counts() {
        #expect(MathTie.closingCount("), then") == 2)
        #expect(MathTie.closingCount(" and") == 0)
        #expect(MathTie.openingCount("at (") == 1)
        #expect(MathTie.openingCount("at ") == 0)
    }
}
