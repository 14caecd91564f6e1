import Testing
import Literate

@Suite struct DiagnosticTests {
    @Test func printsLikeACompiler() {
        let diagnostic = Diagnostic(path: "chapters/04-forward.md", line: 12, column: 5, message: "expected 0.5866, got 0.5871")
        #expect(diagnostic.description == "chapters/04-forward.md:12:5: error: expected 0.5866, got 0.5871")
    }
}
