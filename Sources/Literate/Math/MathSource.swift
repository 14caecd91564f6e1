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

/// Finds the math of a chapter in libcmark's tree: the tree decides what is a ```` ```math ````
/// block and what is a `` $`...`$ `` span (a code span between two `$`); the source lines
/// only give the columns, which libcmark does not keep for inline nodes.
struct MathSourceFinder {
    let lines: [[UInt8]]
    private(set) var sources: [MathSource] = []

    init(lines: [[UInt8]]) { self.lines = lines }

    /// Every math block and span of `document`, in file order.
    static func sources(in document: Node, lines: [[UInt8]]) -> [MathSource] {
        var finder = MathSourceFinder(lines: lines)
        finder.visit(document)
        return finder.sources
    }

    private mutating func visit(_ node: Node) {
        switch node.kind {
        case .codeBlock(let info, let fence?):
            if info.split(separator: " ").first == "math", fence.isClosed { block(node) }
        case .paragraph, .heading:
            inline(node)
        default:
            for child in node.children { visit(child) }
        }
    }

    private mutating func block(_ node: Node) {
        var text = ""
        var segments: [(Int, Location)] = []
        var contentLines = node.literal.split(separator: "\n", omittingEmptySubsequences: false)
        if contentLines.last == "" { contentLines.removeLast() }
        for (index, content) in contentLines.enumerated() {
            let lineNumber = node.start.line + 1 + index
            let raw = lines.indices.contains(lineNumber - 1) ? lines[lineNumber - 1] : []
            let bytes = Array(content.utf8)
            let column = raw.count >= bytes.count && Array(raw.suffix(bytes.count)) == bytes ? raw.count - bytes.count + 1 : 1
            if index > 0 { text += "\n" }
            segments.append((text.utf8.count, Location(line: lineNumber, column: column)))
            text += content
        }
        sources.append(MathSource(text: text, segments: segments, isBlock: true))
    }

    /// The `$`-delimited code spans under `node`, located in its source lines in order.
    private mutating func inline(_ node: Node) {
        guard mentionsMath(from: node.start.line, to: node.end.line) else { return }
        var spans: [String] = []
        collectSpans(node, into: &spans)
        guard !spans.isEmpty else { return }
        var cursor = (line: node.start.line, column: max(0, node.start.column - 1))
        for span in spans {
            if let found = locate(span, from: &cursor, lastLine: node.end.line) {
                sources.append(found)
            } else {
                let start = Location(line: node.start.line, column: node.start.column)
                sources.append(MathSource(text: span, segments: [(0, start)], isBlock: false))
            }
        }
    }

    /// Whether any of the lines holds a `` $` ``: cheaper than walking the inline nodes.
    private func mentionsMath(from first: Int, to last: Int) -> Bool {
        guard first >= 1 else { return true }
        for line in first...max(first, min(last, lines.count)) where line <= lines.count {
            let bytes = lines[line - 1]
            var index = 0
            while index + 1 < bytes.count {
                if bytes[index] == UInt8(ascii: "$"), bytes[index + 1] == UInt8(ascii: "`") { return true }
                index += 1
            }
        }
        return false
    }

    private func collectSpans(_ node: Node, into spans: inout [String]) {
        for (index, child) in node.children.enumerated() {
            if child.kind == .code, index > 0, index + 1 < node.children.count,
               node.children[index - 1].kind == .text, node.children[index - 1].literal.hasSuffix("$"),
               node.children[index + 1].kind == .text, node.children[index + 1].literal.hasPrefix("$") {
                spans.append(child.literal)
            } else {
                collectSpans(child, into: &spans)
            }
        }
    }

    /// The next `` $`span`$ `` at or after `cursor` whose content is `span` as libcmark read it.
    private func locate(_ expected: String, from cursor: inout (line: Int, column: Int), lastLine: Int) -> MathSource? {
        var line = cursor.line
        var column = cursor.column
        while line <= min(lastLine, lines.count) {
            let bytes = lines[line - 1]
            var index = column
            while index + 1 < bytes.count {
                if bytes[index] == UInt8(ascii: "$"), bytes[index + 1] == UInt8(ascii: "`"),
                   let found = span(opening: (line, index + 1), lastLine: lastLine), found.content == expected {
                    cursor = found.after
                    return found.source
                }
                index += 1
            }
            line += 1
            column = 0
        }
        return nil
    }

    /// Reads the code span whose backtick run starts at (line, 0-based column), across lines.
    private func span(opening: (line: Int, column: Int), lastLine: Int)
        -> (content: String, source: MathSource, after: (line: Int, column: Int))? {
        let first = lines[opening.line - 1]
        var run = 0
        while opening.column + run < first.count, first[opening.column + run] == UInt8(ascii: "`") { run += 1 }
        var text: [UInt8] = []
        var segments: [(Int, Location)] = []
        var line = opening.line
        var index = opening.column + run
        segments.append((0, Location(line: line, column: index + 1)))
        while line <= min(lastLine, lines.count) {
            let bytes = lines[line - 1]
            while index < bytes.count {
                if bytes[index] == UInt8(ascii: "`") {
                    var closing = 0
                    while index + closing < bytes.count, bytes[index + closing] == UInt8(ascii: "`") { closing += 1 }
                    if closing == run {
                        let after = index + closing
                        guard after < bytes.count, bytes[after] == UInt8(ascii: "$") else { return nil }
                        var content = String(decoding: text.map { $0 == 10 ? 32 : $0 }, as: UTF8.self)
                        if content.hasPrefix(" "), content.hasSuffix(" "), content.contains(where: { $0 != " " }) {
                            content = String(content.dropFirst().dropLast())
                        }
                        let source = MathSource(text: String(decoding: text, as: UTF8.self), segments: segments, isBlock: false)
                        return (content, source, (line, after + 1))
                    }
                    text.append(contentsOf: bytes[index..<index + closing])
                    index += closing
                    continue
                }
                text.append(bytes[index])
                index += 1
            }
            line += 1
            guard line <= min(lastLine, lines.count) else { return nil }
            // A paragraph's continuation line: libcmark drops its indentation and quote markers.
            let next = lines[line - 1]
            index = 0
            while index < next.count, next[index] == UInt8(ascii: " ") || next[index] == UInt8(ascii: ">") { index += 1 }
            text.append(UInt8(ascii: "\n"))
            segments.append((text.count, Location(line: line, column: index + 1)))
        }
        return nil
    }
}
