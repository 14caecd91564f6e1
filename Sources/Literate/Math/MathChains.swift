/// How a side of a chain relates to the side before it.
enum MathRelation: Hashable, Sendable {
    /// `=`: checked at the written precision.
    case equals
    /// `\approx`: checked with one more unit of the side's last written digit.
    case approx
    /// `\mathrel{=}`: the author's mark for an `=` that is not arithmetic (a substitution);
    /// never checked, counted in the summary, and the next side starts a new chain.
    case unchecked
}

/// One side of a chain: its tokens and the relation written before it (nil for the first side).
struct MathSide: Hashable, Sendable {
    var relation: MathRelation?
    var tokens: [MathToken]
    /// Byte offset of the relation before the side (nil for the first side).
    var relationOffset: Int?
    /// Byte offset of the side's first character in the math's text.
    var offset: Int { tokens.first?.offset ?? 0 }
}

/// Cuts TeX math into chains `S0 = S1 = ... = Sn`.
///
/// - aligned rows (`aligned`, `align*`, `gathered`, `split`) end at `\\`; the alignment `&`
///   is dropped, and a row that starts with a relation (`&= ...`) continues the chain above;
///   every second `&` of a row separates two equations, as TeX's columns do;
/// - `\quad`, `\qquad`, `,`, `;`, `.` and `\text{...}` between equations separate them;
/// - `<`, `>`, `\le`, `\ge`, `\ne`, `\leftarrow`, `\to` and the like end a chain; the side
///   after them starts a new one;
/// - anything inside braces, parentheses, brackets or a matrix stays in its side; a bracket
///   without a partner (`]0, 1[`) is a plain symbol (`MathBrackets`).
enum MathChains {
    static let transparent: Set<String> = ["aligned", "align", "align*", "alignedat", "gathered", "gather", "gather*", "split", "equation", "equation*", "multline", "eqnarray"]
    static let breakers: Set<String> = [
        "le", "leq", "ge", "geq", "ne", "neq", "leftarrow", "gets", "rightarrow", "to", "Rightarrow", "Leftarrow",
        "implies", "iff", "impliedby", "mapsto", "propto", "sim", "simeq", "equiv", "coloneqq", "ll", "gg", "in",
        "subset", "Longrightarrow", "longrightarrow", "leftrightarrow", "Leftrightarrow", "lesssim", "gtrsim",
    ]
    static let separators: Set<String> = ["quad", "qquad", "text", "mbox", "textrm", "textit", "textbf", "hspace", "hfill", "tag", "label", "intertext"]

    /// The chains in `tokens`, in order; a chain's sides may be symbolic or numeric.
    static func chains(_ tokens: [MathToken]) -> [[MathSide]] {
        var chains: [[MathSide]] = []
        var chain: [MathSide] = []
        var side: [MathToken] = []
        var relation: MathRelation?
        var relationOffset: Int?
        var depth = 0        // braces, parentheses, brackets
        var matrices = 0     // matrix-like environments
        var ampersands = 0
        var rowStart = false
        // A bracket with no partner (`]0, 1[`) is a plain symbol: it must not hide the rest.
        let loose = MathBrackets.unpaired(tokens)

        func endSide() {
            if !side.isEmpty || relation != nil { chain.append(MathSide(relation: relation, tokens: side, relationOffset: relationOffset)) }
            side = []
            relation = nil
            relationOffset = nil
        }
        /// Adds `token` to the side being read, tracking how deep in brackets it sits.
        func keep(_ token: MathToken, at index: Int) {
            switch loose.contains(index) ? .symbol(" ") : token.kind {
            case .symbol("{"), .symbol("("), .symbol("["): depth += 1
            case .symbol("}"), .symbol(")"), .symbol("]"): depth = max(0, depth - 1)
            default: break
            }
            side.append(token)
        }
        func endChain() {
            endSide()
            let sides = chain.filter { !$0.tokens.isEmpty }
            if !sides.isEmpty { chains.append(sides) }
            chain = []
        }

        var index = 0
        while index < tokens.count {
            let token = tokens[index]
            // Environments: `\begin{name}` and `\end{name}`.
            if token.isCommand("begin") || token.isCommand("end"), let (name, next) = environmentName(tokens, after: index) {
                let opening = token.isCommand("begin")
                if transparent.contains(name) {
                    if matrices == 0 && depth == 0 {
                        if !opening { endChain() }
                        index = next
                        if opening, name == "alignedat", index < tokens.count, tokens[index].isSymbol("{") {
                            index = skipGroup(tokens, from: index)
                        }
                        continue
                    }
                } else {
                    matrices += opening ? 1 : -1
                    matrices = max(0, matrices)
                }
                side.append(contentsOf: tokens[index..<next])
                index = next
                continue
            }
            let topLevel = depth == 0 && matrices == 0
            if !topLevel {
                keep(token, at: index)
                index += 1
                continue
            }
            if rowStart {
                // A row that starts with a relation continues the chain above; one that starts
                // with an operator (`&\quad + ...`) continues the side above; any other starts anew.
                rowStart = false
                var look = index
                while look < tokens.count, tokens[look].isSymbol("&") || tokens[look].isCommand("quad") || tokens[look].isCommand("qquad") {
                    look += 1
                }
                if look < tokens.count, MathChains.continuesSide(tokens[look]) {
                    ampersands += tokens[index..<look].filter { $0.isSymbol("&") }.count
                    index = look
                    continue
                }
                endSide()
                if look < tokens.count, relationKind(tokens, at: look) == nil, breakerLength(tokens, at: look) == 0 {
                    endChain()
                }
            }
            switch token.kind {
            case .rowBreak:
                rowStart = true
                ampersands = 0
                index += 1
                // `\\[4pt]` adds space after a row.
                if index < tokens.count, tokens[index].isSymbol("[") {
                    while index < tokens.count, !tokens[index].isSymbol("]") { index += 1 }
                    index += 1
                }
                continue
            case .symbol("&"):
                ampersands += 1
                if ampersands % 2 == 0 { endChain() }
                index += 1
                continue
            case .symbol(","), .symbol(";"), .symbol("."):
                endChain()
                index += 1
                continue
            case .command(let name) where separators.contains(name):
                endChain()
                index += 1
                if index < tokens.count, tokens[index].isSymbol("{") { index = skipGroup(tokens, from: index) }
                continue
            default: break
            }
            if let (kind, length) = relationKind(tokens, at: index) {
                endSide()
                relation = kind
                relationOffset = token.offset
                index += length
                continue
            }
            let breaker = breakerLength(tokens, at: index)
            if breaker > 0 {
                endChain()
                index += breaker
                continue
            }
            keep(token, at: index)
            index += 1
        }
        endChain()
        return chains  // endChain keeps only non-empty sides and chains
    }

    /// Whether a row starting with `token` carries on the side of the row above.
    static func continuesSide(_ token: MathToken) -> Bool {
        switch token.kind {
        case .symbol("+"), .symbol("-"), .command("cdot"), .command("times"): return true
        default: return false
        }
    }

    /// The relation at `index` and how many tokens it spans: `=`, `\approx`, `\mathrel{=}`.
    static func relationKind(_ tokens: [MathToken], at index: Int) -> (MathRelation, Int)? {
        let token = tokens[index]
        if token.isSymbol("=") { return (.equals, 1) }
        if token.isCommand("approx") || token.isCommand("thickapprox") { return (.approx, 1) }
        if token.isCommand("mathrel"), index + 3 < tokens.count, tokens[index + 1].isSymbol("{"),
           tokens[index + 2].isSymbol("="), tokens[index + 3].isSymbol("}") {
            return (.unchecked, 4)
        }
        return nil
    }

    /// How many tokens the chain-ending relation at `index` spans (0 when there is none).
    static func breakerLength(_ tokens: [MathToken], at index: Int) -> Int {
        switch tokens[index].kind {
        case .symbol("<"), .symbol(">"): return 1
        case .symbol(":") where index + 1 < tokens.count && tokens[index + 1].isSymbol("="): return 2
        case .command(let name) where breakers.contains(name): return 1
        case .command("mathrel") where index + 1 < tokens.count && tokens[index + 1].isSymbol("{"):
            return skipGroup(tokens, from: index + 1) - index
        default: return 0
        }
    }

    /// The environment name after `\begin` or `\end` at `index`, and the index after its `}`.
    static func environmentName(_ tokens: [MathToken], after index: Int) -> (String, Int)? {
        guard index + 1 < tokens.count, tokens[index + 1].isSymbol("{") else { return nil }
        var name = ""
        var cursor = index + 2
        while cursor < tokens.count {
            switch tokens[cursor].kind {
            case .letter(let c): name.append(c)
            case .symbol("*"): name.append("*")
            case .symbol("}"): return (name, cursor + 1)
            default: return nil
            }
            cursor += 1
        }
        return nil
    }

    /// The index after the brace group that opens at `index`.
    static func skipGroup(_ tokens: [MathToken], from index: Int) -> Int {
        var depth = 0
        var cursor = index
        while cursor < tokens.count {
            if tokens[cursor].isSymbol("{") { depth += 1 }
            if tokens[cursor].isSymbol("}") {
                depth -= 1
                if depth == 0 { return cursor + 1 }
            }
            cursor += 1
        }
        return cursor
    }
}
