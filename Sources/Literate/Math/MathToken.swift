/// One token of TeX math, with the byte offset of its first character in the math's text.
///
/// The lexer keeps what arithmetic needs and drops what only typesets: sizing commands
/// (`\left \right \big \Big ...`), thin spaces (`\, \; \! \:`) and `~`.
struct MathToken: Hashable, Sendable {
    enum Kind: Hashable, Sendable {
        /// Digits with an optional decimal point, e.g. `0.5866`; never signed.
        case number(String)
        /// A control word without its backslash, e.g. `frac`, `cdot`, `quad`.
        case command(String)
        /// A single letter, e.g. `x` or `e`.
        case letter(Character)
        /// Any other single character: `+ - ( ) { } ^ _ & , = < > | / * ! ' .` and so on.
        case symbol(Character)
        /// `\\`, the end of a row.
        case rowBreak
        /// `\{` or `\}` written as delimiters.
        case escapedBrace(Character)
    }

    var kind: Kind
    /// Byte offset in the math's text.
    var offset: Int

    func isSymbol(_ character: Character) -> Bool { kind == .symbol(character) }

    /// Bytes the token spans in the text.
    var length: Int {
        switch kind {
        case .number(let text): return text.utf8.count
        case .command(let name): return name.utf8.count + 1
        case .letter: return 1
        case .symbol(let c): return c == "-" ? 1 : String(c).utf8.count
        case .rowBreak, .escapedBrace: return 2
        }
    }
    func isCommand(_ name: String) -> Bool { kind == .command(name) }
}

/// Cuts TeX math into tokens.
enum MathLexer {
    /// Commands that only size a delimiter; the delimiter after them stays.
    static let sizing: Set<String> = [
        "left", "right", "middle", "big", "Big", "bigg", "Bigg", "bigl", "bigr", "Bigl", "Bigr",
        "biggl", "biggr", "Biggl", "Biggr", "displaystyle", "textstyle", "nonumber", "notag",
    ]

    static func tokens(_ text: String) -> [MathToken] {
        let bytes = Array(text.utf8)
        var tokens: [MathToken] = []
        var index = 0
        func isDigit(_ i: Int) -> Bool { i < bytes.count && bytes[i] >= 48 && bytes[i] <= 57 }
        func isLetter(_ i: Int) -> Bool {
            i < bytes.count && ((bytes[i] >= 65 && bytes[i] <= 90) || (bytes[i] >= 97 && bytes[i] <= 122))
        }
        while index < bytes.count {
            let byte = bytes[index]
            let start = index
            if byte == 32 || byte == 9 || byte == 10 || byte == 13 || byte == UInt8(ascii: "~") {
                index += 1
            } else if byte == UInt8(ascii: "%") {
                // A TeX comment runs to the end of the line.
                while index < bytes.count, bytes[index] != 10 { index += 1 }
            } else if isDigit(index) || (byte == UInt8(ascii: ".") && isDigit(index + 1)) {
                while isDigit(index) { index += 1 }
                if index < bytes.count, bytes[index] == UInt8(ascii: "."), isDigit(index + 1) {
                    index += 1
                    while isDigit(index) { index += 1 }
                }
                tokens.append(MathToken(kind: .number(String(decoding: bytes[start..<index], as: UTF8.self)), offset: start))
            } else if byte == UInt8(ascii: "\\") {
                index += 1
                if isLetter(index) {
                    while isLetter(index) { index += 1 }
                    let name = String(decoding: bytes[start + 1..<index], as: UTF8.self)
                    if sizing.contains(name) {
                        // `\left.` and `\right.` are invisible delimiters.
                        var next = index
                        while next < bytes.count, bytes[next] == 32 { next += 1 }
                        if name == "left" || name == "right", next < bytes.count, bytes[next] == UInt8(ascii: ".") { index = next + 1 }
                        continue
                    }
                    tokens.append(MathToken(kind: .command(name), offset: start))
                } else if index < bytes.count {
                    let next = bytes[index]
                    index += 1
                    switch next {
                    case UInt8(ascii: "\\"): tokens.append(MathToken(kind: .rowBreak, offset: start))
                    case UInt8(ascii: "{"), UInt8(ascii: "}"):
                        tokens.append(MathToken(kind: .escapedBrace(Character(Unicode.Scalar(next))), offset: start))
                    case UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "!"), UInt8(ascii: ":"), UInt8(ascii: " "):
                        break  // thin and negative spaces
                    default:
                        tokens.append(MathToken(kind: .command(String(Character(Unicode.Scalar(next)))), offset: start))
                    }
                }
            } else if isLetter(index) {
                tokens.append(MathToken(kind: .letter(Character(Unicode.Scalar(byte))), offset: start))
                index += 1
            } else if byte >= 128 {
                // A non-ASCII character: keep it whole; U+2212 is a minus sign.
                var end = index + 1
                while end < bytes.count, bytes[end] & 0xC0 == 0x80 { end += 1 }
                let scalar = String(decoding: bytes[index..<end], as: UTF8.self)
                let character = scalar == "\u{2212}" ? "-" : (scalar.first ?? "?")
                tokens.append(MathToken(kind: .symbol(character), offset: start))
                index = end
            } else {
                tokens.append(MathToken(kind: .symbol(Character(Unicode.Scalar(byte))), offset: start))
                index += 1
            }
        }
        return tokens
    }
}
