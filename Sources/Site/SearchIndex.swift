/// A part of a page between two headings, as plain text: what the search looks through.
public struct SearchSection: Hashable, Sendable {
    /// The heading's anchor; empty for the text before the first heading.
    public var id: String
    public var heading: String
    public var text: String
}

/// The search index of the whole site, written as a script (`search-index.js`) that assigns
/// a global variable, because a page opened from `file://` may not fetch a JSON file.
///
/// Shape: `window.bookSearchIndex = [{"page": …, "title": …, "id": …, "heading": …,
/// "text": …}, …]`, one entry per section, in reading order.
public enum SearchIndex {
    /// The script for `pages`: (HTML file name, page title, sections), in reading order.
    public static func script(_ pages: [(file: String, title: String, sections: [SearchSection])]) -> String {
        var entries: [String] = []
        for page in pages {
            for section in page.sections where !(section.heading.isEmpty && section.text.isEmpty) {
                let fields = [
                    ("page", page.file), ("title", page.title), ("id", section.id),
                    ("heading", section.heading), ("text", collapseSpaces(section.text)),
                ]
                entries.append("{" + fields.map { "\(json($0.0)):\(json($0.1))" }.joined(separator: ",") + "}")
            }
        }
        return "window.bookSearchIndex = [\n" + entries.joined(separator: ",\n") + "\n];\n"
    }

    /// A JSON string literal, also safe inside a `<script>` file: `<`, `>` and `&` escaped.
    static func json(_ text: String) -> String {
        var out: [UInt8] = [UInt8(ascii: "\"")]
        out.reserveCapacity(text.utf8.count + 8)
        var bytes = text.utf8.makeIterator()
        while let byte = bytes.next() {
            switch byte {
            case UInt8(ascii: "\""): out.append(contentsOf: #"\""#.utf8)
            case UInt8(ascii: "\\"): out.append(contentsOf: #"\\"#.utf8)
            case UInt8(ascii: "\n"): out.append(contentsOf: #"\n"#.utf8)
            case UInt8(ascii: "\t"): out.append(contentsOf: #"\t"#.utf8)
            case UInt8(ascii: "<"): out.append(contentsOf: #"\u003c"#.utf8)
            case UInt8(ascii: ">"): out.append(contentsOf: #"\u003e"#.utf8)
            case UInt8(ascii: "&"): out.append(contentsOf: #"\u0026"#.utf8)
            case 0xE2:
                // U+2028 and U+2029 (E2 80 A8/A9) end a line in older JavaScript.
                let second = bytes.next(), third = bytes.next()
                if second == 0x80, let third, third == 0xA8 || third == 0xA9 {
                    out.append(contentsOf: (third == 0xA8 ? #"\u2028"# : #"\u2029"#).utf8)
                } else {
                    out.append(byte)
                    if let second { out.append(second) }
                    if let third { out.append(third) }
                }
            case 0..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                out.append(contentsOf: #"\u00"#.utf8)
                out.append(hex[Int(byte >> 4)])
                out.append(hex[Int(byte & 0xF)])
            default:
                out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
        return String(decoding: out, as: UTF8.self)
    }

    /// Runs of spaces, tabs and newlines made one space; none at the ends.
    static func collapseSpaces(_ text: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for byte in text.utf8 {
            if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\t") {
                pendingSpace = !out.isEmpty
            } else {
                if pendingSpace { out.append(UInt8(ascii: " ")) }
                pendingSpace = false
                out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
