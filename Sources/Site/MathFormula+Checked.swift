import Foundation
import Literate

/// Marks checked equations: a formula whose arithmetic `book check` compared, every step
/// holding, is wrapped so a reader can see, on hover or keyboard focus, what was computed.
/// A formula with no compared step (symbolic, or only `\mathrel{=}`) is never marked.
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
    /// a tooltip listing each checked side and the value it was compared with, when `steps`
    /// (this formula's, from `checkedSteps`) is not empty and every step held.
    public func html(typeset: String?, checked steps: [MathStepResult]) -> String {
        let inner = html(typeset: typeset)
        guard !steps.isEmpty, steps.allSatisfy(\.passed) else { return inner }
        let id = "mtip-" + String(path.split(separator: "/").last ?? "")
            .map { $0.isLetter || $0.isNumber ? String($0) : "-" }.joined() + "-\(line)-\(column)"
        let tip = "checked: " + steps.map { step in
            // Ten significant digits: more than any side writes, without binary noise.
            let value = step.computed.map { String(format: "%.10g", $0) }.joined(separator: ", ")
            return "\(step.written) (computed \(step.computed.count == 1 ? value : "(" + value + ")"))"
        }.joined(separator: "; ")
        let tag = display ? "div" : "span"
        let label = "<span class=\"tip\" role=\"tooltip\" id=\"\(id)\">\(escapeHTML(tip))</span>"
        return "<\(tag) class=\"math-checked\" tabindex=\"0\" aria-describedby=\"\(id)\">\(inner)\(label)</\(tag)>"
            + (display ? "\n" : "")
    }
}
