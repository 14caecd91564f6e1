import Markdown

extension ChapterWalk {
    /// Finds `[0.5866](check:h1 "tolerance=0.01")` links in a paragraph or heading, and the
    /// exact column of each in the source lines (libcmark gives inline nodes no positions).
    /// A link whose text has no number is a claim, `[keeps rising](check:rises)`: the code
    /// must record a `Bool` under its name (`ProseChecking` decides, from what was recorded).
    mutating func proseChecks(in block: Node) {
        var links: [(written: String, name: String, title: String)] = []
        block.walk { node in
            if case .link(let destination, let title) = node.kind, destination.hasPrefix("check:") {
                links.append((node.plainText, String(destination.dropFirst(6)), title))
            }
        }
        var cursor = (line: block.start.line, offset: 0)
        for link in links {
            let linkStart = locate(link.name, written: link.written, from: &cursor, lastLine: block.end.line)
                ?? Location(line: block.start.line, column: block.start.column)
            guard !link.name.isEmpty else {
                error(linkStart, "check link needs a name, e.g. [0.5866](check:h1)")
                continue
            }
            guard !link.written.allSatisfy(\.isWhitespace) else {
                error(linkStart, "check link text must be the written number, e.g. [0.5866](check:\(link.name)), or the claim, e.g. [keeps rising](check:\(link.name))")
                continue
            }
            let numberOffset = WrittenNumber.first(in: link.written)?.offset ?? 0
            var tolerance: Tolerance?
            if !link.title.isEmpty {
                guard link.title.hasPrefix("tolerance="), let parsed = Tolerance(parsing: String(link.title.dropFirst(10))) else {
                    error(linkStart, "check title must be \"tolerance=0.01\" or \"tolerance=1%\", not \"\(link.title)\"")
                    continue
                }
                tolerance = parsed
            }
            let location = Location(line: linkStart.line, column: linkStart.column + 1 + numberOffset)
            checks.append(ProseCheck(name: link.name, written: link.written, location: location, linkStart: linkStart, tolerance: tolerance))
        }
    }

    /// The location of the `[` of the next `[written](check:name` at or after `cursor`.
    func locate(_ name: String, written: String, from cursor: inout (line: Int, offset: Int), lastLine: Int) -> Location? {
        let needle = Array("](check:\(name)".utf8)
        let writtenBytes = Array("[\(written)".utf8)
        var line = cursor.line
        var offset = cursor.offset
        while line <= min(lastLine, lines.count) {
            let bytes = lines[line - 1]
            var index = offset
            while index + needle.count <= bytes.count {
                if Array(bytes[index..<index + needle.count]) == needle {
                    let after = index + needle.count
                    let ends = after >= bytes.count || [UInt8(ascii: ")"), UInt8(ascii: " "), UInt8(ascii: "\"")].contains(bytes[after])
                    if ends {
                        cursor = (line, after)
                        let start = index - writtenBytes.count
                        if start >= 0, Array(bytes[start..<index]) == writtenBytes {
                            return Location(line: line, column: start + 1)
                        }
                        if let bracket = bytes[..<index].lastIndex(of: UInt8(ascii: "[")) {
                            return Location(line: line, column: bracket + 1)
                        }
                        return Location(line: line, column: index + 1)
                    }
                }
                index += 1
            }
            line += 1
            offset = 0
        }
        return nil
    }
}
