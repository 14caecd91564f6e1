/// A position in a Markdown file, as a reader counts it: both 1-based, the column in bytes
/// of the line's UTF-8 text (what libcmark and compilers report). The one position type of
/// the book: every node carries two, and the engine's diagnostics (`Literate.Location`) are
/// this type too.
public struct Position: Hashable, Sendable, Codable, Comparable, CustomStringConvertible {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public static func < (a: Position, b: Position) -> Bool {
        (a.line, a.column) < (b.line, b.column)
    }

    public var description: String { "\(line):\(column)" }
}

/// How a table column's cells are aligned (`:---`, `:---:`, `---:`).
public enum TableAlignment: String, Hashable, Sendable {
    case none = "", left, center, right
}

/// One node of a parsed Markdown document: libcmark's tree, as plain Swift values, with
/// GitHub's pipe tables as table nodes.
///
/// Every node carries its source position, inline ones too: `start` is its first character
/// (a link's `[`, a code span's first character inside the backticks), `end` its last.
/// Line and soft breaks, which have none, carry their paragraph's.
public struct Node: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        case document
        case blockQuote
        case list(ordered: Bool, start: Int, tight: Bool)
        case item
        /// A code block; `fence` is nil for an indented code block.
        case codeBlock(info: String, fence: Fence?)
        case htmlBlock
        case paragraph
        case heading(level: Int)
        case thematicBreak
        case text
        case softBreak
        case lineBreak
        case code
        case htmlInline
        case emphasis
        case strong
        case link(destination: String, title: String)
        case image(destination: String, title: String)
        case customBlock
        case customInline
        /// A GitHub pipe table: its rows, the header row first.
        case table(alignments: [TableAlignment])
        /// A table's row; its children are its cells.
        case tableRow(header: Bool)
        /// A table cell; its children are the cell's inline content.
        case tableCell(header: Bool, alignment: TableAlignment)
    }

    public var kind: Kind
    /// The text of text, code, HTML and code-block nodes; empty for containers.
    public var literal: String
    public var children: [Node]
    public var start: Position
    public var end: Position

    public init(kind: Kind, literal: String = "", children: [Node] = [], start: Position, end: Position) {
        self.kind = kind
        self.literal = literal
        self.children = children
        self.start = start
        self.end = end
    }

    /// Every node of the tree, this one first, in document order.
    public func walk(_ visit: (Node) -> Void) {
        visit(self)
        for child in children { child.walk(visit) }
    }

    /// The text a reader sees in this node and its descendants, without markup.
    public var plainText: String {
        switch kind {
        case .text, .code: return literal
        case .softBreak, .lineBreak: return " "
        default: return children.map(\.plainText).joined()
        }
    }
}
