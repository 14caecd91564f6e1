/// Punctuation that stays on the line of the inline formula it touches.
///
/// A browser may break a line between a formula (KaTeX's boxes are inline blocks) and the
/// comma after it, so a phone showed `λ = 0` at the end of a line and `, no decay` at the
/// start of the next. The page writes the formula and the punctuation against it in one
/// `<span class="math-tie">`, an inline block (style.css): it moves to the next line whole,
/// and a formula wider than the line still breaks inside it where KaTeX lets it. Measured in
/// Chromium 156 at 390 px over chapters 6, 8, 10 and 11, which had 12 such breaks: a WORD
/// JOINER (U+2060) or `white-space: nowrap` on a span around both left every one of them
/// (the break after an inline block follows the box inside the formula), nowrap on KaTeX's
/// HTML made pages up to 833 px wide; the inline block left none and widened nothing. The
/// span has no role: screen readers read the formula and the comma as before.
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

    /// `formula` with the punctuation before and after it (already escaped HTML) in one
    /// tie; the formula alone when there is none.
    static func tie(_ before: String, _ formula: String, _ after: String) -> String {
        before.isEmpty && after.isEmpty ? formula : "<span class=\"math-tie\">" + before + formula + after + "</span>"
    }
}
