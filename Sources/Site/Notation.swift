import Foundation
import Literate
import Markdown

/// The symbols the notation page defines, so every chapter can show a symbol's one-line
/// definition on hover and keyboard focus.
///
/// Read from the notation page's pipe tables: a row whose first cell holds inline math
/// (`` $`\delta^{[\ell]}`$ ``, or several, `` $`y`$, $`y^{(i)}`$ ``) defines each of those symbols
/// with its second cell, as plain text, up to its first sentence's end (at most about 150
/// characters). A symbol `A \odot B` in the operations table defines its operator, `\odot`.
///
/// Matching: an inline formula in a chapter shows a definition when its whole TeX (spaces
/// dropped) is a defined symbol, where the symbol's layer `[\ell]` stands for any layer
/// (`[2]`, `[\ell-1]`), its example `(i)` for any example, and a subscript may follow or
/// replace the symbol's own index (`z^{[1]}_2` is `z^{[\ell]}`, `w^{[2]}_{12}` is `w^{[\ell]}_{jk}`,
/// but `n_y` is not `n_x`).
/// The first pattern that matches wins, in the page's order.
public struct Notation: Sendable {
    struct Entry: Sendable {
        var pattern: String
        var definition: String
        /// `pattern` compiled once: `String.range(of:options: .regularExpression)` compiled it
        /// for every inline formula of the book, 60% of the site's rendering time.
        var regex: Compiled

        init(pattern: String, definition: String) {
            self.pattern = pattern
            self.definition = definition
            self.regex = Compiled(pattern)
        }
    }

    /// A compiled pattern; NSRegularExpression matches from any thread.
    final class Compiled: @unchecked Sendable {
        let expression: NSRegularExpression?
        init(_ pattern: String) { expression = try? NSRegularExpression(pattern: pattern) }

        func matches(_ text: String) -> Bool {
            expression?.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
        }
    }
    var entries: [Entry] = []
    /// Each formula's answer once worked out: the book writes the same symbols over and over,
    /// and matching every pattern against each took a twelfth of the site's rendering.
    private let answers = Answers()

    /// The answers by squeezed TeX, shared by copies of this value (pages render from any thread).
    final class Answers: @unchecked Sendable {
        private let lock = NSLock()
        private var known: [String: String?] = [:]

        func answer(_ key: String, _ find: () -> String?) -> String? {
            if let known = lock.withLock({ known[key] }) { return known }
            let found = find()
            lock.withLock { known[key] = .some(found) }
            return found
        }
    }

    public init() {}

    /// The symbols defined in the notation page, parsed once (`ParsedChapter`): its tables.
    public init(chapter: ParsedChapter) {
        chapter.document.walk { node in
            guard case .table = node.kind else { return }
            for row in node.children {
                guard case .tableRow(let header) = row.kind, !header, row.children.count >= 2 else { continue }
                let definition = Self.firstSentence(row.children[1].readableText)
                for piece in Node.inlinePieces(row.children[0].children) {
                    guard case .math(let code) = piece else { continue }
                    let key = Self.squeezed(code.literal)
                    var symbol = key
                    // `A \odot B`: the operator between two capitals is what is defined.
                    if key.count > 2, key.first == "A", key.last == "B", key.dropFirst().dropLast().hasPrefix("\\") {
                        symbol = String(key.dropFirst().dropLast())
                    }
                    if !symbol.isEmpty { entries.append(Entry(pattern: Self.pattern(symbol), definition: definition)) }
                }
            }
        }
    }

    /// The tooltip for an inline formula whose TeX is `tex` ("for one example, …"), or nil.
    public func definition(ofTeX tex: String) -> String? {
        let key = Self.squeezed(tex)
        guard !key.isEmpty, key.count <= 40, !entries.isEmpty else { return nil }
        return answers.answer(key) { entries.first { $0.regex.matches(key) }?.definition }
    }

    /// Whether any symbol is defined.
    public var isEmpty: Bool { entries.isEmpty }

    /// TeX without spaces, so `W X` and `WX`, `\hat y` and `\hat{y}`… the first two agree.
    static func squeezed(_ tex: String) -> String {
        tex.filter { !$0.isWhitespace }
    }

    /// A whole-string regular expression for a symbol: `[\ell]` any layer, `(i)` any example,
    /// its subscript (if any) or none replaced by any subscript.
    static func pattern(_ symbol: String) -> String {
        var base = symbol
        // The symbol's own subscript, at its end, when it is an index (i, j, k, p, t: `w_{jk}`,
        // `\theta_p`) is replaced by "any subscript"; a named one (`n_x`) stays.
        if let underscore = base.lastIndex(of: "_") {
            let tail = base[base.index(after: underscore)...].filter { $0 != "{" && $0 != "}" }
            if !tail.isEmpty, tail.allSatisfy({ "ijkpt".contains($0) }) { base = String(base[..<underscore]) }
        }
        // Cut at the stand-ins first, then escape the pieces between them.
        let layers = base.components(separatedBy: "[\\ell]").map { piece in
            piece.components(separatedBy: "(i)").map(NSRegularExpression.escapedPattern).joined(separator: #"\([^)]+\)"#)
        }
        return "^" + layers.joined(separator: #"\[[^\]]+\]"#) + #"(_(\{[^{}]*\}|[A-Za-z0-9]))?$"#
    }

    /// Text up to the end of its first sentence, and at most about 150 characters (cut at a
    /// space, with "…").
    static func firstSentence(_ text: String) -> String {
        var text = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if let end = text.range(of: ". ") { text = String(text[..<end.lowerBound]) + "." }
        guard text.count > 150 else { return text }
        let cut = text.prefix(150)
        return (cut.lastIndex(of: " ").map { String(cut[..<$0]) } ?? String(cut)) + "…"
    }

    /// The symbols defined in `markdown`, a notation page (for tests).
    public init(markdown: String) {
        self.init(chapter: ChapterParser.parse(markdown, path: "notation.md"))
    }
}
