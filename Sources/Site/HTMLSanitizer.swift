import Literate
import Markdown

/// Keeps a chapter's raw HTML to what authors legitimately use, so no script reaches a page.
///
/// Rules:
/// - elements: only those in `allowed` (`details`, `summary`, `kbd`, `sup`, `sub`, `br`, ...),
///   each with the global attributes (`id`, `class`, `title`, `lang`, `dir`) and its own few;
///   any other tag is dropped, and for `script`, `style`, `iframe`, `svg` and the like their
///   content too;
/// - attributes: event handlers (`on...`), `style` and anything not allowed are dropped;
/// - URLs (`href`, `src`, `cite`, Markdown links, autolinks and images): only `http`, `https`,
///   `mailto` and relative ones, plus `data:image/png|gif|jpeg|webp` for images (after the
///   entity decoding and whitespace stripping a browser does);
/// - an end tag that closes nothing open is dropped; what is still open at the end of the
///   page is closed there (`closeAll`), so raw HTML cannot unbalance the page around it;
/// - comments are dropped silently (they show nothing).
/// `audit` finds the same drops with their Markdown positions, as warnings.
public struct HTMLSanitizer: Sendable {
    /// Allowed elements and the attributes each may carry beyond the global ones.
    static let allowed: [String: Set<String>] = {
        var table: [String: Set<String>] = [:]
        for name in ["details": "open", "a": "href name", "img": "src alt width height", "ol": "start reversed type",
                     "td": "colspan rowspan align", "th": "colspan rowspan align scope", "q": "cite", "blockquote": "cite",
                     "del": "cite datetime", "ins": "cite datetime", "time": "datetime", "abbr": "", "col": "span", "colgroup": "span"] {
            table[name.key] = Set(name.value.split(separator: " ").map(String.init))
        }
        for name in ["summary", "kbd", "sup", "sub", "br", "wbr", "b", "i", "em", "strong", "code", "var", "samp", "mark", "small",
                     "s", "u", "cite", "dfn", "span", "div", "p", "ul", "li", "dl", "dt", "dd", "table", "thead", "tbody",
                     "tfoot", "tr", "caption", "hr", "figure", "figcaption", "pre", "h1", "h2", "h3", "h4", "h5", "h6", "center"] {
            table[name] = []
        }
        return table
    }()
    static let globalAttributes: Set<String> = ["id", "class", "title", "lang", "dir"]
    /// Elements dropped with everything inside them.
    static let dropsContent: Set<String> = ["script", "style", "iframe", "object", "embed", "applet", "noscript", "noembed",
                                            "noframes", "template", "textarea", "select", "title", "xmp", "plaintext", "svg", "math", "frameset"]
    static let voidElements: Set<String> = ["br", "wbr", "hr", "img", "col"]

    /// Something dropped from a fragment: where it started (a byte offset) and why.
    public struct Drop: Hashable, Sendable {
        public var offset: Int
        public var message: String
    }

    /// The allowed elements open so far on the page, innermost last.
    private var open: [String] = []
    /// Drops since the last `takeDrops()`.
    private var drops: [Drop] = []

    public init() {}

    /// `html` with every disallowed element, attribute and URL removed.
    public mutating func clean(_ html: String) -> String {
        var out = ""
        var pieces = HTMLPieces(html)
        var skipping: String?
        while true {
            let offset = pieces.offset
            guard let piece = pieces.next() else { break }
            if let element = skipping {
                if case .endTag(let name) = piece, name.lowercased() == element { skipping = nil }
                continue
            }
            switch piece {
            case .text(let range):
                out += pieces.string(range).replacingOccurrences(of: "<", with: "&lt;")
            case .comment:
                break
            case .other(let range):
                drops.append(Drop(offset: offset, message: "dropped raw HTML \(pieces.string(range).prefix(20)): not allowed on the site"))
            case .endTag(let written):
                let name = written.lowercased()
                guard let depth = open.lastIndex(of: name) else {
                    if Self.allowed[name] != nil && !Self.voidElements.contains(name) {
                        drops.append(Drop(offset: offset, message: "dropped </\(name)>: it closes no open <\(name)>"))
                    }
                    continue
                }
                for inner in open[depth...].reversed() { out += "</\(inner)>" }
                open.removeSubrange(depth...)
            case .startTag(let written, let attributes, let selfClosing):
                let name = written.lowercased()
                guard let own = Self.allowed[name] else {
                    let what = Self.dropsContent.contains(name) ? "<\(name)> and its content" : "<\(name)>"
                    drops.append(Drop(offset: offset, message: "dropped \(what): not on the site's allow-list (details, summary, kbd, sup, sub, br, ...)"))
                    if Self.dropsContent.contains(name) && !selfClosing { skipping = name }
                    continue
                }
                out += "<" + name
                for attribute in attributes {
                    if let problem = Self.problem(with: attribute, in: name, allowed: own) {
                        drops.append(Drop(offset: offset, message: problem))
                        continue
                    }
                    out += " " + attribute.name
                    if let value = attribute.value { out += "=\"" + Self.escapeAttribute(value) + "\"" }
                }
                out += ">"
                if !selfClosing && !Self.voidElements.contains(name) { open.append(name) }
            }
        }
        return out
    }

    /// End tags for every allowed element still open, innermost first.
    public mutating func closeAll() -> String {
        defer { open = [] }
        return open.reversed().map { "</\($0)>" }.joined()
    }

    /// The drops found since the last call.
    public mutating func takeDrops() -> [Drop] {
        defer { drops = [] }
        return drops
    }

    private static func problem(with attribute: HTMLAttribute, in element: String, allowed own: Set<String>) -> String? {
        if attribute.name.hasPrefix("on") {
            return "dropped \(attribute.name)= from <\(element)>: event attributes never reach the site"
        }
        guard globalAttributes.contains(attribute.name) || own.contains(attribute.name) else {
            return "dropped \(attribute.name)= from <\(element)>: not allowed on the site"
        }
        if ["href", "src", "cite"].contains(attribute.name), let value = attribute.value,
           !isSafe(url: value, image: attribute.name == "src") {
            return "dropped \(URLScheme.of(value) ?? "unsafe"): URL from <\(element) \(attribute.name)>; use http, https, mailto or a relative link"
        }
        return nil
    }

    private static func escapeAttribute(_ value: String) -> String {
        value.replacingOccurrences(of: "\"", with: "&quot;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
    }

    /// Whether a link or image URL may reach a page: relative, `http`, `https` or `mailto`, or
    /// for an image a `data:image/` URL of a raster format.
    public static func isSafe(url: String, image: Bool) -> Bool {
        guard let scheme = URLScheme.of(url) else { return true }
        if ["http", "https", "mailto"].contains(scheme) { return true }
        guard image, scheme == "data" else { return false }
        let decoded = URLScheme.decoded(url).lowercased()
        return ["data:image/png", "data:image/gif", "data:image/jpeg", "data:image/webp"].contains { decoded.hasPrefix($0 + ";") || decoded.hasPrefix($0 + ",") }
    }
}

/// The scheme of a URL as a browser reads it: character references decoded, ASCII control
/// characters and spaces at the ends and tabs and newlines anywhere removed, lowercased.
enum URLScheme {
    static func of(_ url: String) -> String? {
        let text = decoded(url)
        guard let colon = text.firstIndex(of: ":") else { return nil }
        let scheme = text[..<colon]
        guard let first = scheme.first, first.isASCII, first.isLetter,
              scheme.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == ".") }) else { return nil }
        return scheme.lowercased()
    }

    static func decoded(_ url: String) -> String {
        // Most URLs have nothing to decode, strip or trim: as they are (the slow path below
        // was a twentieth of the site's rendering, every link of every page passing through it).
        let bytes = url.utf8
        if bytes.first.map({ $0 > 0x20 }) ?? true, bytes.last.map({ $0 > 0x20 }) ?? true,
           !bytes.contains(where: { $0 == UInt8(ascii: "&") || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) {
            return url
        }
        var text = ""
        var rest = Substring(url)
        while let amp = rest.firstIndex(of: "&") {
            text += rest[..<amp]
            rest = rest[rest.index(after: amp)...]
            let entity = rest.prefix { $0 != ";" && !$0.isWhitespace }.prefix(12)
            var consumed = entity.count
            if rest.dropFirst(entity.count).first == ";" { consumed += 1 }
            let lower = entity.lowercased()
            if lower.hasPrefix("#x"), let code = UInt32(lower.dropFirst(2), radix: 16), let scalar = Unicode.Scalar(code) {
                text.unicodeScalars.append(scalar)
            } else if lower.hasPrefix("#"), let code = UInt32(lower.dropFirst()), let scalar = Unicode.Scalar(code) {
                text.unicodeScalars.append(scalar)
            } else if let named = ["colon": ":", "tab": "\t", "newline": "\n"][lower] {
                text += named
            } else {
                text += "&"
                consumed = 0
            }
            rest = rest.dropFirst(consumed)
        }
        text += rest
        let stripped = text.unicodeScalars.filter { $0 != "\t" && $0 != "\n" && $0 != "\r" }
        return String(String.UnicodeScalarView(stripped)).trimmingCharacters(in: { $0.value <= 0x20 })
    }
}

private extension String {
    func trimmingCharacters(in predicate: (Unicode.Scalar) -> Bool) -> String {
        let scalars = Array(unicodeScalars)
        guard let first = scalars.firstIndex(where: { !predicate($0) }), let last = scalars.lastIndex(where: { !predicate($0) }) else { return "" }
        return String(String.UnicodeScalarView(scalars[first...last]))
    }
}
