import Literate
import Markdown

/// Inline content: text, emphasis, code, links (checked numbers, links between chapters),
/// images, raw HTML, and inline math.
extension PageRenderer {
    /// Renders a run of inline nodes. Inline math is `` $`…`$ ``: a text node ending in `$`,
    /// a code span, and a text node starting with `$`; the dollars are dropped.
    mutating func inlines(_ input: [Node]) -> String {
        var nodes = input
        var out = ""
        var index = 0
        while index < nodes.count {
            let node = nodes[index]
            if Node.opensInlineMath(nodes, at: index) {
                out += escapeHTML(String(node.literal.dropLast()))
                out += inlineMath(nodes[index + 1].literal)
                nodes[index + 2].literal.removeFirst()
                index += 2
                continue
            }
            out += inline(node)
            index += 1
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
            return chip(written, tip: "checked: the code found this true", verified: true, claim: true)
        }
        guard let computed = results.recorded[name] else {
            return chip(written, tip: "not checked yet", verified: false)
        }
        return chip(written, tip: "checked: the code computed \(computed)", verified: true)
    }

    /// A checked value: focusable, its tooltip a `role="tooltip"` element that describes it
    /// (`aria-describedby`), shown on hover and focus and hidden by Escape. Tooltip ids are
    /// unique in the whole book (`tip-<page>-<n>`), so the print page may hold every page.
    mutating func chip(_ content: String, tip: String, verified: Bool, claim: Bool = false) -> String {
        tipCount += 1
        let id = "tip-\(tipPrefix)-\(tipCount)"
        let kind = (verified ? "checked" : "checked unverified") + (claim ? " claim" : "")
        return "<span class=\"\(kind)\" tabindex=\"0\" aria-describedby=\"\(id)\">\(content)<span class=\"tip\" role=\"tooltip\" id=\"\(id)\">\(escapeHTML(tip))</span></span>"
    }

    mutating func link(_ node: Node, destination: String, title: String) -> String {
        guard HTMLSanitizer.isSafe(url: destination, image: false) else { return inlines(node.children) }
        let occurrence = linksSeen[destination, default: 0]
        linksSeen[destination] = occurrence + 1
        let href: String
        switch links.rewrite(destination, from: folder) {
        case .destination(let rewritten):
            href = rewritten
        case .missingPage(let name):
            let position = Links.position(of: destination, occurrence: occurrence, lines: lines, first: block.first, last: block.last)
                ?? (block.first, 1)
            diagnostics.append(Diagnostic(path: path, line: position.line, column: position.column,
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
    /// Whether `nodes[index]` starts inline math `` $`…`$ ``: a text node ending in `$`, then a
    /// code span, then a text node starting with `$`. The one place that rule is written.
    static func opensInlineMath(_ nodes: [Node], at index: Int) -> Bool {
        index + 2 < nodes.count
            && nodes[index].kind == .text && nodes[index].literal.hasSuffix("$")
            && nodes[index + 1].kind == .code
            && nodes[index + 2].kind == .text && nodes[index + 2].literal.hasPrefix("$")
    }

    /// The text a reader sees, like `plainText`, but with inline math as plain text:
    /// `` $`\\sigma(z)^2`$ `` reads `σ(z)2`. For titles and the search index.
    var readableText: String {
        switch kind {
        case .text, .code: return literal
        case .softBreak, .lineBreak: return " "
        default:
            var out = ""
            var children = self.children
            var index = 0
            while index < children.count {
                let child = children[index]
                if Node.opensInlineMath(children, at: index) {
                    // The text after the span may open the next one (`$ and $`), so it is
                    // trimmed and read again, as the renderer does.
                    out += child.literal.dropLast() + TeXText.plain(children[index + 1].literal)
                    children[index + 2].literal.removeFirst()
                    index += 2
                    continue
                }
                out += child.readableText
                index += 1
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
