/// Punctuation that stays on the line of the inline formula it touches.
///
/// A browser may break a line between a formula (KaTeX's boxes are inline blocks) and the
/// comma after it, so a phone showed `λ = 0` at the end of a line and `, no decay` at the
/// start of the next. The page ties them: the formula and the punctuation written right
/// against it go in one `<span class="math-tie">`, which the style sheet keeps from breaking
/// at its edges (`white-space: nowrap`) while the formula inside still breaks where KaTeX
/// lets it. The span has no role: screen readers read the formula and the comma as before.
enum MathTie {
    /// What may follow a formula on its line: `, . ; : ! ?`, closing brackets and quotes.
    static let closing: Set<Character> = [",", ".", ";", ":", "!", "?", ")", "]", "}", "\u{2019}", "\u{201D}", "\u{2026}"]
    /// What may come right before a formula on its line: opening brackets and quotes.
    static let opening: Set<Character> = ["(", "[", "{", "\u{2018}", "\u{201C}"]

    /// How many characters at the start of `text` follow a formula without a break: `),` of
    /// `), then` is 2; ` and` is 0.
    static func closingCount(_ text: String) -> Int {
        text.prefix { closing.contains($0) }.count
    }

    /// How many characters at the end of `text` lead into a formula without a break: the `(`
    /// of `at (`; none in `at `.
    static func openingCount(_ text: String) -> Int {
        text.reversed().prefix { opening.contains($0) }.count
    }

    /// `formula`, with the punctuation before and after it (already escaped HTML), in one
    /// tie; the formula alone when there is none.
    static func tie(_ before: String, _ formula: String, _ after: String) -> String {
        before.isEmpty && after.isEmpty ? formula : "<span class=\"math-tie\">" + before + formula + after + "</span>"
    }
}
