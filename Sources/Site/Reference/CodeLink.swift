import Literate

/// A name in a chapter's shown code that the compiler resolved to a symbol of the reference:
/// on the page it links to the symbol's entry and shows its declaration and first sentence
/// on hover and keyboard focus (the chips' tooltip, `aria-describedby`).
public struct CodeLink: Hashable, Sendable {
    /// One-based UTF-8 column of the name in its code line.
    public var column: Int
    /// The entry on the reference pages: `reference-Learning-Matrix.html#transposed`.
    public var href: String
    /// The declaration and the first sentence of the doc comment.
    public var declaration: String
    public var summary: String

    public init(column: Int, href: String, declaration: String, summary: String) {
        self.column = column
        self.href = href
        self.declaration = declaration
        self.summary = summary
    }

    /// The links of a chapter's names (`CodeReferences`), by line: only names whose symbol has
    /// an entry in `index`; at a place with two (a type and its initializer, for
    /// `Network(sizes:…)`) the initializer, which says what the arguments are.
    public static func links(_ references: CodeReferences, index: ReferenceIndex) -> [Int: [CodeLink]] {
        var byPlace: [Int: [Int: ReferenceIndex.Entry]] = [:]
        for name in references.names {
            guard let entry = index.entries[name.usr] else { continue }
            if let other = byPlace[name.line]?[name.column], other.kind == "Initializer" || entry.kind != "Initializer" { continue }
            byPlace[name.line, default: [:]][name.column] = entry
        }
        return byPlace.mapValues { columns in
            columns.keys.sorted().map { column in
                let entry = columns[column]!
                return CodeLink(column: column, href: entry.href, declaration: entry.declaration, summary: entry.summary)
            }
        }
    }

    /// The length in bytes of the name starting at byte `start` of `line`: an identifier
    /// (letters, digits, `_`, any non-ASCII byte; in backticks when quoted) or an operator.
    static func nameLength(_ line: ArraySlice<UInt8>, from start: Int) -> Int {
        guard start < line.endIndex else { return 0 }
        func isIdentifier(_ byte: UInt8) -> Bool {
            byte >= 0x80 || byte == UInt8(ascii: "_") || (byte | 0x20 >= UInt8(ascii: "a") && byte | 0x20 <= UInt8(ascii: "z"))
                || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
        }
        let operators = Set("/=-+!*%<>&|^~?.".utf8)
        var end = start
        if line[start] == UInt8(ascii: "`") {
            end += 1
            while end < line.endIndex, line[end] != UInt8(ascii: "`"), line[end] != UInt8(ascii: "\n") { end += 1 }
            return end < line.endIndex && line[end] == UInt8(ascii: "`") ? end + 1 - start : 0
        }
        let test: (UInt8) -> Bool = isIdentifier(line[start]) ? isIdentifier : { operators.contains($0) }
        while end < line.endIndex, test(line[end]) { end += 1 }
        return end - start
    }
}
