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

    /// swiftc 6.3's llvm-style output for an optional used as a value and a renamed member.
    static let withNotes = """
        /b/ch.md:12:14: error: value of optional type 'Int?' must be unwrapped to a value of type 'Int'
        let y: Int = x
                     ^
        /b/ch.md:12:14: note: coalesce using '??' to provide a default when the optional value contains 'nil'
        let y: Int = x
                     ^
                       ?? <#default value#>
        /b/ch.md:12:14: note: force-unwrap using '!' to abort execution if the optional value contains 'nil'
        let y: Int = x
                     ^
                      !
        /b/ch.md:13:9: warning: 'oldName(x:)' is deprecated: renamed to 'newName(x:)' [#DeprecatedDeclaration]
        print(s.oldName(x: 2))
                ^
        /b/ch.md:13:9: note: use 'newName(x:)' instead
        print(s.oldName(x: 2))
                ^~~~~~~
                newName
        /b/ch.md:14:15: error: value of type '[Int]' has no member 'firstt'
        let z = [1,2].firstt
                ~~~~~ ^~~~~~
        [#DeprecatedDeclaration]: <https://docs.swift.org/compiler/documentation/diagnostics/deprecated-declaration>
        """

    @Test func notesAndFixItsStayWithTheirMessage() {
        let errors = CompilerError.errors(in: Self.withNotes)
        #expect(errors.map(\.message) == ["value of optional type 'Int?' must be unwrapped to a value of type 'Int'",
                                          "value of type '[Int]' has no member 'firstt'"])
        #expect(errors[0].notes.map(\.message) == [
            "coalesce using '??' to provide a default when the optional value contains 'nil'",
            "force-unwrap using '!' to abort execution if the optional value contains 'nil'"])
        #expect(errors[0].notes.map(\.fixIts) == [[Diagnostic.FixIt(line: 12, column: 16, text: "?? <#default value#>")],
                                                  [Diagnostic.FixIt(line: 12, column: 15, text: "!")]])
        // A caret line with a range and no fix-it line under it suggests nothing.
        #expect(errors[1].notes.isEmpty && errors[1].fixIts.isEmpty)
        let warnings = CompilerError.warnings(in: Self.withNotes)
        #expect(warnings.map(\.message) == ["'oldName(x:)' is deprecated: renamed to 'newName(x:)' [#DeprecatedDeclaration]"])
        #expect(warnings[0].notes.map(\.fixIts) == [[Diagnostic.FixIt(line: 13, column: 9, text: "newName")]])
    }

    @Test func notesAndFixItsMoveIntoTheMarkdownFile() throws {
        // The block is indented by two spaces: every column moves by two.
        let code = String(repeating: "\n", count: 11) + "let y: Int = x\nprint(s.oldName(x: 2))\n"
        let block = CodeBlock(index: 0, fence: Location(line: 0, column: 3), firstCodeLine: 1, codeColumn: 3, code: code)
        let chapter = Chapter(path: "/b/ch.md", blocks: [block], checks: [])
        let error = try #require(CompilerError.errors(in: Self.withNotes).first)
        #expect(chapter.diagnostic(for: error).description == """
            /b/ch.md:12:16: error: value of optional type 'Int?' must be unwrapped to a value of type 'Int'
            /b/ch.md:12:16: note: coalesce using '??' to provide a default when the optional value contains 'nil' (fix-it: write '?? <#default value#>' at 12:18)
            /b/ch.md:12:16: note: force-unwrap using '!' to abort execution if the optional value contains 'nil' (fix-it: write '!' at 12:17)
            """)
    }
}
