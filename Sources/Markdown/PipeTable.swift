/// A GitHub pipe table, found in the source lines of a paragraph (plain libcmark has no
/// tables, so it hands us a table as one paragraph).
///
/// Rule: the first line is the header row, the second the delimiter row (cells of dashes,
/// with `:` at the left, right or both ends for alignment), and every further line a body
/// row. Cells are separated by `|` not preceded by a backslash; a leading and a trailing
/// `|` are optional. The header and the delimiter row must have the same number of cells;
/// body rows are cut or padded to that number, as GitHub does.
public struct PipeTable: Equatable, Sendable {
    public typealias Alignment = TableAlignment

    /// One cell's Markdown text, trimmed, and the 0-based byte offset in its line where it starts.
    public struct Cell: Equatable, Sendable {
        public var text: String
        public var offset: Int
    }

    /// The header cells.
    public var headerCells: [Cell]
    public var alignments: [Alignment]
    /// The body cells, row by row (a missing cell is empty, at the row's end).
    public var rowCells: [[Cell]]

    /// The Markdown text of each header cell.
    public var header: [String] { headerCells.map(\.text) }
    /// The Markdown text of each body cell, row by row.
    public var rows: [[String]] { rowCells.map { $0.map(\.text) } }

    /// The table these lines form, or nil if they do not form one.
    public init?(lines: [Substring]) {
        guard lines.count >= 2 else { return nil }
        let header = PipeTable.cells(lines[0])
        let delimiters = PipeTable.cells(lines[1])
        guard lines[0].contains("|") || lines[1].contains("|") else { return nil }
        guard !header.isEmpty, header.count == delimiters.count else { return nil }
        var alignments: [Alignment] = []
        for cell in delimiters.map(\.text) {
            let dashes = cell.drop { $0 == ":" }.reversed().drop { $0 == ":" }
            guard !dashes.isEmpty, dashes.allSatisfy({ $0 == "-" }) else { return nil }
            switch (cell.hasPrefix(":"), cell.hasSuffix(":")) {
            case (true, true): alignments.append(.center)
            case (true, false): alignments.append(.left)
            case (false, true): alignments.append(.right)
            case (false, false): alignments.append(.none)
            }
        }
        self.headerCells = header
        self.alignments = alignments
        self.rowCells = lines.dropFirst(2).map { line in
            let cells = PipeTable.cells(line)
            let end = line.utf8.count
            return Array(cells.prefix(header.count))
                + Array(repeating: Cell(text: "", offset: end), count: max(0, header.count - cells.count))
        }
    }

    /// The cells of one row, each trimmed of spaces and tabs, with its offset in the line;
    /// `\|` stays in the cell for the inline parser.
    static func cells(_ line: Substring) -> [Cell] {
        var bytes = Array(line.utf8)[...]
        let isSpace = { (byte: UInt8) in byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }
        while let first = bytes.first, isSpace(first) { bytes = bytes.dropFirst() }
        while let last = bytes.last, isSpace(last) { bytes = bytes.dropLast() }
        let pipe = UInt8(ascii: "|"), backslash = UInt8(ascii: "\\")
        if bytes.first == pipe { bytes = bytes.dropFirst() }
        if bytes.last == pipe && !(bytes.count >= 2 && bytes[bytes.endIndex - 2] == backslash) { bytes = bytes.dropLast() }
        var cells: [Cell] = []
        var start = bytes.startIndex
        var escaped = false
        func add(_ end: Int) {
            var cell = bytes[start..<end]
            while let first = cell.first, isSpace(first) { cell = cell.dropFirst() }
            while let last = cell.last, isSpace(last) { cell = cell.dropLast() }
            cells.append(Cell(text: String(decoding: cell, as: UTF8.self), offset: cell.startIndex))
        }
        for index in bytes.indices {
            if bytes[index] == pipe && !escaped {
                add(index)
                start = index + 1
            }
            escaped = bytes[index] == backslash && !escaped
        }
        add(bytes.endIndex)
        return cells
    }
}
