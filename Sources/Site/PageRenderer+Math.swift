import Markdown

/// Formulas: a marker in the page for each, filled in once the whole book is typeset.
extension PageRenderer {
    /// Keeps `formula` and returns its marker.
    mutating func mathMarker(_ formula: MathFormula) -> String {
        formulas.append(formula)
        return MathFormula.marker(formulas.count - 1)
    }

    /// `` $`tex`$ ``: a formula at its code span's position (the TeX's first character).
    /// A formula that is a symbol the notation page defines carries its definition.
    mutating func inlineMath(_ code: Node) -> String {
        var formula = MathFormula(tex: code.literal, display: false, path: path, line: code.start.line, column: code.start.column)
        if let definition = notation.definition(ofTeX: code.literal) {
            formula.definition = definition
            formula.focusable = symbolsSeen.insert(definition).inserted
        }
        return mathMarker(formula)
    }
}

extension MathFormula {
    /// The marker for a page's `index`-th formula: NUL never occurs in rendered text,
    /// because libcmark replaces it with U+FFFD.
    static func marker(_ index: Int) -> String { "\u{0}\(index)\u{0}" }

    /// `body` with every marker replaced by its formula's HTML, made by `html`.
    static func fill(_ body: String, formulas: [MathFormula], html: (MathFormula) -> String) -> String {
        guard !formulas.isEmpty else { return body }
        // Split on the bytes: splitting the String by Characters cost a tenth of the site's
        // rendering (NUL is a control character, always a grapheme of its own, so the parts
        // are the same).
        let parts = body.utf8.split(separator: 0, omittingEmptySubsequences: false)
        var out = ""
        out.reserveCapacity(body.utf8.count * 3)
        for (index, part) in parts.enumerated() {
            if index % 2 == 0 {
                out += Substring(part)
            } else if let number = Int(Substring(part)), number < formulas.count {
                out += html(formulas[number])
            }
        }
        return out
    }
}
