import Markdown

extension ChapterWalk {
    /// Hidden-line markers (`HiddenLines`) out of place in a Swift block: a start never ended,
    /// an end never started, a start inside a region. An error at the marker's line each, so a
    /// region cannot silently fold the rest of a block.
    mutating func hiddenLineMarkers(_ node: Node, fence: Fence) {
        guard HiddenLines.hasMarkers(node.literal) else { return }
        let lines = node.literal.split(separator: "\n", omittingEmptySubsequences: false)
        for problem in HiddenLines.split(node.literal).problems {
            let indent = lines.indices.contains(problem.line) ? lines[problem.line].prefix { $0 == " " || $0 == "\t" }.utf8.count : 0
            error(Location(line: node.start.line + 1 + problem.line, column: node.start.column + fence.indent + indent), problem.message)
        }
    }
}
