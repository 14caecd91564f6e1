import CCmark
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The one place that talks to libcmark: Markdown text in, plain Swift values out.
///
/// Every C allocation is freed before a function returns; no `OpaquePointer` leaves this file.
public enum CommonMark {
    /// How deep the tree may nest (block quotes, lists, emphasis, links) before the rest of a
    /// branch is cut off and `Document.tooDeep` says where. Real chapters nest a handful of
    /// levels; without a limit a hostile file (5,000 `>`) exhausts the stack of every
    /// recursive reader of the tree.
    public static let maximumDepth = 100

    /// A parsed document: the tree, and where it first nested deeper than `maximumDepth`.
    public struct Document: Sendable {
        /// The tree; a node at `maximumDepth` holds its branch's text as one text node.
        public var root: Node
        /// The start of the first node cut off for nesting too deep; nil when nothing was.
        public var tooDeep: Position?
    }

    /// Parses a Markdown document into a tree of plain values with source positions.
    ///
    /// The text is normalised first (`normalized(_:)`), so CRLF and CR files and a leading
    /// byte-order mark read exactly like LF files; branches nested deeper than `maximumDepth`
    /// are cut off (use `document(_:)` to learn where).
    public static func parse(_ markdown: String) -> Node { document(markdown).root }

    /// Parses like `parse(_:)`, and also says where the document nests too deep.
    ///
    /// Every byte is parsed, a NUL too (libcmark reads it as U+FFFD; `nulls(in:)` finds them
    /// for a checker to report): the length is the text's, never `strlen`'s.
    public static func document(_ markdown: String) -> Document {
        let text = normalized(markdown)
        ParseCount.current?.add()
        let length = text.utf8.count
        let root = text.withCString { cmark_parse_document($0, length, CMARK_OPT_DEFAULT | CMARK_OPT_SOURCEPOS) }!
        defer { cmark_node_free(root) }
        var document = TreeConversion(lines: sourceLines(text)).convert(root)
        document.root = PipeTables.convert(document.root, lines: sourceLines(text))
        return document
    }

    /// A piece of a document (a table cell's text) parsed on its own, positions counted from
    /// its own line 1, column 1; not counted as a document's parse, and no tables inside.
    static func fragment(_ text: String) -> Node {
        let length = text.utf8.count
        let root = text.withCString { cmark_parse_document($0, length, CMARK_OPT_DEFAULT | CMARK_OPT_SOURCEPOS) }!
        defer { cmark_node_free(root) }
        return TreeConversion(lines: sourceLines(text)).convert(root).root
    }

    /// The position of every NUL byte in normalised `text`: libcmark turns each into U+FFFD,
    /// so the text it parsed is not the file's.
    public static func nulls(in normalizedText: String) -> [Position] {
        let hasNUL = normalizedText.utf8.withContiguousStorageIfAvailable {
            $0.isEmpty ? false : memchr($0.baseAddress!, 0, $0.count) != nil
        } ?? true
        guard hasNUL else { return [] }
        var found: [Position] = []
        var line = 1, column = 1
        for byte in normalizedText.utf8 {
            if byte == 0 { found.append(Position(line: line, column: column)) }
            if byte == UInt8(ascii: "\n") { line += 1; column = 1 } else { column += 1 }
        }
        return found
    }

    /// The text every reader of a Markdown file sees: a leading UTF-8 byte-order mark dropped,
    /// and every CRLF and lone CR turned into LF. Lines and columns stay those an editor
    /// shows (the BOM is invisible, a line ending is not a column). Returns `text` itself
    /// when there is nothing to change.
    public static func normalized(_ text: String) -> String {
        let utf8 = text.utf8
        let hasBOM = utf8.starts(with: [0xEF, 0xBB, 0xBF])
        // memchr: this runs on every page at every check, in debug builds too.
        let hasCR = utf8.withContiguousStorageIfAvailable { $0.isEmpty ? false : memchr($0.baseAddress!, 0x0D, $0.count) != nil }
            ?? utf8.contains(UInt8(ascii: "\r"))
        guard hasBOM || hasCR else { return text }
        var out: [UInt8] = []
        out.reserveCapacity(utf8.count)
        var previousWasCR = false
        for byte in utf8.dropFirst(hasBOM ? 3 : 0) {
            if byte == UInt8(ascii: "\r") {
                out.append(UInt8(ascii: "\n"))
                previousWasCR = true
                continue
            }
            if !(byte == UInt8(ascii: "\n") && previousWasCR) { out.append(byte) }
            previousWasCR = false
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The lines of normalised text as UTF-8 bytes (columns are byte counts, as libcmark's are).
    static func sourceLines(_ normalizedText: String) -> SourceLines { SourceLines(normalizedText) }

    static func string(_ pointer: UnsafePointer<CChar>?) -> String {
        pointer.map { String(cString: $0) } ?? ""
    }

    /// Converts one C node, without its children.
    static func node(_ pointer: OpaquePointer, start: Position, end: Position, parentEnd: Position,
                     lines: SourceLines) -> Node {
        let literal = string(cmark_node_get_literal(pointer))
        let kind: Node.Kind
        switch cmark_node_get_type(pointer) {
        case CMARK_NODE_DOCUMENT: kind = .document
        case CMARK_NODE_BLOCK_QUOTE: kind = .blockQuote
        case CMARK_NODE_LIST:
            kind = .list(
                ordered: cmark_node_get_list_type(pointer) == CMARK_ORDERED_LIST,
                start: Int(cmark_node_get_list_start(pointer)),
                tight: cmark_node_get_list_tight(pointer) != 0)
        case CMARK_NODE_ITEM: kind = .item
        case CMARK_NODE_CODE_BLOCK:
            let info = string(cmark_node_get_fence_info(pointer))
            let reading = FenceReading(start: start, end: end, parentEnd: parentEnd, info: info, literal: literal, lines: lines)
            kind = .codeBlock(info: info, fence: reading.fence)
        case CMARK_NODE_HTML_BLOCK: kind = .htmlBlock
        case CMARK_NODE_CUSTOM_BLOCK: kind = .customBlock
        case CMARK_NODE_PARAGRAPH: kind = .paragraph
        case CMARK_NODE_HEADING: kind = .heading(level: Int(cmark_node_get_heading_level(pointer)))
        case CMARK_NODE_THEMATIC_BREAK: kind = .thematicBreak
        case CMARK_NODE_TEXT: kind = .text
        case CMARK_NODE_SOFTBREAK: kind = .softBreak
        case CMARK_NODE_LINEBREAK: kind = .lineBreak
        case CMARK_NODE_CODE: kind = .code
        case CMARK_NODE_HTML_INLINE: kind = .htmlInline
        case CMARK_NODE_CUSTOM_INLINE: kind = .customInline
        case CMARK_NODE_EMPH: kind = .emphasis
        case CMARK_NODE_STRONG: kind = .strong
        case CMARK_NODE_LINK:
            kind = .link(destination: string(cmark_node_get_url(pointer)), title: string(cmark_node_get_title(pointer)))
        case CMARK_NODE_IMAGE:
            kind = .image(destination: string(cmark_node_get_url(pointer)), title: string(cmark_node_get_title(pointer)))
        default: kind = .customInline
        }
        return Node(kind: kind, literal: literal, start: start, end: end)
    }
}

/// libcmark's tree turned into `Node` values without recursion: an explicit stack of the open
/// ancestors, so no input can exhaust the call stack. Branches deeper than
/// `CommonMark.maximumDepth` become one text node holding their text.
private struct TreeConversion {
    let lines: SourceLines

    /// An ancestor still being converted: its pointer, positions and the children done so far;
    /// `leaf` is the start of the paragraph or heading an inline node lies in.
    private struct Frame {
        var pointer: OpaquePointer
        var start: Position
        var end: Position
        var children: [Node] = []
        var leaf: Position? = nil
    }

    func convert(_ root: OpaquePointer) -> CommonMark.Document {
        let top = Position(line: 1, column: 1)
        var stack = [frame(root, enclosing: Frame(pointer: root, start: top, end: top))]
        var tooDeep: Position?
        var cursor = cmark_node_first_child(root)
        while true {
            if let pointer = cursor {
                let entered = frame(pointer, enclosing: stack[stack.count - 1])
                if stack.count >= CommonMark.maximumDepth, cmark_node_first_child(pointer) != nil {
                    tooDeep = tooDeep ?? entered.start
                    var cut = finish(entered, parentEnd: stack[stack.count - 1].end)
                    cut.children = [Node(kind: .text, literal: flattenedText(pointer), start: entered.start, end: entered.end)]
                    stack[stack.count - 1].children.append(cut)
                    cursor = cmark_node_next(pointer)
                } else {
                    stack.append(entered)
                    cursor = cmark_node_first_child(pointer)
                }
                continue
            }
            let done = stack.removeLast()
            guard !stack.isEmpty else {
                return CommonMark.Document(root: finish(done, parentEnd: done.end), tooDeep: tooDeep)
            }
            stack[stack.count - 1].children.append(finish(done, parentEnd: stack[stack.count - 1].end))
            cursor = cmark_node_next(done.pointer)
        }
    }

    /// A frame for `pointer`, with its source positions. Breaks have none and take the
    /// enclosing node's. libcmark counts an inline node's column on a paragraph's later lines
    /// from the paragraph's own column, as if those lines had its indentation; the real column
    /// is the line's content start (after indentation and `>` markers) plus that offset.
    private func frame(_ pointer: OpaquePointer, enclosing: Frame) -> Frame {
        let start = Position(line: Int(cmark_node_get_start_line(pointer)), column: Int(cmark_node_get_start_column(pointer)))
        let end = Position(line: Int(cmark_node_get_end_line(pointer)), column: Int(cmark_node_get_end_column(pointer)))
        if start.line == 0 { return Frame(pointer: pointer, start: enclosing.start, end: enclosing.end, leaf: enclosing.leaf) }
        switch cmark_node_get_type(pointer) {
        case CMARK_NODE_PARAGRAPH, CMARK_NODE_HEADING:
            return Frame(pointer: pointer, start: start, end: end, leaf: start)
        default:
            guard let leaf = enclosing.leaf else { return Frame(pointer: pointer, start: start, end: end) }
            // The end of a node that spans lines (a code span, a link) is counted from its
            // last line's content start instead.
            let end = end.line > start.line ? inline(end, leaf: Position(line: end.line - 1, column: 1)) : inline(end, leaf: leaf)
            return Frame(pointer: pointer, start: inline(start, leaf: leaf), end: end, leaf: leaf)
        }
    }

    /// An inline node's position as libcmark gave it, moved to the real column on a
    /// paragraph's later line, and kept inside its line.
    private func inline(_ position: Position, leaf: Position) -> Position {
        guard position.line >= 1, position.line <= lines.count else { return position }
        let bytes = lines[position.line - 1]
        var column = position.column
        if position.line > leaf.line {
            let prefix = bytes.prefix { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") || $0 == UInt8(ascii: ">") }.count
            column = prefix + 1 + (position.column - leaf.column)
        }
        return Position(line: position.line, column: min(max(column, 1), bytes.count + 1))
    }

    private func finish(_ frame: Frame, parentEnd: Position) -> Node {
        var node = CommonMark.node(frame.pointer, start: frame.start, end: frame.end, parentEnd: parentEnd, lines: lines)
        node.children = frame.children
        return node
    }

    /// The literal text of a branch (text, code and breaks), read with libcmark's iterator.
    private func flattenedText(_ pointer: OpaquePointer) -> String {
        guard let iterator = cmark_iter_new(pointer) else { return "" }
        defer { cmark_iter_free(iterator) }
        var text = ""
        while cmark_iter_next(iterator) != CMARK_EVENT_DONE {
            guard cmark_iter_get_event_type(iterator) == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
            switch cmark_node_get_type(node) {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE: text += CommonMark.string(cmark_node_get_literal(node))
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK: text += " "
            default: break
            }
        }
        return text
    }
}
