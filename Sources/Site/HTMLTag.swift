/// A piece of raw HTML as the sanitiser reads it: text, a start or end tag with its
/// attributes, a comment, or anything else that starts with `<!` or `<?`.
///
/// The reading follows the HTML tokenizer where it matters for safety: names are kept as
/// written (SVG's `viewBox` and `clipPath` need their case) and compared lowercased, an
/// attribute's value may be quoted with `"` or `'` or unquoted, and a `<` that does not start
/// a well-formed tag is text (escaped on output, so it cannot become one). It reads UTF-8
/// bytes: every character that matters is ASCII, and figures run to megabytes.
enum HTMLPiece: Equatable {
    /// Text: a range of the input's bytes.
    case text(Range<Int>)
    case startTag(name: String, attributes: [HTMLAttribute], selfClosing: Bool)
    case endTag(name: String)
    case comment
    /// `<!DOCTYPE ...>`, `<?xml ...?>`, `<![CDATA[...]]>`: the range of the input's bytes.
    case other(Range<Int>)
}

/// One attribute: its name as written, lowercased for comparison, and its raw value (nil
/// when it has none).
struct HTMLAttribute: Equatable {
    var written: String
    var value: String?
    var name: String

    init(written: String, value: String?) {
        self.written = written
        self.value = value
        name = written.lowercased()
    }
}

/// Cuts raw HTML into pieces; `offset` is where the next one starts.
struct HTMLPieces: Sequence, IteratorProtocol {
    let bytes: [UInt8]
    /// The byte offset in the input where the next piece starts.
    private(set) var offset = 0

    init(_ text: String) {
        bytes = Array(text.utf8)
    }

    mutating func next() -> HTMLPiece? {
        guard offset < bytes.count else { return nil }
        if bytes[offset] == UInt8(ascii: "<"), let (piece, end) = tag(at: offset) {
            offset = end
            return piece
        }
        var end = offset + 1
        while end < bytes.count, bytes[end] != UInt8(ascii: "<") { end += 1 }
        defer { offset = end }
        return .text(offset..<end)
    }

    /// The text of a range of the input.
    func string(_ range: Range<Int>) -> String { String(decoding: bytes[range], as: UTF8.self) }

    private func tag(at start: Int) -> (HTMLPiece, Int)? {
        var cursor = start + 1
        if has("!--", at: cursor) {
            guard let close = find("-->", from: cursor + 3) else { return (.comment, bytes.count) }
            return (.comment, close + 3)
        }
        if cursor < bytes.count, bytes[cursor] == UInt8(ascii: "!") || bytes[cursor] == UInt8(ascii: "?") {
            let close = find(">", from: cursor).map { $0 + 1 } ?? bytes.count
            return (.other(start..<close), close)
        }
        let closing = cursor < bytes.count && bytes[cursor] == UInt8(ascii: "/")
        if closing { cursor += 1 }
        guard cursor < bytes.count, Self.isLetter(bytes[cursor]) else { return nil }
        let nameStart = cursor
        while cursor < bytes.count, !Self.endsName(bytes[cursor]) { cursor += 1 }
        let name = string(nameStart..<cursor)
        var attributes: [HTMLAttribute] = []
        var selfClosing = false
        while true {
            while cursor < bytes.count, Self.isSpace(bytes[cursor]) { cursor += 1 }
            guard cursor < bytes.count else { return nil }
            if bytes[cursor] == UInt8(ascii: ">") { break }
            if bytes[cursor] == UInt8(ascii: "/") {
                selfClosing = true
                cursor += 1
                continue
            }
            selfClosing = false
            let attributeStart = cursor
            while cursor < bytes.count, !Self.endsName(bytes[cursor]), bytes[cursor] != UInt8(ascii: "=") { cursor += 1 }
            if cursor == attributeStart { cursor += 1 }  // a stray quote or `=`
            var attribute = HTMLAttribute(written: string(attributeStart..<cursor), value: nil)
            while cursor < bytes.count, Self.isSpace(bytes[cursor]) { cursor += 1 }
            if cursor < bytes.count, bytes[cursor] == UInt8(ascii: "=") {
                cursor += 1
                while cursor < bytes.count, Self.isSpace(bytes[cursor]) { cursor += 1 }
                guard cursor < bytes.count else { return nil }
                if bytes[cursor] == UInt8(ascii: "\"") || bytes[cursor] == UInt8(ascii: "'") {
                    guard let valueEnd = bytes[(cursor + 1)...].firstIndex(of: bytes[cursor]) else { return nil }
                    attribute.value = string((cursor + 1)..<valueEnd)
                    cursor = valueEnd + 1
                } else {
                    let valueStart = cursor
                    while cursor < bytes.count, !Self.isSpace(bytes[cursor]), bytes[cursor] != UInt8(ascii: ">") { cursor += 1 }
                    attribute.value = string(valueStart..<cursor)
                }
            }
            if !attribute.written.isEmpty { attributes.append(attribute) }
        }
        let piece: HTMLPiece = closing ? .endTag(name: name) : .startTag(name: name, attributes: attributes, selfClosing: selfClosing)
        return (piece, cursor + 1)
    }

    private func has(_ literal: StaticString, at index: Int) -> Bool {
        let count = literal.utf8CodeUnitCount
        guard index + count <= bytes.count else { return false }
        return (0..<count).allSatisfy { bytes[index + $0] == literal.utf8Start[$0] }
    }

    private func find(_ literal: StaticString, from index: Int) -> Int? {
        var at = index
        while at + literal.utf8CodeUnitCount <= bytes.count {
            if has(literal, at: at) { return at }
            at += 1
        }
        return nil
    }

    static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0C || byte == 0x0D }
    static func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z") }

    private static func endsName(_ byte: UInt8) -> Bool {
        isSpace(byte) || byte == UInt8(ascii: "/") || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'")
    }
}
