/// TeX as plain text, for the search index and page titles: what a reader would type to
/// find a formula, not how it is typeset.
///
/// Rules: a command naming a symbol becomes that symbol (`\sigma` σ, `\cdot` ·, `\le` ≤);
/// spacing commands, `~`, `&` and `\\` become a space; a fraction reads `a/b`; every other
/// command (`\mathrm`, `\left`) is dropped and its arguments kept; braces, `^` and `_` are dropped;
/// runs of spaces become one.
public enum TeXText {
    static let symbols: [String: String] = [
        "alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ", "epsilon": "ε", "varepsilon": "ε",
        "zeta": "ζ", "eta": "η", "theta": "θ", "iota": "ι", "kappa": "κ", "lambda": "λ", "mu": "μ",
        "nu": "ν", "xi": "ξ", "pi": "π", "rho": "ρ", "sigma": "σ", "tau": "τ", "phi": "φ",
        "varphi": "φ", "chi": "χ", "psi": "ψ", "omega": "ω", "Gamma": "Γ", "Delta": "Δ",
        "Theta": "Θ", "Lambda": "Λ", "Sigma": "Σ", "Phi": "Φ", "Psi": "Ψ", "Omega": "Ω",
        "ell": "ℓ", "cdot": "·", "times": "×", "div": "÷", "pm": "±", "mp": "∓", "approx": "≈", "le": "≤",
        "leq": "≤", "ge": "≥", "geq": "≥", "ne": "≠", "neq": "≠", "sum": "Σ", "prod": "Π",
        "partial": "∂", "nabla": "∇", "infty": "∞", "to": "→", "rightarrow": "→", "leftarrow": "←",
        "in": "∈", "odot": "⊙", "circ": "∘", "ldots": "…", "dots": "…", "cdots": "⋯", "log": "log",
        "ln": "ln", "exp": "exp", "max": "max", "min": "min", "sqrt": "√", "top": "ᵀ",
        "lVert": "‖", "rVert": "‖", "Vert": "‖", "vert": "|", "lvert": "|", "rvert": "|",
        "{": "{", "}": "}", "%": "%", "$": "$", "#": "#", "_": "_",
    ]
    static let spaces: Set<String> = [",", ";", ":", "!", " ", "quad", "qquad", "\\"]

    /// The plain text of `tex`.
    public static func plain(_ tex: String) -> String {
        var out = ""
        var index = tex.startIndex
        // Brace depth, and the depths at which a fraction's numerator group opens: the
        // fraction reads numerator/denominator.
        var depth = 0
        var fractions: [Int] = []
        while index < tex.endIndex {
            let character = tex[index]
            index = tex.index(after: index)
            switch character {
            case "\\":
                guard index < tex.endIndex else { break }
                var name = String(tex[index])
                index = tex.index(after: index)
                if name.first!.isLetter {
                    while index < tex.endIndex, tex[index].isLetter {
                        name.append(tex[index])
                        index = tex.index(after: index)
                    }
                }
                if spaces.contains(name) { out.append(" ") } else if let symbol = symbols[name] { out += symbol }
                if ["frac", "tfrac", "dfrac"].contains(name) { fractions.append(depth) }
            case "}":
                depth -= 1
                // Between two arguments a space keeps them apart; a fraction's are a/b.
                if index < tex.endIndex, tex[index] == "{" {
                    if fractions.last == depth { fractions.removeLast(); out.append("/") } else { out.append(" ") }
                }
            case "{":
                depth += 1
            case "^", "_":
                break
            case "~", "&", "\n", "\t":
                out.append(" ")
            default:
                out.append(character)
            }
        }
        return out.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
    }
}
