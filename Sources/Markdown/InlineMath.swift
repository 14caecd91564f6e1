/// Inline math as GitHub writes it, `` $`tex`$ ``: the one place the rule is written, for the
/// math checker, the site and the search index alike.
///
/// Rule: a text node ending in `$`, then a code span, then a text node starting with `$` is a
/// formula (the code span's text); the two dollars belong to it and are dropped. A `$` closes
/// one formula or opens the next, never both: in `` $`a`$ and $`b`$ `` the text `$ and $`
/// closes `a` and opens `b`.
public enum InlinePiece: Hashable, Sendable {
    /// An inline node, with the dollars of formulas beside it dropped from its text.
    case node(Node)
    /// A formula: the code span holding its TeX (its `start` is the TeX's first character).
    case math(Node)
}

extension Node {
    /// A run of inline nodes, cut into nodes and formulas by the rule above.
    public static func inlinePieces(_ nodes: [Node]) -> [InlinePiece] {
        var nodes = nodes
        var pieces: [InlinePiece] = []
        pieces.reserveCapacity(nodes.count)
        var index = 0
        while index < nodes.count {
            if opensInlineMath(nodes, at: index) {
                var before = nodes[index]
                before.literal.removeLast()
                pieces.append(.node(before))
                pieces.append(.math(nodes[index + 1]))
                nodes[index + 2].literal.removeFirst()
                nodes[index + 2].start.column += 1
                index += 2
                continue
            }
            pieces.append(.node(nodes[index]))
            index += 1
        }
        return pieces
    }

    /// Every formula's code span under this node, in document order (the tree is at most
    /// `CommonMark.maximumDepth` deep, so the recursion is bounded).
    public var inlineFormulas: [Node] {
        var found: [Node] = []
        collectFormulas(into: &found)
        return found
    }

    private func collectFormulas(into found: inout [Node]) {
        for piece in Node.inlinePieces(children) {
            switch piece {
            case .math(let code): found.append(code)
            case .node(let child): child.collectFormulas(into: &found)
            }
        }
    }

    /// Whether `nodes[index]` opens a formula: a text node ending in `$`, a code span, and a
    /// text node starting with `$`.
    static func opensInlineMath(_ nodes: [Node], at index: Int) -> Bool {
        index + 2 < nodes.count
            && nodes[index].kind == .text && nodes[index].literal.hasSuffix("$")
            && nodes[index + 1].kind == .code
            && nodes[index + 2].kind == .text && nodes[index + 2].literal.hasPrefix("$")
    }
}
