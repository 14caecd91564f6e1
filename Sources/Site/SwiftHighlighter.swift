/// Colours Swift source for the website at build time: no script, no CDN.
///
/// A small tokenizer, not a parser: it recognises comments (line, block, nested block),
/// string literals (single-line, multi-line, raw `#"…"#`), numbers, keywords, literal
/// keywords (`true`, `false`, `nil`), attributes (`@main`), compiler directives (`#if`) and
/// type names (identifiers that start with a capital letter). Everything else is plain text.
public enum SwiftHighlighter {
    /// What a piece of source is, named after the CSS class the theme styles it with.
    public enum Token: String, Sendable {
        case keyword = "kw"
        case literal = "lit"
        case number = "num"
        case string = "str"
        case comment = "com"
        case type = "ty"
        case attribute = "attr"
        case plain = ""
    }

    /// Swift's keywords; `true`, `false` and `nil` are literals instead.
    static let keywords: Set<String> = [
        "actor", "any", "as", "associatedtype", "async", "await", "break", "case", "catch",
        "class", "continue", "convenience", "default", "defer", "deinit", "didSet", "do",
        "dynamic", "else", "enum", "extension", "fallthrough", "fileprivate", "final", "for",
        "func", "get", "guard", "if", "import", "in", "indirect", "infix", "init", "inout",
        "internal", "is", "lazy", "let", "mutating", "nonisolated", "nonmutating", "open",
        "operator", "override", "postfix", "precedencegroup", "prefix", "private", "protocol",
        "public", "repeat", "required", "rethrows", "return", "self", "Self", "set", "some",
        "static", "struct", "subscript", "super", "switch", "throw", "throws", "try", "typealias",
        "unowned", "var", "weak", "where", "while", "willSet",
    ]
    static let literals: Set<String> = ["true", "false", "nil"]

    /// Splits `source` into tokens; joining their texts gives back `source` exactly.
    public static func tokens(_ source: String) -> [(token: Token, text: String)] {
        var scanner = Scanner(Array(source.unicodeScalars))
        var out: [(token: Token, text: String)] = []
        func add(_ token: Token, _ text: String) {
            if let last = out.last, last.token == token {
                out[out.count - 1].text += text
            } else {
                out.append((token, text))
            }
        }
        while let c = scanner.peek() {
            let start = scanner.index
            if c == "/" && scanner.peek(1) == "/" {
                scanner.skip(while: { $0 != "\n" })
                add(.comment, scanner.text(from: start))
            } else if c == "/" && scanner.peek(1) == "*" {
                scanner.blockComment()
                add(.comment, scanner.text(from: start))
            } else if c == "\"" || (c == "#" && scanner.rawStringAhead()) {
                scanner.stringLiteral()
                add(.string, scanner.text(from: start))
            } else if c.properties.numericType != nil && c.isASCII {
                scanner.number()
                add(.number, scanner.text(from: start))
            } else if c == "@" || c == "#" {
                scanner.advance()
                scanner.skip(while: isIdentifier)
                add(scanner.index - start > 1 ? (c == "@" ? .attribute : .keyword) : .plain, scanner.text(from: start))
            } else if isIdentifierStart(c) || c == "`" {
                if c == "`" { scanner.advance() }
                scanner.skip(while: isIdentifier)
                if c == "`", scanner.peek() == "`" { scanner.advance() }
                let word = scanner.text(from: start)
                add(kind(of: word), word)
            } else {
                scanner.advance()
                add(.plain, scanner.text(from: start))
            }
        }
        return out
    }

    /// The source as HTML: escaped text, coloured pieces wrapped in `<span class="…">`.
    public static func html(_ source: String) -> String {
        tokens(source).map { token, text in
            token == .plain ? escapeHTML(text) : "<span class=\"\(token.rawValue)\">\(escapeHTML(text))</span>"
        }.joined()
    }

    static func kind(of word: String) -> Token {
        if literals.contains(word) { return .literal }
        if keywords.contains(word) { return .keyword }
        if let first = word.unicodeScalars.first, first.properties.isUppercase { return .type }
        return .plain
    }

    static func isIdentifierStart(_ c: Unicode.Scalar) -> Bool {
        c == "_" || c.properties.isAlphabetic
    }

    static func isIdentifier(_ c: Unicode.Scalar) -> Bool {
        c == "_" || c.properties.isAlphabetic || (c.isASCII && c.properties.numericType != nil)
    }
}

/// A cursor over Unicode scalars with the few moves the highlighter needs.
private struct Scanner {
    let scalars: [Unicode.Scalar]
    var index = 0

    init(_ scalars: [Unicode.Scalar]) { self.scalars = scalars }

    func peek(_ offset: Int = 0) -> Unicode.Scalar? {
        index + offset < scalars.count ? scalars[index + offset] : nil
    }

    mutating func advance(_ count: Int = 1) { index = min(scalars.count, index + count) }

    mutating func skip(while matches: (Unicode.Scalar) -> Bool) {
        while let c = peek(), matches(c) { advance() }
    }

    func text(from start: Int) -> String {
        var s = String.UnicodeScalarView()
        s.append(contentsOf: scalars[start..<index])
        return String(s)
    }

    /// `/* … */`, nested as Swift allows; an unclosed comment runs to the end.
    mutating func blockComment() {
        var depth = 0
        while let c = peek() {
            if c == "/" && peek(1) == "*" {
                depth += 1; advance(2)
            } else if c == "*" && peek(1) == "/" {
                depth -= 1; advance(2)
                if depth == 0 { return }
            } else {
                advance()
            }
        }
    }

    /// Whether `#…#"` starts here: a raw string.
    func rawStringAhead() -> Bool {
        var offset = 0
        while peek(offset) == "#" { offset += 1 }
        return peek(offset) == "\""
    }

    /// A string literal: `"…"`, `"""…"""` or raw `#"…"#`, with backslash escapes; the
    /// contents of an interpolation stay part of the string.
    mutating func stringLiteral() {
        var hashes = 0
        while peek() == "#" { hashes += 1; advance() }
        let multiline = peek() == "\"" && peek(1) == "\"" && peek(2) == "\""
        advance(multiline ? 3 : 1)
        while let c = peek() {
            if c == "\\" {
                advance(2)
            } else if c == "\n" && !multiline {
                return
            } else if c == "\"" && (!multiline || (peek(1) == "\"" && peek(2) == "\"")) {
                advance(multiline ? 3 : 1)
                var closing = 0
                while closing < hashes, peek() == "#" { closing += 1; advance() }
                if closing == hashes { return }
            } else {
                advance()
            }
        }
    }

    /// A number: digits, `_`, a fraction, an exponent, hexadecimal and binary prefixes.
    mutating func number() {
        skip(while: { $0.isASCII && ($0.properties.isAlphabetic || $0.properties.numericType != nil || $0 == "_") })
        if peek() == ".", let next = peek(1), next.isASCII, next.properties.numericType != nil {
            advance()
            skip(while: { $0.isASCII && ($0.properties.numericType != nil || $0 == "_" || $0 == "e" || $0 == "E") })
            if let last = peek(-1), last == "e" || last == "E", peek() == "-" || peek() == "+" {
                advance()
                skip(while: { $0.isASCII && $0.properties.numericType != nil })
            }
        } else if let last = peek(-1), last == "e" || last == "E", peek() == "-" || peek() == "+" {
            advance()
            skip(while: { $0.isASCII && $0.properties.numericType != nil })
        }
    }
}
