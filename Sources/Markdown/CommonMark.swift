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
    /// The version of libcmark this program is linked against, e.g. "0.30.2".
    public static var version: String { String(cString: cmark_version_string()) }

    /// Parses a Markdown document into a tree of plain values with source positions.
    public static func parse(_ markdown: String) -> Node {
        let root = markdown.withCString { cmark_parse_document($0, strlen($0), CMARK_OPT_DEFAULT) }!
        defer { cmark_node_free(root) }
        let lines = sourceLines(markdown)
        return convert(root, lines: lines, enclosing: Position(line: 1, column: 1), enclosingEnd: Position(line: 1, column: 1))
    }

    /// Renders a Markdown fragment to HTML with libcmark's own renderer.
    ///
    /// Raw HTML in the fragment is kept (the chapters are our own text, not user input);
    /// `smart` turns straight quotes and dashes into typographic ones.
    public static func html(_ markdown: String, smart: Bool = true) -> String {
        let options = CMARK_OPT_UNSAFE | (smart ? CMARK_OPT_SMART : 0)
        guard let rendered = markdown.withCString({ cmark_markdown_to_html($0, strlen($0), options) }) else {
            return ""
        }
        defer { free(rendered) }
        return String(cString: rendered)
    }

    /// The file's lines as UTF-8 bytes (columns are byte counts, as libcmark's are); splitting
    /// bytes rather than Characters keeps this cheap on long chapters.
    private static func sourceLines(_ markdown: String) -> [Substring.UTF8View] {
        markdown.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
            .map { $0.last == UInt8(ascii: "\r") ? $0.dropLast() : $0 }
    }

    private static func string(_ pointer: UnsafePointer<CChar>?) -> String {
        pointer.map { String(cString: $0) } ?? ""
    }

    private static func convert(_ node: OpaquePointer, lines: [Substring.UTF8View], enclosing: Position, enclosingEnd: Position) -> Node {
        var start = Position(line: Int(cmark_node_get_start_line(node)), column: Int(cmark_node_get_start_column(node)))
        var end = Position(line: Int(cmark_node_get_end_line(node)), column: Int(cmark_node_get_end_column(node)))
        if start.line == 0 {  // libcmark leaves positions of most inline nodes unset
            start = enclosing
            end = enclosingEnd
        }
        var children: [Node] = []
        var child = cmark_node_first_child(node)
        while let current = child {
            children.append(convert(current, lines: lines, enclosing: start, enclosingEnd: end))
            child = cmark_node_next(current)
        }
        let literal = string(cmark_node_get_literal(node))
        let kind: Node.Kind
        switch cmark_node_get_type(node) {
        case CMARK_NODE_DOCUMENT: kind = .document
        case CMARK_NODE_BLOCK_QUOTE: kind = .blockQuote
        case CMARK_NODE_LIST:
            kind = .list(
                ordered: cmark_node_get_list_type(node) == CMARK_ORDERED_LIST,
                start: Int(cmark_node_get_list_start(node)),
                tight: cmark_node_get_list_tight(node) != 0)
        case CMARK_NODE_ITEM: kind = .item
        case CMARK_NODE_CODE_BLOCK:
            kind = .codeBlock(info: string(cmark_node_get_fence_info(node)), fence: fence(start: start, end: end, lines: lines))
        case CMARK_NODE_HTML_BLOCK: kind = .htmlBlock
        case CMARK_NODE_CUSTOM_BLOCK: kind = .customBlock
        case CMARK_NODE_PARAGRAPH: kind = .paragraph
        case CMARK_NODE_HEADING: kind = .heading(level: Int(cmark_node_get_heading_level(node)))
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
            kind = .link(destination: string(cmark_node_get_url(node)), title: string(cmark_node_get_title(node)))
        case CMARK_NODE_IMAGE:
            kind = .image(destination: string(cmark_node_get_url(node)), title: string(cmark_node_get_title(node)))
        default: kind = .customInline
        }
        return Node(kind: kind, literal: literal, children: children, start: start, end: end)
    }

    /// Reads the fence of a code block from its first and last source lines; nil for an
    /// indented code block. libcmark 0.30 has no API for this, and closes an unclosed fence
    /// at the end of its container without saying so.
    private static func fence(start: Position, end: Position, lines: [Substring.UTF8View]) -> Fence? {
        guard start.line >= 1, start.line <= lines.count else { return nil }
        let opening = lines[start.line - 1].dropFirst(max(0, start.column - 1))
        let indent = opening.prefix { $0 == UInt8(ascii: " ") }.count
        let body = opening.dropFirst(indent)
        guard let first = body.first, first == UInt8(ascii: "`") || first == UInt8(ascii: "~") else { return nil }
        let length = body.prefix { $0 == first }.count
        guard length >= 3 else { return nil }
        var closed = false
        if end.line > start.line, end.line <= lines.count {
            let closing = lines[end.line - 1].drop { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: ">") }
            let run = closing.prefix { $0 == first }.count
            closed = run >= length && closing.dropFirst(run).allSatisfy { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
        }
        return Fence(character: Character(Unicode.Scalar(first)), length: length, indent: indent, isClosed: closed)
    }
}
