import Literate
import Markdown

/// Names in a Swift block linked to the reference (`CodeLink`): each a link to its entry,
/// described by a tooltip with its declaration and first sentence, shown on hover and focus
/// like a checked number's (`aria-describedby`; the link itself is what Tab reaches). A line
/// with a linked name is an anchor, `L<line>` (its line in the Markdown file), where the
/// reference's "Used in" links land (`ReferenceUse`).
extension PageRenderer {
    /// The anchor of a chapter's code line: `L42` for the Markdown file's line 42.
    static func lineAnchor(_ line: Int) -> String { "L\(line)" }

    /// The block's code as HTML, its linked names wrapped; plain highlighting when it has none.
    /// `literal` is the block's text, whose first line is the chapter's line `firstLine`.
    mutating func linkedSwiftCode(_ literal: String, firstLine: Int) -> (html: String, hidden: Int) {
        let lines = literal.split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.indices.contains(where: { results.links[firstLine + $0] != nil }) else { return Self.swiftCode(literal) }
        // The lines the page shows: the block's, without the hidden-code markers.
        var shown: [(line: Int, text: Substring)] = []
        let markers = HiddenLines.hasMarkers(literal)
        for (offset, text) in lines.enumerated() {
            if markers {
                let trimmed = text.trimmingCharacters(in: .whitespaces)
                if trimmed == HiddenLines.start || trimmed == HiddenLines.end { continue }
            }
            shown.append((firstLine + offset, text))
        }
        let split = markers ? HiddenLines.split(literal) : nil
        let code = split?.code ?? literal, folded = split?.folded ?? []
        let bytes = Array(code.utf8)
        var wraps: [SwiftHighlighter.Wrap] = []
        var lineIDs: [Int: String] = [:]
        var lineStart = 0
        for (index, (line, text)) in shown.enumerated() {
            let length = text.utf8.count
            guard lineStart + length <= bytes.count else { break }
            if results.links[line] != nil { lineIDs[index] = Self.lineAnchor(line) }
            var lastEnd = lineStart
            for link in results.links[line] ?? [] {
                let start = lineStart + link.column - 1
                guard start >= lastEnd, start < lineStart + length else { continue }
                let size = CodeLink.nameLength(bytes[lineStart..<lineStart + length], from: start)
                guard size > 0 else { continue }
                tipCount += 1
                let id = "tip-\(tipPrefix)-\(tipCount)"
                let text = linkTips[link.href] ?? "<code>\(escapeHTML(link.declaration))</code>"
                    + (link.summary.isEmpty ? "" : " \(escapeHTML(link.summary))")
                linkTips[link.href] = text
                let tip = "<span class=\"tip\" role=\"tooltip\" id=\"\(id)\">" + text + "</span>"
                wraps.append(SwiftHighlighter.Wrap(range: start..<start + size,
                                                   open: "<a class=\"api\" href=\"\(escapeHTML(link.href))\" aria-describedby=\"\(id)\">",
                                                   close: tip + "</a>"))
                lastEnd = start + size
            }
            lineStart += length + 1
        }
        return (SwiftHighlighter.html(code, folded: folded, wraps: wraps, lineIDs: lineIDs), folded.count)
    }
}
