/// Pipe tables put into the tree: a paragraph whose source lines form a `PipeTable` becomes a
/// `.table` node of `.tableRow`s of `.tableCell`s, each cell's Markdown parsed as inline
/// content with positions in the file. Readers of the tree (the checker, the site) then see a
/// cell's links, code and math where the file has them.
enum PipeTables {
    /// `node` with every table paragraph below it converted.
    static func convert(_ node: Node, lines: SourceLines) -> Node {
        if case .paragraph = node.kind, let table = table(node, lines: lines) { return table }
        guard node.isContainer else { return node }
        var node = node
        node.children = node.children.map { convert($0, lines: lines) }
        return node
    }

    /// The table `paragraph`'s lines form, or nil.
    static func table(_ paragraph: Node, lines: SourceLines) -> Node? {
        let first = paragraph.start.line, last = paragraph.end.line
        guard first >= 1, first < last, last <= lines.count else { return nil }
        // Each line without the container's prefix (list indentation, `>`), and that prefix's length.
        let prefix = paragraph.start.column - 1
        let rows: [(text: Substring, offset: Int)] = (first...last).map { number in
            let bytes = lines[number - 1]
            let text = String(decoding: bytes, as: UTF8.self)
            let head = bytes.prefix(prefix)
            guard head.count == prefix, head.allSatisfy({ $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: ">") }) else {
                return (Substring(text), 0)
            }
            return (Substring(text.utf8.dropFirst(prefix)), prefix)
        }
        guard let table = PipeTable(lines: rows.map(\.text)) else { return nil }
        func row(_ cells: [PipeTable.Cell], line: Int, header: Bool) -> Node {
            let at = Position(line: line, column: rows[line - first].offset + 1)
            let children = zip(cells, table.alignments).map { cell, alignment in
                let start = Position(line: line, column: rows[line - first].offset + cell.offset + 1)
                return Node(kind: .tableCell(header: header, alignment: alignment), children: inlines(cell.text, at: start),
                            start: start, end: Position(line: line, column: start.column + max(0, cell.text.utf8.count - 1)))
            }
            return Node(kind: .tableRow(header: header), children: children, start: at, end: at)
        }
        var children = [row(table.headerCells, line: first, header: true)]
        for (index, cells) in table.rowCells.enumerated() { children.append(row(cells, line: first + 2 + index, header: false)) }
        return Node(kind: .table(alignments: table.alignments), children: children, start: paragraph.start, end: paragraph.end)
    }

    /// A cell's Markdown as inline nodes placed at `start`: a paragraph's inline content; any
    /// other block a cell's text makes (`# x`) as its plain text, blocks joined by a space.
    static func inlines(_ text: String, at start: Position) -> [Node] {
        guard !text.isEmpty else { return [] }
        let cell = CommonMark.fragment(text).moved(to: start)
        var out: [Node] = []
        for (index, block) in cell.children.enumerated() {
            if index > 0 { out.append(Node(kind: .text, literal: " ", start: block.start, end: block.start)) }
            if case .paragraph = block.kind {
                out += block.children
            } else {
                let plain = block.plainText
                out.append(Node(kind: .text, literal: plain.isEmpty ? text : plain, start: block.start, end: block.end))
            }
        }
        return out
    }
}

extension Node {
    /// Whether the node holds blocks (so a table may be among its descendants).
    var isContainer: Bool {
        switch kind {
        case .document, .blockQuote, .list, .item: return true
        default: return false
        }
    }

    /// The tree parsed from one line of text, with positions moved so that its line 1,
    /// column 1 is `start`.
    func moved(to start: Position) -> Node {
        func move(_ position: Position) -> Position {
            Position(line: start.line + position.line - 1, column: position.line == 1 ? start.column + position.column - 1 : position.column)
        }
        var node = self
        node.start = move(self.start)
        node.end = move(self.end)
        node.children = children.map { $0.moved(to: start) }
        return node
    }
}
