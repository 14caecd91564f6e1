/// The languages of fenced blocks the book gives a meaning to; a block in any other
/// language is shown as plain code and never run.
public enum FenceLanguage: String, Hashable, Sendable, CaseIterable {
    /// ```` ```swift ````: code compiled and run with the chapter.
    case swift
    /// ```` ```output ````: the standard output of the Swift block above it.
    case output
    /// ```` ```math ````: display math, typeset and its arithmetic checked.
    case math

    /// The language word of an info string: its first word, ended by a space or a tab
    /// (as CommonMark and GitHub read it). `swift\thidden` is `swift`.
    public static func word(of info: String) -> Substring {
        let info = info.drop { $0 == " " || $0 == "\t" }
        return info.prefix { $0 != " " && $0 != "\t" }
    }

    /// The language of an info string, when the book knows it.
    public init?(info: String) {
        self.init(rawValue: String(FenceLanguage.word(of: info)))
    }
}

/// How an option is written after its name.
public enum OptionValue: Hashable, Sendable {
    /// Just the name: `hidden`.
    case none
    /// A value that must be given and not empty: `fails-to-compile="cannot convert"`;
    /// `what` names it in messages, `example` is written after the `=`.
    case required(what: String, example: String)
    /// A value that may be given: `traps` or `traps="index out of range"`.
    case optional
    /// A tolerance: a number (`tolerance=0.001`) or a percentage (`tolerance=1%`).
    case tolerance
}

/// The closed set of fence options: every spelling a fence may carry, the value it takes,
/// what it means and which language it belongs to. The one table the chapter parser, its
/// near-miss suggestions, the check kinds (`RunMode`) and the website read; the README's
/// table of fences says the same.
public enum FenceOption: String, Hashable, Sendable, CaseIterable {
    case hidden
    case compileOnly = "compile-only"
    case failsToCompile = "fails-to-compile"
    case traps
    case tolerance

    /// The spelling in a fence: `compile-only`.
    public var name: String { rawValue }

    /// The block language the option belongs to.
    public var language: FenceLanguage {
        switch self {
        case .hidden, .compileOnly, .failsToCompile, .traps: return .swift
        case .tolerance: return .output
        }
    }

    /// What may follow the name.
    public var value: OptionValue {
        switch self {
        case .hidden, .compileOnly: return .none
        case .failsToCompile: return .required(what: "the expected message", example: "\"cannot convert\"")
        case .traps: return .optional
        case .tolerance: return .tolerance
        }
    }

    /// Whether the option chooses the block's `RunMode` (at most one such option per block).
    public var choosesRunMode: Bool {
        switch self {
        case .compileOnly, .failsToCompile, .traps: return true
        case .hidden, .tolerance: return false
        }
    }

    /// What the option does, in the README's words.
    public var meaning: String {
        switch self {
        case .hidden: return "runs, not shown on the website (setup)"
        case .compileOnly: return "compiled inside `if` that never runs; its declarations are local to it"
        case .failsToCompile: return "type-checked after the blocks before it; must fail with an error in the block containing the text"
        case .traps: return "must trap (message text optional, case ignored); runs once on its own after the blocks before it"
        case .tolerance: return "every number may also be this far off (absolute or relative)"
        }
    }

    /// The options a fence of `language` accepts, in the table's order.
    public static func options(for language: FenceLanguage) -> [FenceOption] {
        allCases.filter { $0.language == language }
    }

    /// The option `name` names for `language`; nil when it is not one of them.
    public init?(name: String, language: FenceLanguage) {
        guard let option = FenceOption(rawValue: name), option.language == language else { return nil }
        self = option
    }

    /// The option of `language` closest to `word` by edit distance, if it is close enough to
    /// be a typo (at most a third of the word's length, and at least 2).
    public static func nearest(to word: String, for language: FenceLanguage) -> FenceOption? {
        let scored = options(for: language).map { ($0, editDistance(word, $0.name)) }.min { $0.1 < $1.1 }
        guard let (option, distance) = scored, distance <= max(2, word.count / 3) else { return nil }
        return option
    }

    /// Levenshtein distance: the fewest insertions, deletions and substitutions turning `a` into `b`.
    public static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...max(1, b.count) where !b.isEmpty {
                let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
            }
            previous = current
        }
        return previous[b.count]
    }
}
