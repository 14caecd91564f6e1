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
        let bytes = Array(source.utf8)
        return spans(bytes).map { ($0.token, String(decoding: bytes[$0.range], as: UTF8.self)) }
    }

    /// The source as HTML: escaped text, coloured pieces wrapped in `<span class="…">`, and
    /// each line in a `<span class="line">` (the newline inside it), so a line too long for
    /// the page wraps with its continuation indented. A final newline makes no empty line.
    /// Lines whose 0-based index is in `folded` are marked `<span class="line folded">`.
    public static func html(_ source: String, folded: Set<Int> = []) -> String {
        let bytes = Array(source.utf8)
        return lineHTML(bytes, spans: spans(bytes), folded: folded)
    }

    /// A piece of the source wrapped in HTML of its own (a name linked to the reference): the
    /// bytes `range` (within one line) between `open` and `close`.
    public struct Wrap: Sendable {
        public var range: Range<Int>
        public var open: String
        public var close: String

        public init(range: Range<Int>, open: String, close: String) {
            self.range = range
            self.open = open
            self.close = close
        }
    }

    /// `html(source, folded:)` with `wraps` (sorted, not overlapping, none across a line's end)
    /// around their bytes: the tokens are cut at their edges, so each wrap holds whole
    /// coloured pieces. A line whose 0-based index is in `lineIDs` carries that `id`.
    public static func html(_ source: String, folded: Set<Int> = [], wraps: [Wrap], lineIDs: [Int: String] = [:]) -> String {
        let bytes = Array(source.utf8)
        guard !wraps.isEmpty else { return lineHTML(bytes, spans: spans(bytes), folded: folded, lineIDs: lineIDs) }
        let cuts = Set(wraps.flatMap { [$0.range.lowerBound, $0.range.upperBound] })
        var pieces: [(token: Token, range: Range<Int>)] = []
        for span in spans(bytes) {
            var start = span.range.lowerBound
            for cut in cuts.sorted() where cut > span.range.lowerBound && cut < span.range.upperBound {
                pieces.append((span.token, start..<cut))
                start = cut
            }
            pieces.append((span.token, start..<span.range.upperBound))
        }
        return lineHTML(bytes, spans: pieces, folded: folded, wraps: wraps, lineIDs: lineIDs)
    }

    /// Plain text (an output block) as escaped HTML in line spans, like `html`.
    public static func plainHTML(_ text: String) -> String {
        let bytes = Array(text.utf8)
        return lineHTML(bytes, spans: [(.plain, 0..<bytes.count)])
    }

    static func lineHTML(_ bytes: [UInt8], spans: [(token: Token, range: Range<Int>)], folded: Set<Int> = [], wraps: [Wrap] = [],
                         lineIDs: [Int: String] = [:]) -> String {
        var opens: [Int: [UInt8]] = [:], closes: [Int: [UInt8]] = [:]
        for wrap in wraps {
            opens[wrap.range.lowerBound] = Array(wrap.open.utf8)
            closes[wrap.range.upperBound] = Array(wrap.close.utf8)
        }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count * 2 + 64)
        let end = bytes.last == UInt8(ascii: "\n") ? bytes.count - 1 : bytes.count
        let plainOpen = Array("<span class=\"line\">".utf8), close = Array("</span>".utf8)
        let foldedOpen = Array("<span class=\"line folded\">".utf8)
        var lineNumber = 0
        var open: [UInt8] {
            guard let id = lineIDs[lineNumber] else { return folded.contains(lineNumber) ? foldedOpen : plainOpen }
            return Array("<span class=\"line\(folded.contains(lineNumber) ? " folded" : "")\" id=\"\(escapeHTML(id))\">".utf8)
        }
        out.append(contentsOf: open)
        for span in spans {
            let range = span.range.clamped(to: 0..<end)
            guard !range.isEmpty else { continue }
            let tag = span.token == .plain ? [] : Array("<span class=\"\(span.token.rawValue)\">".utf8)
            if let open = opens[range.lowerBound] { out.append(contentsOf: open) }
            out.append(contentsOf: tag)
            var start = range.lowerBound
            for index in range where bytes[index] == UInt8(ascii: "\n") {
                appendEscaped(bytes[start..<index], to: &out)
                if !tag.isEmpty { out.append(contentsOf: close) }
                out.append(UInt8(ascii: "\n"))
                out.append(contentsOf: close)
                lineNumber += 1
                out.append(contentsOf: open)
                out.append(contentsOf: tag)
                start = index + 1
            }
            appendEscaped(bytes[start..<range.upperBound], to: &out)
            if !tag.isEmpty { out.append(contentsOf: close) }
            if let wrapClose = closes[range.upperBound] { out.append(contentsOf: wrapClose) }
        }
        out.append(UInt8(ascii: "\n"))
        out.append(contentsOf: close)
        return String(decoding: out, as: UTF8.self)
    }

    /// The tokens of `bytes` as ranges, neighbours of the same kind merged.
    ///
    /// Works on UTF-8 bytes: every byte of a non-ASCII character counts as part of an
    /// identifier, so tokens always start and end at ASCII bytes.
    static func spans(_ bytes: [UInt8]) -> [(token: Token, range: Range<Int>)] {
        var scanner = Scanner(bytes)
        var out: [(token: Token, range: Range<Int>)] = []
        func add(_ token: Token, _ start: Int) {
            if let last = out.last, last.token == token {
                out[out.count - 1].range = last.range.lowerBound..<scanner.index
            } else {
                out.append((token, start..<scanner.index))
            }
        }
        while let c = scanner.peek() {
            let start = scanner.index
            if c == ascii("/") && scanner.peek(1) == ascii("/") {
                scanner.skip(while: { $0 != ascii("\n") })
                add(.comment, start)
            } else if c == ascii("/") && scanner.peek(1) == ascii("*") {
                scanner.blockComment()
                add(.comment, start)
            } else if c == ascii("\"") || (c == ascii("#") && scanner.rawStringAhead()) {
                scanner.stringLiteral()
                add(.string, start)
            } else if isDigit(c) {
                scanner.number()
                add(.number, start)
            } else if c == ascii("@") || c == ascii("#") {
                scanner.advance()
                scanner.skip(while: isIdentifier)
                add(scanner.index - start > 1 ? (c == ascii("@") ? .attribute : .keyword) : .plain, start)
            } else if isIdentifier(c) || c == ascii("`") {
                if c == ascii("`") { scanner.advance() }
                scanner.skip(while: isIdentifier)
                if c == ascii("`"), scanner.peek() == ascii("`") { scanner.advance() }
                add(kind(of: scanner.text(from: start)), start)
            } else {
                scanner.advance()
                add(.plain, start)
            }
        }
        return out
    }

    static func kind(of word: String) -> Token {
        if literals.contains(word) { return .literal }
        if keywords.contains(word) { return .keyword }
        if let first = word.utf8.first, first >= ascii("A"), first <= ascii("Z") { return .type }
        return .plain
    }

    static func isDigit(_ c: UInt8) -> Bool { c >= ascii("0") && c <= ascii("9") }

    /// Letters, digits, `_`, and every byte of a non-ASCII character.
    static func isIdentifier(_ c: UInt8) -> Bool {
        isDigit(c) || c == ascii("_") || (c | 0x20 >= ascii("a") && c | 0x20 <= ascii("z")) || c >= 0x80
    }
}

@inline(__always) private func ascii(_ scalar: Unicode.Scalar) -> UInt8 { UInt8(ascii: scalar) }

/// A cursor over UTF-8 bytes with the few moves the highlighter needs.
private struct Scanner {
    let bytes: [UInt8]
    var index = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    func peek(_ offset: Int = 0) -> UInt8? {
        let at = index + offset
        return at >= 0 && at < bytes.count ? bytes[at] : nil
    }

    mutating func advance(_ count: Int = 1) { index = min(bytes.count, index + count) }

    mutating func skip(while matches: (UInt8) -> Bool) {
        while let c = peek(), matches(c) { advance() }
    }

    func text(from start: Int) -> String {
        String(decoding: bytes[start..<index], as: UTF8.self)
    }

    /// `/* … */`, nested as Swift allows; an unclosed comment runs to the end.
    mutating func blockComment() {
        var depth = 0
        while let c = peek() {
            if c == ascii("/") && peek(1) == ascii("*") {
                depth += 1; advance(2)
            } else if c == ascii("*") && peek(1) == ascii("/") {
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
        while peek(offset) == ascii("#") { offset += 1 }
        return peek(offset) == ascii("\"")
    }

    /// A string literal: `"…"`, `"""…"""` or raw `#"…"#`, with backslash escapes; the
    /// contents of an interpolation stay part of the string.
    mutating func stringLiteral() {
        var hashes = 0
        while peek() == ascii("#") { hashes += 1; advance() }
        let quote = ascii("\"")
        let multiline = peek() == quote && peek(1) == quote && peek(2) == quote
        advance(multiline ? 3 : 1)
        while let c = peek() {
            if c == ascii("\\") {
                advance(2)
            } else if c == ascii("\n") && !multiline {
                return
            } else if c == quote && (!multiline || (peek(1) == quote && peek(2) == quote)) {
                advance(multiline ? 3 : 1)
                var closing = 0
                while closing < hashes, peek() == ascii("#") { closing += 1; advance() }
                if closing == hashes { return }
            } else {
                advance()
            }
        }
    }

    /// A number: digits, `_`, a fraction, an exponent, hexadecimal and binary prefixes.
    mutating func number() {
        let isDigit = SwiftHighlighter.isDigit
        skip(while: { isDigit($0) || $0 == ascii("_") || ($0 | 0x20 >= ascii("a") && $0 | 0x20 <= ascii("z")) })
        if peek() == ascii("."), let next = peek(1), isDigit(next) {
            advance()
            skip(while: { isDigit($0) || $0 == ascii("_") || $0 == ascii("e") || $0 == ascii("E") })
        }
        if let last = peek(-1), last == ascii("e") || last == ascii("E"), peek() == ascii("-") || peek() == ascii("+") {
            advance()
            skip(while: isDigit)
        }
    }
}
