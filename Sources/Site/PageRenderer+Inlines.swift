import Literate
import Markdown

/// Inline content: text, emphasis, code, links (checked numbers, links between chapters),
/// images, raw HTML, and inline math.
extension PageRenderer {
    /// Renders a run of inline nodes; inline math (`InlinePiece`'s rule) becomes a formula,
    /// joined to the punctuation written against it (`MathTie`).
    mutating func inlines(_ nodes: [Node]) -> String {
        var pieces = Node.inlinePieces(nodes)
        var out = ""
        for index in pieces.indices {
            switch pieces[index] {
            case .node(var node):
                // An opening bracket right before a formula is written with the formula.
                if node.kind == .text, index + 1 < pieces.count, case .math = pieces[index + 1] {
                    node.literal.removeLast(MathTie.openingCount(node.literal))
                }
                out += inline(node)
            case .math(let code):
                var before = "", after = ""
                if index > 0, case .node(let node) = pieces[index - 1], node.kind == .text {
                    before = escapeHTML(String(node.literal.suffix(MathTie.openingCount(node.literal))))
                }
                if index + 1 < pieces.count, case .node(var node) = pieces[index + 1], node.kind == .text {
                    let count = MathTie.closingCount(node.literal)
                    after = escapeHTML(String(node.literal.prefix(count)))
                    node.literal.removeFirst(count)
                    pieces[index + 1] = .node(node)
                }
                out += MathTie.tie(before, inlineMath(code), after)
            }
        }
        return out
    }

    mutating func inline(_ node: Node) -> String {
        switch node.kind {
        case .text:
            return escapeHTML(node.literal)
        case .softBreak:
            return "\n"
        case .lineBreak:
            return "<br>\n"
        case .code:
            return "<code>\(escapeHTML(node.literal))</code>"
        case .htmlInline:
            return sanitizer.clean(node.literal)
        case .emphasis:
            return "<em>\(inlines(node.children))</em>"
        case .strong:
            return "<strong>\(inlines(node.children))</strong>"
        case .link(let destination, let title):
            if destination.hasPrefix("check:") {
                return checkedNumber(node, name: String(destination.dropFirst("check:".count)))
            }
            return link(node, destination: destination, title: title)
        case .image(let destination, let title):
            guard HTMLSanitizer.isSafe(url: destination, image: true) else { return escapeHTML(node.plainText) }
            let titleAttribute = title.isEmpty ? "" : " title=\"\(escapeHTML(title))\""
            let rewritten = rewrite(destination)
            return "<img src=\"\(escapeHTML(rewritten))\" alt=\"\(escapeHTML(node.plainText))\"\(titleAttribute)>"
        default:
            return inlines(node.children)
        }
    }

    /// `[0.5866](check:h1)`: the written number, marked as checked, with the value the code
    /// computed in a tooltip shown on hover and on keyboard focus. `[keeps rising](check:rises)`,
    /// a claim the code found true, is marked the same way and may wrap (class `claim`).
    mutating func checkedNumber(_ node: Node, name: String) -> String {
        let name = name.trimmingCharacters(in: " ")
        // A negative number shows a minus sign, as typeset math beside it does (the Markdown's
        // hyphen-minus is what the checker reads).
        var written = inlines(node.children)
        if written.hasPrefix("-"), written.dropFirst().first?.isNumber == true {
            written = "\u{2212}" + written.dropFirst()
        }
        if results.claims.contains(name) {
            return chip(written, tip: "checked: the code found this true", verified: true, claim: true, name: name)
        }
        guard let computed = results.recorded[name] else {
            return chip(written, tip: "not checked yet", verified: false, name: name)
        }
        var tolerance = ""
        if case .link(_, let title) = node.kind, title.hasPrefix("tolerance=") { tolerance = String(title.dropFirst(10)) }
        return chip(written, tip: Self.checkedTip(written: node.plainText, computed: computed, tolerance: tolerance), verified: true, name: name)
    }

    /// A checked number's tooltip in the reader's words: "checked: the code computed 0.842517;
    /// the text rounds it to 0.8425", or "checked: the code computed 5, as the text says".
    /// The computed value shows two digits more than the text writes (every digit when the
    /// text writes all of them); a check with a tolerance says so.
    static func checkedTip(written: String, computed: String, tolerance: String = "") -> String {
        let text = written.trimmingCharacters(in: " ")
        guard let value = Double(computed), let number = Double(text.replacingOccurrences(of: "\u{2212}", with: "-")) else {
            return "checked: the code computed \(computed)"
        }
        let decimals = text.split(separator: ".", maxSplits: 1).dropFirst().first.map { $0.prefix { $0.isNumber }.count } ?? 0
        var shown = String(format: "%.\(min(decimals + 2, 12))f", value)
        while shown.contains("."), shown.hasSuffix("0") { shown.removeLast() }
        if shown.hasSuffix(".") { shown.removeLast() }
        let display = Double(shown) == value ? computed : shown
        let minus = { (s: String) in s.hasPrefix("-") ? "\u{2212}" + s.dropFirst() : s }
        if number == value { return "checked: the code computed \(minus(computed)), as the text says" }
        if !tolerance.isEmpty { return "checked: the code computed \(minus(display)); the text gives \(minus(text)), within \(tolerance)" }
        return "checked: the code computed \(minus(display)); the text rounds it to \(minus(text))"
    }

    /// A checked value: focusable, its tooltip a `role="tooltip"` element that describes it
    /// (`aria-describedby`), shown on hover and focus and hidden by Escape. Tooltip ids are
    /// unique in the whole book (`tip-<page>-<n>`), so the print page may hold every page.
    mutating func chip(_ content: String, tip: String, verified: Bool, claim: Bool = false, name: String? = nil) -> String {
        tipCount += 1
        let id = "tip-\(tipPrefix)-\(tipCount)"
        let kind = (verified ? "checked" : "checked unverified") + (claim ? " claim" : "")
        let named = namesChecks ? name.map { " data-check=\"\(escapeHTML($0))\"" } ?? "" : ""
        return "<span class=\"\(kind)\"\(named) tabindex=\"0\" aria-describedby=\"\(id)\">\(content)<span class=\"tip\" role=\"tooltip\" id=\"\(id)\">\(escapeHTML(tip))</span></span>"
    }

    mutating func link(_ node: Node, destination: String, title: String) -> String {
        guard HTMLSanitizer.isSafe(url: destination, image: false) else { return inlines(node.children) }
        let href: String
        switch links.rewrite(destination, from: folder) {
        case .destination(let rewritten):
            href = rewritten
        case .missingPage(let name):
            diagnostics.append(Diagnostic(path: path, at: node.start,
                                          message: "link to a missing chapter '\(name)'; fix the file name or add the chapter"))
            href = destination
        }
        let titleAttribute = title.isEmpty ? "" : " title=\"\(escapeHTML(title))\""
        return "<a href=\"\(escapeHTML(href))\"\(titleAttribute)>\(inlines(node.children))</a>"
    }

    /// Rewrites a destination that is not a link (an image): chapters are never images, so
    /// only the `.md` rule applies and nothing is reported.
    func rewrite(_ destination: String) -> String {
        if case .destination(let rewritten) = links.rewrite(destination, from: folder) { return rewritten }
        return destination
    }
}

extension Node {
    /// The text a reader sees, like `plainText`, but with inline math as plain text:
    /// `` $`\\sigma(z)^2`$ `` reads `σ(z)2`. For titles and the search index.
    var readableText: String {
        switch kind {
        case .text, .code: return literal
        case .softBreak, .lineBreak: return " "
        default:
            var out = ""
            for piece in Node.inlinePieces(children) {
                switch piece {
                case .node(let child): out += child.readableText
                case .math(let code): out += TeXText.plain(code.literal)
                }
            }
            return out
        }
    }
}

extension String {
    func trimmingCharacters(in set: Character) -> String {
        String(drop { $0 == set }.reversed().drop { $0 == set }.reversed())
    }
}
