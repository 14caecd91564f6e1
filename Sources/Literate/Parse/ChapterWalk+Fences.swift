import Markdown

/// Fence lines libcmark does not read as the start of a code block, though an author meant one:
/// the Swift after them would otherwise go unchecked without a word.
extension ChapterWalk {
    /// A fence line inside a code block, with as many fence characters as the block's own
    /// fence and a `swift` or `output` info string, means the block was left open and has
    /// swallowed the block the author started there (a longer outer fence, ```` ```` ````,
    /// is the deliberate way to show a fence): an error at that line. Returns whether one was found.
    mutating func swallowedFence(_ node: Node, fence: Fence, language: String) -> Bool {
        let firstLine = node.start.line + 1
        for (offset, line) in node.literal.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).enumerated() {
            guard let opener = FenceLine(line), opener.character == fence.character, opener.length >= fence.length,
                  opener.language == "swift" || opener.language == "output" else { continue }
            let column = node.start.column + fence.indent + opener.indent
            let name = language.isEmpty ? "code block" : "```\(language) block"
            error(Location(line: firstLine + offset, column: column),
                  "this ```\(opener.language) line is inside the \(name) opened at line \(node.start.line), so it is not run; close that block before this line")
            return true
        }
        return false
    }

    /// A ```` ```swift ```` or ```` ```output ```` line inside an HTML block is HTML text for
    /// CommonMark, not a code block: a warning at that line.
    mutating func fencesInHTML(_ node: Node) {
        for (offset, line) in node.literal.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).enumerated() {
            guard let opener = FenceLine(line), opener.language == "swift" || opener.language == "output" else { continue }
            let location = Location(line: node.start.line + offset, column: (offset == 0 ? node.start.column : 1) + opener.indent)
            diagnostics.append(Diagnostic(path: path, at: location, severity: .warning,
                message: "this ```\(opener.language) line is inside an HTML block, so it is not a code block and is not run; put a blank line between the HTML and the fence"))
        }
    }
}

/// A line that would open a fenced code block: up to 3 spaces, 3 or more backticks or
/// tildes, and the info string's first word.
struct FenceLine {
    var indent: Int
    var character: Character
    var length: Int
    var language: String

    init?<Line: Collection>(_ line: Line) where Line.Element == UInt8 {
        indent = line.prefix { $0 == UInt8(ascii: " ") }.count
        guard indent <= 3 else { return nil }
        let body = line.dropFirst(indent)
        guard let first = body.first, first == UInt8(ascii: "`") || first == UInt8(ascii: "~") else { return nil }
        length = body.prefix { $0 == first }.count
        guard length >= 3 else { return nil }
        let info = body.dropFirst(length).drop { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
        language = String(decoding: info.prefix { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\t") }, as: UTF8.self)
        character = Character(Unicode.Scalar(first))
    }
}
