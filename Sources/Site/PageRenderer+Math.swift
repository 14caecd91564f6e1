/// Formulas: a marker in the page for each, filled in once the whole book is typeset.
extension PageRenderer {
    /// Keeps `formula` and returns its marker.
    mutating func mathMarker(_ formula: MathFormula) -> String {
        formulas.append(formula)
        return MathFormula.marker(formulas.count - 1)
    }

    /// `` $`tex`$ `` in the current block: a formula placed at its code span in the source.
    mutating func inlineMath(_ tex: String) -> String {
        let occurrence = formulasSeen[tex, default: 0]
        formulasSeen[tex] = occurrence + 1
        let at = Self.position(ofInlineMath: tex, occurrence: occurrence, lines: lines, first: block.first, last: block.last)
            ?? (block.first, 1)
        var formula = MathFormula(tex: tex, display: false, path: path, line: at.line, column: at.column)
        if let definition = notation.definition(ofTeX: tex) {
            formula.definition = definition
            formula.focusable = symbolsSeen.insert(definition).inserted
        }
        return mathMarker(formula)
    }

    /// The line and byte column of the first TeX character of the `occurrence`-th (0-based)
    /// `` $`tex`$ `` between lines `first` and `last`; nil when it cannot be found on one line
    /// (a span cut by a line break, whose code text libcmark joined with a space).
    static func position(ofInlineMath tex: String, occurrence: Int, lines: [Substring], first: Int, last: Int) -> (line: Int, column: Int)? {
        guard first >= 1, first <= last, last <= lines.count else { return nil }
        let needle = Array(tex.utf8)
        var seen = 0
        for number in first...last {
            let bytes = Array(lines[number - 1].utf8)
            var index = 0
            while index + needle.count <= bytes.count {
                // The TeX must follow `$` and one or more backticks, as the span opens.
                if index >= 2, bytes[index - 1] == UInt8(ascii: "`"),
                   bytes[index..<(index + needle.count)].elementsEqual(needle) {
                    var open = index - 1
                    while open > 0, bytes[open - 1] == UInt8(ascii: "`") { open -= 1 }
                    if open > 0, bytes[open - 1] == UInt8(ascii: "$") {
                        if seen == occurrence { return (number, index + 1) }
                        seen += 1
                    }
                }
                index += 1
            }
        }
        return nil
    }
}

extension MathFormula {
    /// The marker for a page's `index`-th formula: NUL never occurs in rendered text,
    /// because libcmark replaces it with U+FFFD.
    static func marker(_ index: Int) -> String { "\u{0}\(index)\u{0}" }

    /// `body` with every marker replaced by its formula's HTML, made by `html`.
    static func fill(_ body: String, formulas: [MathFormula], html: (MathFormula) -> String) -> String {
        guard !formulas.isEmpty else { return body }
        let parts = body.split(separator: "\u{0}", omittingEmptySubsequences: false)
        var out = ""
        out.reserveCapacity(body.utf8.count * 3)
        for (index, part) in parts.enumerated() {
            if index % 2 == 0 {
                out += part
            } else if let number = Int(part), number < formulas.count {
                out += html(formulas[number])
            }
        }
        return out
    }
}
