import Testing
@testable import Literate

@Suite struct CompilerOutputTests {
    @Test func errorLinesAreParsedAndOthersSkipped() {
        let output = """
        /b/ch.md:8:14: error: cannot convert value of type 'String' to specified type 'Int'
         6 | let y: Int = "two"
        /b/ch.md:8:1: warning: never used
        error: emit-module command failed with exit code 1 (use -v to see invocation)
        """
        #expect(CompilerError.errors(in: output) == [
            CompilerError(path: "/b/ch.md", line: 8, column: 14, message: "cannot convert value of type 'String' to specified type 'Int'"),
            CompilerError(path: "", line: 0, column: 0, message: "emit-module command failed with exit code 1 (use -v to see invocation)"),
        ])
    }

    @Test func errorsMoveIntoTheMarkdownFile() {
        let block = CodeBlock(index: 0, fence: Location(line: 7, column: 3), firstCodeLine: 8, codeColumn: 3, code: "let y: Int = \"two\"\n")
        let chapter = Chapter(path: "/b/ch.md", blocks: [block], checks: [])
        let error = CompilerError(path: "/b/ch.md", line: 8, column: 14, message: "cannot convert")
        #expect(chapter.diagnostic(for: error).description == "/b/ch.md:8:16: error: cannot convert")
        let stray = CompilerError(path: "/tmp/main.swift", line: 30, column: 1, message: "expected '}'")
        #expect(chapter.diagnostic(for: stray).description
            == "/b/ch.md:7:3: error: chapter code does not compile: expected '}' (are its braces balanced?)")
    }
}
