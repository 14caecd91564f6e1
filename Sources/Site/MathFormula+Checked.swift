import Foundation
import Literate

/// Marks checked equations: a formula whose arithmetic `book check` compared, every step
/// holding, is wrapped so a reader can see, on hover or keyboard focus, what was computed.
/// A formula with no compared step (symbolic, or only `\mathrel{=}`) is never marked as checked;
/// an inline one that is a symbol the notation page defines shows that definition instead.
extension MathFormula {
    /// The steps of `steps` whose side starts inside this formula's TeX in the Markdown file.
    public func checkedSteps(_ steps: [MathStepResult]) -> [MathStepResult] {
        let end = position(ofOffset: tex.utf16.count)
        return steps.filter { step in
            let at = step.location
            let afterStart = at.line > line || (at.line == line && at.column >= column)
            let beforeEnd = at.line < end.line || (at.line == end.line && at.column <= end.column)
            return afterStart && beforeEnd
        }
    }

    /// The formula's HTML (`html(typeset:)`), wrapped in a focusable `math-checked` element with
    /// a tooltip in the reader's words ("checked: redoing the arithmetic gives 0.1761466 where the
    /// text writes 0.176147"), one clause per checked side, when `steps`
    /// (this formula's, from `checkedSteps`) is not empty and every step held.
    public func html(typeset: String?, narrowTypeset: String? = nil, checked steps: [MathStepResult]) -> String {
        let inner = html(typeset: typeset, narrowTypeset: narrowTypeset)
        let place = String(path.split(separator: "/").last ?? "")
            .map { $0.isLetter || $0.isNumber ? String($0) : "-" }.joined() + "-\(line)-\(column)"
        guard !steps.isEmpty, steps.allSatisfy(\.passed) else {
            guard let definition, !display else { return inner }
            // A symbol: its definition from the notation page, as a tooltip like a checked number's.
            let id = "stip-" + place
            let focus = focusable ? " tabindex=\"0\"" : ""
            return "<span class=\"symbol\"\(focus) aria-describedby=\"\(id)\">\(inner)<span class=\"tip\" role=\"tooltip\" id=\"\(id)\">\(escapeHTML(definition))</span></span>"
        }
        let id = "mtip-" + place
        let tip = "checked: redoing the arithmetic gives " + steps.map { step in
            let values = step.computed.map { Self.shown($0, like: step.written) }.joined(separator: ", ")
            let written = TeXText.plain(step.written).replacingOccurrences(of: "-", with: "\u{2212}")
            return (step.computed.count == 1 ? values : "(" + values + ")") + " where the text writes " + written
        }.joined(separator: "; ")
        let tag = display ? "div" : "span"
        let label = "<span class=\"tip\" role=\"tooltip\" id=\"\(id)\">\(escapeHTML(tip))</span>"
        return "<\(tag) class=\"math-checked\" tabindex=\"0\" aria-describedby=\"\(id)\">\(inner)\(label)</\(tag)>"
            + (display ? "\n" : "")
    }

    /// `value` with two decimals more than the most `written` (a side's TeX) uses, without
    /// trailing noise: the digits a reader can compare with the text.
    static func shown(_ value: Double, like written: String) -> String {
        var most = 0, run = 0, afterPoint = false
        for character in written {
            if character == "." { afterPoint = true; run = 0 } else if character.isNumber { if afterPoint { run += 1; most = max(most, run) } } else { afterPoint = false }
        }
        var text = String(format: "%.\(min(most + 2, 12))f", value)
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        if text == "-0" { text = "0" }
        return text.hasPrefix("-") ? "\u{2212}" + text.dropFirst() : text
    }
}
