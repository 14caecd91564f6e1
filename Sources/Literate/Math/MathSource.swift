import Markdown

/// The TeX of one ```` ```math ```` block or one `` $`...`$ `` span, with the map from its
/// bytes back to the Markdown file.
struct MathSource: Hashable, Sendable {
    /// The TeX, lines joined with `\n`.
    var text: String
    /// Where each piece of `text` starts: its byte offset in `text` and its position in the file.
    var segments: [(offset: Int, location: Location)]
    /// A display block rather than an inline span.
    var isBlock: Bool

    static func == (a: MathSource, b: MathSource) -> Bool {
        a.text == b.text && a.isBlock == b.isBlock && a.segments.map(\.offset) == b.segments.map(\.offset)
            && a.segments.map(\.location) == b.segments.map(\.location)
    }

    func hash(into hasher: inout Hasher) { hasher.combine(text) }

    /// The file position of byte `offset` of `text`.
    func location(of offset: Int) -> Location {
        var best = segments.first ?? (0, Location(line: 1, column: 1))
        for segment in segments where segment.offset <= offset { best = segment }
        return Location(line: best.location.line, column: best.location.column + offset - best.offset)
    }
}

extension MathSource {
    /// Every ```` ```math ```` block and `` $`...`$ `` span of `document`, in file order: the
    /// tree decides what is math (`InlinePiece`'s rule), its positions say where; `lines`
    /// (the normalised text's) give the TeX as written, line breaks kept.
    static func sources(in document: Node, lines: [[UInt8]]) -> [MathSource] {
        var sources: [MathSource] = []
        func visit(_ node: Node) {
            switch node.kind {
            case .codeBlock(let info, let fence?):
                if FenceLanguage(info: info) == .math, fence.isClosed { sources.append(block(node, lines: lines)) }
            case .paragraph, .heading, .tableCell:
                for code in node.inlineFormulas { sources.append(span(code, lines: lines)) }
            default:
                for child in node.children { visit(child) }
            }
        }
        visit(document)
        return sources
    }

    /// A math block: its lines, each at the column its text starts.
    private static func block(_ node: Node, lines: [[UInt8]]) -> MathSource {
        var text = ""
        var segments: [(Int, Location)] = []
        var contentLines = node.literal.split(separator: "\n", omittingEmptySubsequences: false)
        if contentLines.last == "" { contentLines.removeLast() }
        for (index, content) in contentLines.enumerated() {
            let lineNumber = node.start.line + 1 + index
            let raw = lines.indices.contains(lineNumber - 1) ? lines[lineNumber - 1] : []
            let (column, written) = placed(Array(content.utf8), in: raw)
            if index > 0 { text += "\n" }
            segments.append((text.utf8.count, Location(line: lineNumber, column: column)))
            text += String(decoding: written, as: UTF8.self)
        }
        return MathSource(text: text, segments: segments, isBlock: true)
    }

    /// Where `content` (libcmark's text of one line of a block, in which each NUL byte of the
    /// file reads U+FFFD, three bytes) ends `raw` (the file's line): its column, and the file's
    /// own bytes of it, so that every byte offset in the math text is a byte column of the
    /// file. Column 1 and `content` as given when it does not end the line.
    static func placed(_ content: [UInt8], in raw: [UInt8]) -> (column: Int, bytes: [UInt8]) {
        var start = raw.count, length = 0
        while start > 0 && length < content.count {
            start -= 1
            length += raw[start] == 0 ? 3 : 1
        }
        let piece = raw[start...]
        guard length == content.count, piece.flatMap({ $0 == 0 ? [0xEF, 0xBF, 0xBD] : [$0] }) == content else { return (1, content) }
        return (start + 1, Array(piece))
    }

    /// An inline formula: the source between its code span's first and last character, a
    /// later line taken from its content start (after indentation and `>` markers, which
    /// libcmark drops) and joined with "\n".
    private static func span(_ code: Node, lines: [[UInt8]]) -> MathSource {
        let start = code.start, end = code.end
        guard start.line >= 1, end.line >= start.line, end.line <= lines.count else {
            return MathSource(text: code.literal, segments: [(0, start)], isBlock: false)
        }
        var text: [UInt8] = []
        var segments: [(Int, Location)] = []
        for number in start.line...end.line {
            let bytes = lines[number - 1]
            var from = number == start.line ? start.column - 1 : 0
            if number > start.line {
                while from < bytes.count, bytes[from] == UInt8(ascii: " ") || bytes[from] == UInt8(ascii: "\t")
                        || bytes[from] == UInt8(ascii: ">") { from += 1 }
                text.append(UInt8(ascii: "\n"))
            }
            let to = number == end.line ? min(end.column, bytes.count) : bytes.count
            segments.append((text.count, Location(line: number, column: from + 1)))
            if from < to { text += bytes[from..<to] }
        }
        return MathSource(text: String(decoding: text, as: UTF8.self), segments: segments, isBlock: false)
    }
}
