import Literate
import Markdown

/// Answer boxes: an exercise whose answer is a checked number gets a box, before its folded
/// answer, where the reader types a number and `book.js` says whether it is right.
///
/// The answer is the check link marked `"answer"` in the fold (`[5](check:steps "answer")`,
/// or `"answer tolerance=0.01"`): the fold is a `<details>` raw HTML block and the blocks up to
/// the next `</details>`. The box carries the value the code computed (not the rounded text),
/// so "right" is the checker's own rule applied to what the reader typed: within half a unit
/// of the last digit typed (or the check's tolerance). Without the script the box stays hidden.
extension PageRenderer {
    /// The answer box for the fold opening at `nodes[index]`, or "" when it is not a fold with a
    /// checked answer.
    mutating func answerBox(_ nodes: [Node], at index: Int) -> String {
        guard case .htmlBlock = nodes[index].kind, nodes[index].literal.hasPrefix("<details") else { return "" }
        var answer: (name: String, written: String, tolerance: String)?
        var end = index + 1
        while end < nodes.count, answer == nil {
            let node = nodes[end]
            if case .htmlBlock = node.kind, node.literal.contains("</details>") { break }
            node.walk { inner in
                guard answer == nil, case .link(let destination, let title) = inner.kind, destination.hasPrefix("check:") else { return }
                let words = title.split(separator: " ")
                guard words.contains("answer") else { return }
                let tolerance = words.first { $0.hasPrefix("tolerance=") }.map { String($0.dropFirst(10)) } ?? ""
                answer = (String(destination.dropFirst(6)).trimmingCharacters(in: " "), inner.plainText, tolerance)
            }
            end += 1
        }
        guard let answer, let computed = results.recorded[answer.name] else { return "" }
        answerCount += 1
        let id = "answer-\(tipPrefix)-\(answerCount)"
        let exercise = Self.exerciseNumber(nodes[..<index]).map { "exercise \($0)" } ?? "this exercise"
        let decimals = answer.written.split(separator: ".", maxSplits: 1).dropFirst().first.map { $0.prefix { $0.isNumber }.count } ?? 0
        let places = decimals == 0 ? "as a whole number" : decimals == 1 ? "to 1 decimal" : "to \(decimals) decimals"
        let tolerance = answer.tolerance.isEmpty ? "" : " data-tolerance=\"\(escapeHTML(answer.tolerance))\""
        return """
        <form class="answer-box" data-answer="\(escapeHTML(computed))" data-places="\(decimals)"\(tolerance) hidden>\
        <label for="\(id)">Your answer to \(exercise)</label> \
        <input id="\(id)" type="text" inputmode="decimal" autocomplete="off" spellcheck="false" aria-describedby="\(id)-hint \(id)-verdict"> \
        <button type="submit">Check</button>\
        <p class="answer-hint" id="\(id)-hint">Type a number; the worked answer below gives it \(places).</p>\
        <p class="answer-verdict" id="\(id)-verdict" role="status"></p></form>

        """
    }

    /// The number of the exercise a fold answers: the last paragraph before it that starts with
    /// a bold number (`**2.** Predict …`).
    static func exerciseNumber(_ before: ArraySlice<Node>) -> String? {
        for node in before.reversed() {
            guard case .paragraph = node.kind else { continue }
            guard let first = node.children.first, first.kind == .strong else { return nil }
            let text = first.plainText.trimmingCharacters(in: " ")
            guard text.hasSuffix("."), !text.dropLast().isEmpty, text.dropLast().allSatisfy(\.isNumber) else { return nil }
            return String(text.dropLast())
        }
        return nil
    }
}
