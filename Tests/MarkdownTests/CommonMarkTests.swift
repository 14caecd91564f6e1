import Testing
@testable import Markdown

@Suite struct CommonMarkTests {
    func codeBlocks(_ markdown: String) -> [Node] {
        var blocks: [Node] = []
        CommonMark.parse(markdown).walk { if case .codeBlock = $0.kind { blocks.append($0) } }
        return blocks
    }

    @Test func fencedBlocksAnywhereWithPositions() {
        let text = """
        # Title

        ```swift
        let x = 1
        ```

        > ~~~output
        > 1
        > ~~~

        - item

          ```swift hidden
          print(2)
          ```

        Then:

            indented code is prose
        """
        let blocks = codeBlocks(text)
        #expect(blocks.count == 4)
        #expect(blocks[0].kind == .codeBlock(info: "swift", fence: Fence(character: "`", length: 3, indent: 0, isClosed: true)))
        #expect(blocks[0].start == Position(line: 3, column: 1))
        #expect(blocks[0].literal == "let x = 1\n")
        #expect(blocks[1].kind == .codeBlock(info: "output", fence: Fence(character: "~", length: 3, indent: 0, isClosed: true)))
        #expect(blocks[1].start.line == 7)
        #expect(blocks[2].start == Position(line: 13, column: 3))
        #expect(blocks[2].literal == "print(2)\n")
        #expect(blocks[3].kind == .codeBlock(info: "", fence: nil))
    }

    @Test func unclosedFenceIsReported() {
        let blocks = codeBlocks("text\n\n```swift\nlet x = 1\n")
        guard case .codeBlock(_, let fence?) = blocks.first?.kind else {
            Issue.record("expected a fenced block")
            return
        }
        #expect(!fence.isClosed)
    }

    @Test func linksKeepDestinationAndText() {
        var links: [(String, String)] = []
        CommonMark.parse("The sum is [0.5866](check:h1) here.").walk {
            if case .link(let destination, _) = $0.kind { links.append((destination, $0.plainText)) }
        }
        #expect(links.count == 1)
        #expect(links.first?.0 == "check:h1")
        #expect(links.first?.1 == "0.5866")
    }

    /// libcmark counts columns on a paragraph's later lines from the paragraph's own column;
    /// the tree has the file's, in lists, quotes and lazy lines too.
    @Test func everyInlineNodeHasItsPosition() {
        let text = "Some *text* and $`x = 1`$ here\n  continued [a](check:b) and `c`\n\n> - quote $`y`$\n>   line2 $`zz`$ [q](x.md)\n\n> para\nlazy $`w`$\n"
        var starts: [String: Position] = [:]
        CommonMark.parse(text).walk { node in
            switch node.kind {
            case .code: starts[node.literal] = node.start
            case .link(let destination, _): starts[destination] = node.start
            default: break
            }
        }
        #expect(starts["x = 1"] == Position(line: 1, column: 19))
        #expect(starts["check:b"] == Position(line: 2, column: 13))
        #expect(starts["c"] == Position(line: 2, column: 31))
        #expect(starts["y"] == Position(line: 4, column: 13))
        #expect(starts["zz"] == Position(line: 5, column: 13))
        #expect(starts["x.md"] == Position(line: 5, column: 18))
        #expect(starts["w"] == Position(line: 8, column: 8))
    }

    /// One rule for `` $`...`$ ``: a `$` closes one formula or opens the next, never both.
    @Test func inlineMathIsOneRule() {
        let paragraph = CommonMark.parse("$`a`$ and $`b`$, $`c`$`d`$ and $5.").children[0]
        #expect(paragraph.inlineFormulas.map(\.literal) == ["a", "b", "c"])
        let pieces = Node.inlinePieces(paragraph.children)
        #expect(pieces.first == .node(Node(kind: .text, literal: "", start: Position(line: 1, column: 1), end: Position(line: 1, column: 1))))
    }

    @Test func pipeTablesAreNodesWithPositionedCells() {
        let document = CommonMark.parse("Text.\n\n| x | $`y`$ |\n|---|--:|\n| [1](check:a) | 2 |\n")
        let table = document.children[1]
        #expect(table.kind == .table(alignments: [.none, .right]))
        #expect(table.children.map(\.kind) == [.tableRow(header: true), .tableRow(header: false)])
        let cell = table.children[0].children[1]
        #expect(cell.kind == .tableCell(header: true, alignment: .right))
        #expect(cell.inlineFormulas.map(\.start) == [Position(line: 3, column: 9)])
        #expect(table.children[1].children[0].children.first?.start == Position(line: 5, column: 3))
    }

    /// Issue 19, case 3: libcmark once stopped at a NUL (the length was `strlen`'s).
    @Test func aNULIsFoundAndTheRestIsParsed() {
        let text = "a\u{0}b\n\n```swift\nx\n```\n"
        #expect(CommonMark.nulls(in: text) == [Position(line: 1, column: 2)])
        #expect(CommonMark.nulls(in: "none here") == [])
        #expect(CommonMark.parse(text).children.count == 2)
    }
}

@Suite struct NormalisationTests {
    @Test func crlfCRAndBOMReadLikeLF() {
        let lf = "# T\n\n```swift\nlet x = 1\n```\n"
        #expect(CommonMark.normalized("\u{FEFF}# T\r\n\r\n```swift\r\nlet x = 1\r\n```\r\n") == lf)
        #expect(CommonMark.normalized("# T\r\r```swift\rlet x = 1\r```\r") == lf)
        #expect(CommonMark.parse("\u{FEFF}```swift\r\nlet x = 1\r\n```\r\n").children.first?.kind
            == .codeBlock(info: "swift", fence: Fence(character: "`", length: 3, indent: 0, isClosed: true)))
    }

    @Test func aFenceInsideAnIndentedBlockIsNotAFence() {
        let blocks = CommonMark.parse("para\n\n    ```swift\n    code\n    ```\n").children.filter {
            if case .codeBlock = $0.kind { return true } else { return false }
        }
        #expect(blocks.map(\.kind) == [.codeBlock(info: "", fence: nil)])
    }

    @Test func closingFencesAsLibcmarkReadsThem() {
        func closed(_ markdown: String) -> [Bool] {
            var result: [Bool] = []
            CommonMark.parse(markdown).walk { if case .codeBlock(_, let fence?) = $0.kind { result.append(fence.isClosed) } }
            return result
        }
        #expect(closed("- item\n\n  ```swift\n  x\n\t```\n") == [true])
        #expect(closed("> ```swift\n> x\n```\n") == [false, false])
        #expect(closed("- a\n  ```swift\n  code\n```\n") == [false, false])
        #expect(closed("```swift\nx\n> ```\n") == [false])
        #expect(closed("````swift\nx\n```\n") == [false])
        #expect(closed("```\n```swift\n```\n") == [true])
    }

    @Test func deepNestingIsCutAndPlacedNotACrash() {
        for markdown in [String(repeating: ">", count: 5000) + " x\n", String(repeating: "- ", count: 2000) + "x\n",
                         String(repeating: "*", count: 50_000) + "a" + String(repeating: "*", count: 50_000) + "\n"] {
            let document = CommonMark.document(markdown)
            var depth = 0
            func measure(_ node: Node, _ level: Int) {
                depth = max(depth, level)
                for child in node.children { measure(child, level + 1) }
            }
            measure(document.root, 1)
            #expect(depth <= CommonMark.maximumDepth + 2)  // the cut node and its one text node
            #expect(document.tooDeep?.line == 1)
        }
        #expect(CommonMark.document("> > quote\n").tooDeep == nil)
    }
}
