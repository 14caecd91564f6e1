import Foundation
import Testing
@testable import Literate

@Suite struct ChapterParserTests {
    private func parse(_ text: String) -> (chapter: Chapter?, diagnostics: [String]) {
        let parsed = ChapterParser.parse(text, path: "ch.md")
        return (parsed.chapter, parsed.diagnostics.map(\.description))
    }

    @Test func blocksAnywhereWithOptionsAndOutputs() throws {
        let text = """
        # Title

        ```swift hidden
        let a = 1
        ```

        > ```swift
        > print(a)
        > ```
        >
        > ```output tolerance=1%
        > 1
        > ```

        1. item

           ~~~swift traps="out of range"
           [1][2]
           ~~~

            indented code is prose

        ```swift fails-to-compile="cannot convert"
        let b: Int = "x"
        ```

        ```swift compile-only
        while true {}
        ```

        ```text
        not ours
        ```
        """
        let (chapter, diagnostics) = parse(text)
        #expect(diagnostics.isEmpty)
        let blocks = try #require(chapter?.blocks)
        #expect(blocks.count == 5)
        #expect(blocks[0].isHidden && blocks[0].mode == .run && blocks[0].fence == Location(line: 3, column: 1))
        #expect(blocks[0].firstCodeLine == 4 && blocks[0].code == "let a = 1\n")
        #expect(blocks[1].fence == Location(line: 7, column: 3))
        #expect(blocks[1].expected?.text == "1\n")
        #expect(blocks[1].expected?.tolerance == .relative(0.01))
        #expect(blocks[1].expected?.firstLine == 12)
        #expect(blocks[2].mode == .traps(message: "out of range"))
        #expect(blocks[2].fence == Location(line: 17, column: 4))
        #expect(blocks[2].codeColumn == 4)
        #expect(blocks[3].mode == .failsToCompile(message: "cannot convert"))
        #expect(blocks[4].mode == .compileOnly)
        #expect(chapter?.block(openingOn: 17)?.index == 2)
    }

    /// Found by Fuzz/run.sh: the bad byte of a CR-ended file was placed on line 1, past its end.
    @Test func aBadByteIsPlacedOnCRAndCRLFLinesAndAfterABOM() {
        for ending in ["\r", "\r\n", "\n"] {
            let data = Array("\u{FEFF}# T\(ending)\(ending)ab".utf8) + [0xD6] + Array("c\(ending)".utf8)
            #expect(ChapterParser.parse(data: data, path: "ch.md").diagnostics.map(\.description)
                == ["ch.md:3:3: error: file is not valid UTF-8 (byte 0xD6); save it as UTF-8"])
        }
    }

    /// Found by Fuzz/run.sh: with a lone CR before it, a math step was placed a line too early.
    @Test func mathStepsAfterALoneCRAreOnTheirLine() {
        let report = MathCheck.check(text: "# T\r\r$`1 + 1 = 3`$\n", path: "ch.md")
        #expect(report.diagnostics.map(\.line) == [3])
    }

    /// Found by Fuzz/run.sh: libcmark placed the deep inline at 19:137 on a 53-byte line.
    @Test func aTooDeepErrorStaysInsideItsLine() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures").path
        let path = folder + "/deep-position/chapter.md"
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        let diagnostics = try ChapterParser.read(path: path).diagnostics
        let deep = try #require(diagnostics.first { $0.message.contains("levels deep") })
        #expect(deep.location.line >= 1 && deep.location.line <= lines.count)
        #expect(deep.location.column >= 1 && deep.location.column <= lines[deep.location.line - 1].utf8.count + 1)
    }

    /// The two fences the site once read differently from the checker (issue 18).
    @Test func aQuotedValueIsAValueAndATabSeparatesWords() {
        let trap = parse("```swift traps=\"a hidden b\"\nfatalError(\"a hidden b\")\n```\n")
        #expect(trap.diagnostics.isEmpty)
        #expect(trap.chapter?.blocks.first?.mode == .traps(message: "a hidden b"))
        #expect(trap.chapter?.blocks.first?.isHidden == false)
        let tab = parse("```swift\thidden\nlet secret = 1\n```\n")
        #expect(tab.diagnostics.isEmpty)
        #expect(tab.chapter?.blocks.first?.isHidden == true)
        #expect(tab.chapter?.blocks.first?.mode == .run)
    }

    /// Issue 19, case 3: libcmark once stopped at a NUL, so nothing after it was checked.
    @Test func aNULIsAnErrorAndWhatFollowsIsStillRead() {
        let text = "# T\n\nA\u{0}B\n\n$`1 + 1 = 3`$\n\n```swift\nprint(1)\n```\n\n```output\n2\n```\n"
        let parsed = ChapterParser.parse(text, path: "ch.md")
        #expect(parsed.diagnostics.map(\.description)
                == ["ch.md:3:2: error: the file holds a NUL byte here, which Markdown reads as \u{FFFD}; remove it"])
        #expect(!parsed.isRunnable)
        #expect(parsed.blocks.first?.expected?.text == "2\n")
        #expect(MathCheck.check(parsed).diagnostics.map { "\($0.line):\($0.column)" } == ["5:11"])
    }

    /// What a server runs when a reader edits a block: the same chapter, that block's code replaced.
    @Test func aBlocksCodeCanBeReplaced() throws {
        let text = "# T\n\n```swift hidden\nlet a = 1\n```\n\n```swift\nprint(a)\n```\n\n```output\n1\n```\n"
        let parsed = ChapterParser.parse(text, path: "ch.md")
        let edited = try #require(parsed.replacingCode(ofBlock: 1, with: "print(a + 1)"))
        #expect(edited.blocks.map(\.code) == ["let a = 1\n", "print(a + 1)\n"])
        #expect(edited.blocks[1].expected == parsed.blocks[1].expected)
        #expect(edited.blocks[0].isHidden && edited.blocks[1].fence == parsed.blocks[1].fence)
        var codes: [String] = []
        edited.document.walk { if case .codeBlock = $0.kind { codes.append($0.literal) } }
        #expect(codes == ["let a = 1\n", "print(a + 1)\n", "1\n"])
        #expect(parsed.replacingCode(ofBlock: 2, with: "x") == nil)
    }

    @Test func anUnknownOptionSuggestsTheNearest() {
        let (chapter, diagnostics) = parse("```swift hiden\nprint(1)\n```\n")
        #expect(diagnostics == ["ch.md:1:10: error: unknown option 'hiden'; did you mean 'hidden'?"])
        #expect(chapter?.blocks.isEmpty == true)
    }

    @Test func anOutputBlockUnderARejectedSwiftBlockAddsNoSecondError() {
        let (_, diagnostics) = parse("```swift hiden\nprint(1)\n```\n\n```output\n1\n```\n")
        #expect(diagnostics == ["ch.md:1:10: error: unknown option 'hiden'; did you mean 'hidden'?"])
    }

    @Test func anUnknownOutputOptionListsTheValidOnes() {
        let (_, diagnostics) = parse("```swift\nprint(1)\n```\n\n```output skip=3\n1\n```\n")
        #expect(diagnostics == ["ch.md:5:11: error: unknown option 'skip' for an output block; use one of: tolerance"])
    }

    @Test func conflictingModesAndBadValues() {
        let (_, diagnostics) = parse("```swift traps compile-only\n1\n```\n\n```swift fails-to-compile\n1\n```\n")
        #expect(diagnostics == [
            "ch.md:1:16: error: options 'traps' and 'compile-only' cannot be combined; keep one",
            "ch.md:5:10: error: option 'fails-to-compile' needs the expected message, e.g. fails-to-compile=\"cannot convert\"",
        ])
    }

    @Test func anUnclosedFenceIsAnError() {
        let (_, diagnostics) = parse("# T\n\n```swift\nprint(1)\n")
        #expect(diagnostics == ["ch.md:3:1: error: code block is never closed; add a closing ``` line after its last line"])
    }

    @Test func anOutputBlockNeedsASwiftBlockDirectlyAbove() {
        let (_, diagnostics) = parse("```swift\nprint(1)\n```\n\nprose\n\n```output\n1\n```\n")
        #expect(diagnostics == [
            "ch.md:7:1: error: output block has no swift block directly above it; put it right after the block whose output it shows",
        ])
    }

    @Test func aBlockThatDoesNotRunHasNoOutput() {
        let (_, diagnostics) = parse("```swift compile-only\nprint(1)\n```\n\n```output\n1\n```\n")
        #expect(diagnostics == ["ch.md:5:1: error: a block that is not run has no output; remove this output block or the block's option"])
    }

    @Test func emptyAndNotUTF8() {
        #expect(parse("  \n\n").diagnostics == ["ch.md:1:1: error: chapter is empty; write the chapter or remove the file"])
        let bytes: [UInt8] = Array("ok\nCaf".utf8) + [0xE9] + Array("\n".utf8)
        let parsed = ChapterParser.parse(data: bytes, path: "ch.md")
        #expect(parsed.chapter == nil)
        #expect(parsed.diagnostics.map(\.description) == ["ch.md:2:4: error: file is not valid UTF-8 (byte 0xE9); save it as UTF-8"])
    }

    @Test func proseChecksInParagraphsHeadingsListsAndTables() throws {
        let text = """
        ## Result [0.5](check:head)

        So z = [1.25](check:z) and é [2.5](check:twice "tolerance=0.01").

        - item [3](check:n)

        | a | b |
        |---|---|
        | x | [-0.25](check:neg) |
        """
        let (chapter, diagnostics) = parse(text)
        #expect(diagnostics.isEmpty)
        let checks = try #require(chapter?.checks)
        #expect(checks.map(\.name) == ["head", "z", "twice", "n", "neg"])
        #expect(checks.map(\.location) == [
            Location(line: 1, column: 12), Location(line: 3, column: 9), Location(line: 3, column: 32),
            Location(line: 5, column: 9), Location(line: 9, column: 8),
        ])
        #expect(checks[2].tolerance == .absolute(0.01))
        #expect(checks[4].linkStart == Location(line: 9, column: 7))
    }

    @Test func badChecksAreReported() {
        let (_, diagnostics) = parse("See [](check:h1) and [1](check:h2 \"tol=1\").\n")
        #expect(diagnostics == [
            "ch.md:1:5: error: check link text must be the written number, e.g. [0.5866](check:h1), or the claim, e.g. [keeps rising](check:h1)",
            "ch.md:1:22: error: check title must be \"tolerance=0.01\" or \"tolerance=1%\", not \"tol=1\"",
        ])
    }

    /// A link with no number in its text is a claim: its location is the text's first character.
    @Test func aClaimIsACheckAtItsText() throws {
        let (chapter, diagnostics) = parse("Accuracy [keeps rising](check:rises) with size.\n")
        #expect(diagnostics.isEmpty)
        let check = try #require(chapter?.checks.first)
        #expect(check.written == "keeps rising")
        #expect(check.location == Location(line: 1, column: 11))
    }

    @Test func inlineCodeAndIndentedCodeAreNotChecks() throws {
        let (chapter, _) = parse("Write `[1](check:x)` like this.\n\n    [2](check:y)\n")
        #expect(try #require(chapter).checks.isEmpty)
    }
}
