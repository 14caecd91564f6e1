import Markdown

extension ChapterWalk {
    /// Finds `[0.5866](check:h1 "tolerance=0.01")` links in a paragraph, heading or table
    /// cell, each at its node's position. A link whose text has no number is a claim,
    /// `[keeps rising](check:rises)`: the code must record a `Bool` under its name
    /// (`ProseChecking` decides, from what was recorded).
    mutating func proseChecks(in block: Node) {
        var links: [(written: String, name: String, title: String, start: Location)] = []
        block.walk { node in
            if case .link(let destination, let title) = node.kind, destination.hasPrefix("check:") {
                links.append((node.plainText, String(destination.dropFirst(6)), title, node.start))
            }
        }
        for link in links {
            let linkStart = link.start
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
}
