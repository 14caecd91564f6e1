import Testing
@testable import Site

@Suite struct MathFormulaTests {
    @Test func offsetsMapToMarkdownLinesAndByteColumns() {
        let inline = MathFormula(tex: "σ + \\foo", display: false, path: "a.md", line: 3, column: 14)
        // "σ + " is 4 UTF-16 units and 5 UTF-8 bytes.
        #expect(inline.position(ofOffset: 4) == (3, 19))
        let display = MathFormula(tex: "a = b\n  + \\sqrtt{2}", display: true, path: "a.md", line: 10, column: 3)
        #expect(display.position(ofOffset: 0) == (10, 3))
        #expect(display.position(ofOffset: 10) == (11, 7))
        #expect(display.diagnostic("undefined control sequence: \\sqrtt", offset: 10).description
            == "a.md:11:7: error: TeX error: undefined control sequence: \\sqrtt; fix the formula")
    }

    @Test func inlineMathIsPlacedAtItsCodeSpan() {
        let page = PageRenderer.render(markdown: "Text $`x`$ and $``y``$\nthen $`x`$.\n", path: "a.md", results: PageResults(),
                                       links: Links(pages: [:]))
        #expect(page.formulas.map { "\($0.tex)@\($0.line):\($0.column)" } == ["x@1:8", "y@1:19", "x@2:8"])
    }

    @Test func markersAreFilledInOrder() {
        let formulas = [MathFormula(tex: "a", display: false, path: "p", line: 1, column: 1),
                        MathFormula(tex: "b", display: false, path: "p", line: 1, column: 5)]
        let body = "x \(MathFormula.marker(0)) y \(MathFormula.marker(1))."
        #expect(MathFormula.fill(body, formulas: formulas) { "[\($0.tex)]" } == "x [a] y [b].")
    }

    @Test func theTypesetterAsksOnlyForWhatTheCacheLacksInOneBatch() throws {
        let requests: Set = [MathRequest(tex: "b", display: false), MathRequest(tex: "a", display: true)]
        let calls = Calls()
        let typesetter = MathTypesetter(assets: [:]) { batch in
            calls.append(batch)
            return batch.map { $0.tex == "b" ? .error("no", offset: 0) : .html("<" + $0.tex + ">") }
        }
        let results = try typesetter.typeset(requests)
        #expect(calls.all == [[MathRequest(tex: "b", display: false), MathRequest(tex: "a", display: true)]])
        #expect(results[MathRequest(tex: "a", display: true)] == .html("<a>"))
        #expect(results[MathRequest(tex: "b", display: false)] == .error("no", offset: 0))
        #expect(try MathTypesetter.none().typeset(requests).isEmpty)
    }
}

/// Records the batches a test typesetter was asked for.
final class Calls: @unchecked Sendable {
    private(set) var all: [[MathRequest]] = []
    func append(_ batch: [MathRequest]) { all.append(batch) }
}
