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

    @Test func slowExpressionsBecomeWarnings() {
        let output = "/b/ch.md:8:12: warning: expression took 2614ms to type-check (limit: 1000ms)\n/b/ch.md:9:1: warning: never used\n"
        let slow = CompilerError.slowExpressions(in: output)
        #expect(slow == [CompilerError(path: "/b/ch.md", line: 8, column: 12, message: "expression took 2614ms to type-check (limit: 1000ms)")])
        let block = CodeBlock(index: 0, fence: Location(line: 7, column: 1), firstCodeLine: 8, codeColumn: 1, code: "let a = 1\nlet b = 2\n")
        let chapter = Chapter(path: "/b/ch.md", blocks: [block], checks: [])
        #expect(chapter.slowExpressionWarning(for: slow[0]).description
            == "/b/ch.md:8:12: warning: this expression takes 2614ms to type-check, slowing every check; give its closures or literals explicit types, or split it")
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
