/// A display formula laid out for a phone: the same TeX with each chain broken after its
/// relations and stacked, so no result runs out of sight at 390 px.
///
/// Rules, on the TeX (nothing is evaluated): the formula's rows are its `aligned` rows (or the
/// whole formula); a row with several `lhs &= rhs` pairs (`Z &= …, & A &= …`) becomes one row
/// per pair, and `\qquad` or `,\quad` between two equations starts a new row; then every
/// relation at the top level (`=`, `\approx`, `\mathrel{=}`, `\le`, `\ge`, `<`, `>`, `\ne`)
/// after the first in a row starts a row of its own, aligned on the relation. A side longer
/// than about 30 characters of text is broken before its top-level `+` and `-` onto indented
/// rows. Braces, `\left…\right` and environments (matrices) are never cut. The result is an
/// `aligned` environment; nil when it would have a single row (nothing to stack).
///
/// The page carries both layouts; the style sheet shows this one on narrow screens only.
public enum NarrowMath {
    /// The stacked TeX of `tex`, or nil when stacking changes nothing.
    public static func tex(_ tex: String) -> String? {
        let source = tex.trimmingCharacters(in: .whitespacesAndNewlines)
        var body = source
        let begin = "\\begin{aligned}", end = "\\end{aligned}"
        var aligned = false
        if source.hasPrefix(begin), source.hasSuffix(end),
           split(String(source.dropFirst(begin.count).dropLast(end.count)), at: [end]).count == 1 {
            body = String(source.dropFirst(begin.count).dropLast(end.count))
            aligned = true
        } else if source.contains("\\begin{aligned}") || source.contains("\\\\") && !source.contains("\\begin") {
            return nil
        }
        var rows: [String] = []
        for row in split(body, at: ["\\\\"], keepSeparator: false) {
            var pieces = row
            // Two equations side by side (`…, \qquad …`) become two rows.
            for equation in split(pieces, at: ["\\qquad", ",\\quad"], keepSeparator: false) {
                pieces = equation
                let cells = split(pieces, at: ["&"], keepSeparator: false)
                if aligned, cells.count > 2 {
                    // lhs & rhs & lhs & rhs …: one row per pair (a lone rhs cell continues the left side).
                    var index = 0
                    while index < cells.count {
                        let lhs = cells[index], rhs = index + 1 < cells.count ? cells[index + 1] : ""
                        rows += stack(lhs: lhs, rhs: rhs)
                        index += 2
                    }
                } else if cells.count == 2 {
                    rows += stack(lhs: cells[0], rhs: cells[1])
                } else {
                    // No `&`: the row's first relation is where it aligns.
                    let parts = split(pieces, at: relations)
                    rows += stack(lhs: parts[0], rhs: parts.dropFirst().joined())
                }
            }
        }
        rows = rows.filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
        guard rows.count > 1 else { return nil }
        let original = aligned ? split(body, at: ["\\\\"], keepSeparator: false).filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }.count : 1
        guard rows.count > original else { return nil }
        return begin + "\n" + rows.joined(separator: " \\\\\n") + "\n" + end
    }

    static let relations = ["\\mathrel{=}", "=", "\\approx", "\\le", "\\ge", "\\leq", "\\geq", "\\ne", "\\neq", "<", ">"]

    /// Rows for one `lhs & rhs` pair: the right side cut before each top-level relation after
    /// its first, each piece on a row of its own; long pieces cut again before `+` and `-`.
    static func stack(lhs: String, rhs: String) -> [String] {
        var pieces = split(rhs, at: relations)
        if pieces.first?.trimmingCharacters(in: .whitespaces).isEmpty == true { pieces.removeFirst() }
        guard !pieces.isEmpty else { return [lhs + " &"] }
        var rows: [String] = []
        for (index, piece) in pieces.enumerated() {
            let terms = visibleLength(piece) > 30 ? split(piece, at: ["+", "-"]) : [piece]
            for (at, term) in terms.enumerated() {
                let head = index == 0 && at == 0 ? lhs : ""
                let trimmed = term.trimmingCharacters(in: .whitespaces)
                if at == 0 {
                    rows.append(head + " &" + (trimmed.hasPrefix("=") || relations.contains { trimmed.hasPrefix($0) } ? "" : " ") + term)
                } else {
                    rows.append(" &\\quad " + term)
                }
            }
        }
        return rows
    }

    /// Roughly how many characters a piece of TeX shows: commands count as one, braces none.
    static func visibleLength(_ tex: String) -> Int {
        var count = 0
        var inCommand = false
        for character in tex {
            if character == "\\" { inCommand = true; count += 1; continue }
            if inCommand { if character.isLetter { continue } else { inCommand = false } }
            if character == "{" || character == "}" || character == " " || character == "^" || character == "_" { continue }
            count += 1
        }
        return count
    }

    /// `tex` cut before each top-level occurrence of one of `separators` (kept at the start of
    /// the next piece unless `keepSeparator` is false). Top level: outside braces, brackets of
    /// `\left…\right` and `\begin…\end` environments. A `-` or `+` right after an operator, a
    /// relation, `(` or at the start is a sign, not a cut; a command's letters are never a
    /// separator (`\le` is not `<`).
    static func split(_ tex: String, at separators: [String], keepSeparator: Bool = true) -> [String] {
        let characters = Array(tex)
        var pieces: [String] = []
        var current = ""
        var depth = 0
        var environments = 0
        var index = 0
        func matches(_ text: String, at position: Int) -> Bool {
            let needle = Array(text)
            guard position + needle.count <= characters.count, Array(characters[position..<position + needle.count]) == needle else { return false }
            // A command separator must not run into more letters (`\le` in `\left`).
            if text.hasPrefix("\\"), text.last?.isLetter == true, position + needle.count < characters.count,
               characters[position + needle.count].isLetter { return false }
            return true
        }
        while index < characters.count {
            let character = characters[index]
            if character == "\\" {
                // A command: read it whole, tracking environments and \left/\right.
                var end = index + 1
                if end < characters.count, characters[end].isLetter {
                    while end < characters.count, characters[end].isLetter { end += 1 }
                } else {
                    end = min(end + 1, characters.count)
                }
                let name = String(characters[index..<end])
                if depth == 0, environments == 0, let separator = separators.first(where: { $0.hasPrefix("\\") && matches($0, at: index) }) {
                    pieces.append(current)
                    current = keepSeparator ? separator : ""
                    index += separator.count
                    continue
                }
                if name == "\\begin" || name == "\\left" { environments += 1 }
                if name == "\\end" || name == "\\right" { environments -= 1 }
                current += name
                index = end
                continue
            }
            if character == "{" || character == "(" || character == "[" { depth += 1 }
            if character == "}" || character == ")" || character == "]" { depth -= 1 }
            if depth == 0, environments == 0, let separator = separators.first(where: { !$0.hasPrefix("\\") && matches($0, at: index) }) {
                let before = current.trimmingCharacters(in: .whitespaces)
                let isSign = (separator == "+" || separator == "-")
                    && (before.isEmpty || "=(,[+-<>&".contains(before.last!) || before.hasSuffix("\\cdot") || before.hasSuffix("\\times")
                        || relations.contains { before.hasSuffix($0) })
                if !isSign {
                    pieces.append(current)
                    current = keepSeparator ? separator : ""
                    index += separator.count
                    continue
                }
            }
            current.append(character)
            index += 1
        }
        pieces.append(current)
        return pieces
    }
}
