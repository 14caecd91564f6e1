import Markdown

/// Formulas: a marker in the page for each, filled in once the whole book is typeset.
extension PageRenderer {
    /// Keeps `formula` and returns its marker.
    mutating func mathMarker(_ formula: MathFormula) -> String {
        formulas.append(formula)
        return MathFormula.marker(formulas.count - 1)
    }

    /// `` $`tex`$ ``: a formula at its code span's position (the TeX's first character).
    mutating func inlineMath(_ code: Node) -> String {
        mathMarker(MathFormula(tex: code.literal, display: false, path: path, line: code.start.line, column: code.start.column))
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
