import Testing
@testable import Literate

@Suite struct ProgramTests {
    private let chapter = Chapter(path: "/b/ch.md", blocks: [
        CodeBlock(index: 0, fence: Location(line: 3, column: 1), firstCodeLine: 4, codeColumn: 1, code: "let a = 1\n"),
        CodeBlock(index: 1, fence: Location(line: 7, column: 1), firstCodeLine: 8, codeColumn: 1, code: "[1][3]\n", mode: .traps(message: nil)),
        CodeBlock(index: 2, fence: Location(line: 11, column: 1), firstCodeLine: 12, codeColumn: 1, code: "let b: Int = \"\"\n",
                  mode: .failsToCompile(message: "cannot convert")),
        CodeBlock(index: 3, fence: Location(line: 15, column: 1), firstCodeLine: 16, codeColumn: 1, code: "while true {}", mode: .compileOnly),
    ], checks: [])

    @Test func everyBlockIsLocatedInTheChapter() {
        let source = Program(chapter: chapter).source
        #expect(source.hasPrefix(Prelude.header))
        #expect(source.contains("bookBlock(0)\n#sourceLocation(file: \"/b/ch.md\", line: 4)\nlet a = 1\n#sourceLocation()\n"))
        #expect(source.contains("if bookTrapBlock == 1 {\n#sourceLocation(file: \"/b/ch.md\", line: 8)\n[1][3]\n#sourceLocation()\nbookTrapBlockFinished(1)\n}\n"))
        #expect(source.contains("if bookNeverRuns() {\n#sourceLocation(file: \"/b/ch.md\", line: 16)\nwhile true {}\n#sourceLocation()\n}\n"))
        #expect(source.contains("let b: Int") == false)
        #expect(source.hasSuffix("bookEnd()\n"))
    }

    @Test func aMustFailBlockIsCheckedAfterTheBlocksBeforeIt() {
        let source = Program(chapter: chapter).typeCheckSource(for: chapter.blocks[2])
        #expect(source.contains("let a = 1"))
        #expect(source.hasSuffix("#sourceLocation(file: \"/b/ch.md\", line: 12)\nlet b: Int = \"\"\n#sourceLocation()\n"))
        #expect(source.contains("while true") == false)
    }

    @Test func pathsAreEscapedAsStringLiterals() {
        #expect(Program.literal("a \"b\"\\c") == #""a \"b\"\\c""#)
    }
}
