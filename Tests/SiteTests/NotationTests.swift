import Literate
import Testing
@testable import Site

@Suite struct NotationTests {
    let notation = Notation(markdown: """
    # Notation

    | symbol | meaning | shape |
    |---|---|---|
    | $`n_x`$ | the number of input features | a whole number |
    | $`n_y`$ | the number of outputs | a whole number |
    | $`y`$, $`y^{(i)}`$ | the target. More words here. | ($`n_y`$, 1) |
    | $`z^{[\\ell]}`$ | the weighted sums of layer $`\\ell`$ for one example | x |
    | $`w^{[\\ell]}_{jk}`$ | one weight | a number |
    | $`\\delta^{[\\ell]}`$ | for one example, $`\\frac{\\partial L}{\\partial z^{[\\ell]}}`$: what backpropagation passes down | x |

    | symbol | meaning |
    |---|---|
    | $`A \\odot B`$ | the element-wise product of two matrices of the same shape; in code `A .* B` |
    """)

    @Test func aSymbolAloneShowsItsFirstSentence() {
        #expect(notation.definition(ofTeX: "n_x") == "the number of input features")
        #expect(notation.definition(ofTeX: "n_y") == "the number of outputs", "a named subscript is not an index")
        #expect(notation.definition(ofTeX: "y^{(3)}") == "the target.")
        #expect(notation.definition(ofTeX: "\\delta^{[2]}") == "for one example, ∂ L/∂ z[ℓ]: what backpropagation passes down")
        #expect(notation.definition(ofTeX: "\\odot") == "the element-wise product of two matrices of the same shape; in code A .* B")
    }

    @Test func layersExamplesAndIndicesStandForAnyValue() {
        #expect(notation.definition(ofTeX: "z^{[1]}_2")?.hasPrefix("the weighted sums") == true)
        #expect(notation.definition(ofTeX: "z^{[\\ell-1]}")?.hasPrefix("the weighted sums") == true)
        #expect(notation.definition(ofTeX: "w^{[2]}_{12}") == "one weight")
    }

    @Test func aFormulaThatIsMoreThanASymbolShowsNothing() {
        #expect(notation.definition(ofTeX: "z^{[1]} = 0.5") == nil)
        #expect(notation.definition(ofTeX: "q") == nil)
        #expect(Notation().definition(ofTeX: "y") == nil)
    }

    @Test func theFirstUseInASectionTakesFocusTheRestHoverOnly() {
        let page = PageRenderer.render(ChapterParser.parse("# T\n\nSo $`y`$ and $`y`$.\n\n## Next\n\nAgain $`y`$.\n", path: "c/01-one.md"),
                                       results: PageResults(), links: Links(pages: [:]), notation: notation)
        #expect(page.formulas.map(\.definition) == Array(repeating: "the target.", count: 3))
        #expect(page.formulas.map(\.focusable) == [true, false, true])
        let html = page.formulas[0].html(typeset: "<k/>", checked: [])
        #expect(html == "<span class=\"symbol\" tabindex=\"0\" aria-describedby=\"stip-01-one-md-3-6\"><span class=\"math inline\"><k/></span><span class=\"tip\" role=\"tooltip\" id=\"stip-01-one-md-3-6\">the target.</span></span>")
    }
}
