/// Punctuation that stays on the line of the inline formula it touches.
///
/// A browser may break a line between a formula (KaTeX's boxes are inline blocks) and the
/// comma after it, so a phone showed `λ = 0` at the end of a line and `, no decay` at the
/// start of the next. `white-space: nowrap` on a span around both does not stop it (Chromium
/// 156 takes the break after an inline block from the box inside the formula, measured at
/// 390 px in chapters 6 and 10); a WORD JOINER (U+2060, Unicode's "no break here either
/// side") between the formula and the punctuation does, and leaves every break inside the
/// formula where KaTeX put it. It is invisible, and screen readers skip it, as they skip
/// every format character.
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

    /// No break here: U+2060 WORD JOINER.
    static let joiner = "\u{2060}"

    /// `formula` joined to the punctuation before and after it (already escaped HTML).
    static func tie(_ before: String, _ formula: String, _ after: String) -> String {
        (before.isEmpty ? "" : before + joiner) + formula + (after.isEmpty ? "" : joiner + after)
    }
}
