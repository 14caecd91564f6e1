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
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "<": out += "\\u003c"
            case ">": out += "\\u003e"
            case "&": out += "\\u0026"
            case "\u{2028}": out += "\\u2028"
            case "\u{2029}": out += "\\u2029"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    static func collapseSpaces(_ text: String) -> String {
        text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }).joined(separator: " ")
    }
}
