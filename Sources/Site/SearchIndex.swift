import Markdown

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
/// Shape: `window.bookSearchIndex = {"docs": [{"page": …, "title": …, "id": …, "heading": …,
/// "text": …}, …], "index": <lunr's serialised index, or null>}`, one document per section,
/// in reading order; lunr's ref for a document is its place in `docs`. `index` is null when
/// the build had no lunr (`LunrIndex`), and the search then says it is off.
public enum SearchIndex {
    /// The documents for `pages`: (HTML file name, page title, topic, sections), in reading
    /// order; sections with neither a heading nor text are left out.
    public static func documents(_ pages: [(file: String, title: String, topic: String, sections: [SearchSection])]) -> [SearchDocument] {
        var documents: [SearchDocument] = []
        for page in pages {
            for section in page.sections where !(section.heading.isEmpty && section.text.isEmpty) {
                documents.append(SearchDocument(page: page.file, title: page.title, id: section.id, heading: section.heading,
                                                text: collapseSpaces(section.text), topic: collapseSpaces(page.topic),
                                                boost: page.file.hasPrefix(ReferencePages.sitePrefix) ? ReferencePages.searchBoost : 1))
            }
        }
        return documents
    }

    /// The script holding `documents` (without their topics, which only the index needs) and
    /// lunr's serialised `index` (JSON), or null.
    public static func script(_ documents: [SearchDocument], index: String?) -> String {
        let entries = documents.map { document in
            let fields = [("page", document.page), ("title", document.title), ("id", document.id),
                          ("heading", document.heading), ("text", document.text)]
            return "{" + fields.map { "\(json($0.0)):\(json($0.1))" }.joined(separator: ",") + "}"
        }
        // lunr's JSON is node's JSON.stringify: it may hold `<` in a term, so it is escaped as
        // strings are, which leaves the JSON's meaning alone.
        let lunr = index.map(escapeForScript) ?? "null"
        return "window.bookSearchIndex = {\"docs\":[\n" + entries.joined(separator: ",\n") + "\n],\n\"index\":" + lunr + "};\n"
    }

    /// JSON text made safe inside a script file: `<`, `>` and `&` as `\u` escapes (they can
    /// only occur inside strings in JSON), U+2028 and U+2029 too.
    static func escapeForScript(_ json: String) -> String {
        // On the UTF-8 bytes (scalar by scalar it was a twentieth of the site's rendering):
        // U+2028 and U+2029 are E2 80 A8 and E2 80 A9, and no other scalar's bytes contain them.
        let bytes = Array(json.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + bytes.count / 16)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "<"): out += Array("\\u003c".utf8)
            case UInt8(ascii: ">"): out += Array("\\u003e".utf8)
            case UInt8(ascii: "&"): out += Array("\\u0026".utf8)
            case 0xE2 where index + 2 < bytes.count && bytes[index + 1] == 0x80 && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9):
                out += Array((bytes[index + 2] == 0xA8 ? "\\u2028" : "\\u2029").utf8)
                index += 2
            default: out.append(byte)
            }
            index += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The introduction's line for each chapter, by file name: every list item of its parsed
    /// `document` that links to a page, as plain text ("Gradient descent: the update rule, …").
    public static func topics(introduction document: Node) -> [String: String] {
        var topics: [String: String] = [:]
        document.walk { node in
            guard case .item = node.kind else { return }
            var target: String?
            node.walk { inner in
                if target == nil, case .link(let destination, _) = inner.kind, destination.hasSuffix(".md"), !destination.contains("/") {
                    target = destination
                }
            }
            if let target, topics[target] == nil { topics[target] = collapseSpaces(node.readableText) }
        }
        return topics
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
