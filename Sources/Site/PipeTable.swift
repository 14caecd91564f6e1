/// A GitHub pipe table, found in the source lines of a paragraph (plain libcmark has no
/// tables, so it hands us a table as one paragraph).
///
/// Rule: the first line is the header row, the second the delimiter row (cells of dashes,
/// with `:` at the left, right or both ends for alignment), and every further line a body
/// row. Cells are separated by `|` not preceded by a backslash; a leading and a trailing
/// `|` are optional. The header and the delimiter row must have the same number of cells;
/// body rows are cut or padded to that number, as GitHub does.
public struct PipeTable: Equatable, Sendable {
    public enum Alignment: String, Sendable {
        case none = "", left, center, right
    }

    /// The Markdown text of each header cell.
    public var header: [String]
    public var alignments: [Alignment]
    /// The Markdown text of each body cell, row by row.
    public var rows: [[String]]

    /// The table these lines form, or nil if they do not form one.
    public init?(lines: [Substring]) {
        guard lines.count >= 2 else { return nil }
        let trimmed = lines.map { $0.trimmingSpaces() }
        guard trimmed[0].contains("|") || trimmed[1].contains("|") else { return nil }
        let header = PipeTable.cells(trimmed[0])
        let delimiters = PipeTable.cells(trimmed[1])
        guard !header.isEmpty, header.count == delimiters.count else { return nil }
        var alignments: [Alignment] = []
        for cell in delimiters {
            let dashes = cell.drop { $0 == ":" }.reversed().drop { $0 == ":" }
            guard !dashes.isEmpty, dashes.allSatisfy({ $0 == "-" }) else { return nil }
            switch (cell.hasPrefix(":"), cell.hasSuffix(":")) {
            case (true, true): alignments.append(.center)
            case (true, false): alignments.append(.left)
            case (false, true): alignments.append(.right)
            case (false, false): alignments.append(.none)
            }
        }
        self.header = header
        self.alignments = alignments
        self.rows = trimmed.dropFirst(2).map { line in
            let cells = PipeTable.cells(line)
            return Array(cells.prefix(header.count)) + Array(repeating: "", count: max(0, header.count - cells.count))
        }
    }

    /// The cells of one row, each trimmed; `\|` stays in the cell for the inline parser.
    static func cells(_ line: Substring) -> [String] {
        var text = line
        if text.hasPrefix("|") { text = text.dropFirst() }
        if text.hasSuffix("|") && !text.hasSuffix("\\|") { text = text.dropLast() }
        var cells: [String] = []
        var current = ""
        var escaped = false
        for character in text {
            if character == "|" && !escaped {
                cells.append(current)
                current = ""
            } else {
                current.append(character)
            }
            escaped = character == "\\" && !escaped
        }
        cells.append(current)
        return cells.map { String(Substring($0).trimmingSpaces()) }
    }
}

extension Substring {
    /// The text without leading and trailing spaces and tabs.
    func trimmingSpaces() -> Substring {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        guard let first = firstIndex(where: { !isSpace($0) }) else { return self[endIndex...] }
        let last = lastIndex(where: { !isSpace($0) })!
        return self[first...last]
    }
}
