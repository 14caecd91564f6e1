/// Lines of a shown Swift block that run and are checked like the rest but are folded on the
/// website, behind a "Show hidden lines" control: the bookkeeping a reader does not need
/// (`record(…)` calls, a figure's construction).
///
/// A region starts at a line that is exactly `//#-hidden-code` and ends at a line that is
/// exactly `//#-end-hidden-code` (spaces around either allowed), as in Swift Playgrounds. Both
/// are comments, so the block compiles as written and reads as plain Swift on GitHub. The
/// website drops the two marker lines and folds the lines between; the copy button copies
/// every line but the markers, and print shows every line.
public enum HiddenLines {
    public static let start = LineMarker.hiddenStart.rawValue
    public static let end = LineMarker.hiddenEnd.rawValue

    /// A block's code as the website shows it.
    public struct Split: Hashable, Sendable {
        /// The code without the marker lines.
        public var code: String
        /// The 0-based indexes, in `code`, of the folded lines.
        public var folded: Set<Int>
        /// Marker problems, each at its 0-based line in the block's original code.
        public var problems: [Problem]
    }

    /// A marker out of place: its 0-based line in the block, and what to do.
    public struct Problem: Hashable, Sendable {
        public var line: Int
        public var message: String
    }

    /// Whether `code` has a marker line at all (most blocks do not: nothing to split).
    public static func hasMarkers(_ code: String) -> Bool {
        code.contains(start) || code.contains(end)
    }

    /// Splits `code` (a block's text, lines ended by newlines) at its markers.
    public static func split(_ code: String) -> Split {
        var kept: [Substring] = []
        var folded: Set<Int> = []
        var problems: [Problem] = []
        var openedAt: Int?
        let lines = code.split(separator: "\n", omittingEmptySubsequences: false)
        for (number, line) in lines.enumerated() {
            let trimmed = line.trimmingBlanks()
            if trimmed == start {
                if let openedAt {
                    problems.append(Problem(line: number, message: "\(start) inside the hidden lines opened on line \(openedAt + 1) of this block; end those with \(end) first"))
                }
                openedAt = number
            } else if trimmed == end {
                if openedAt == nil {
                    problems.append(Problem(line: number, message: "\(end) without a \(start) before it; remove it or add the start marker"))
                }
                openedAt = nil
            } else {
                if openedAt != nil { folded.insert(kept.count) }
                kept.append(line)
            }
        }
        if let openedAt {
            problems.append(Problem(line: openedAt, message: "\(start) is never ended; add a line \(end) after the last line to hide"))
        }
        return Split(code: kept.joined(separator: "\n"), folded: folded, problems: problems)
    }
}

extension Substring {
    /// The line without spaces and tabs at either end.
    func trimmingBlanks() -> Substring {
        var text = self
        while let first = text.first, first == " " || first == "\t" { text.removeFirst() }
        while let last = text.last, last == " " || last == "\t" { text.removeLast() }
        return text
    }
}
