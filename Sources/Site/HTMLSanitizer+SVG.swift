/// SVG handed to the page by chapter code (`Figure(svg:)`), kept to drawing: no script, no
/// event attributes, no external references.
///
/// Rules: elements outside `svgElements` are dropped (with their content for `script`,
/// `style`, `foreignObject` and the like); `on...` attributes are dropped; `href` and
/// `xlink:href` stay only when they point inside the figure (`#id`); any attribute whose
/// value holds a `url(...)` that does not start with `#` is dropped; comments, `<?xml?>` and
/// `<!DOCTYPE>` are dropped. What Plot draws passes byte for byte.
extension HTMLSanitizer {
    static let svgElements: Set<String> = ["svg", "g", "path", "rect", "circle", "ellipse", "line", "polyline", "polygon",
                                           "text", "tspan", "title", "desc", "defs", "clippath", "lineargradient",
                                           "radialgradient", "stop", "marker", "pattern", "mask", "symbol", "use"]
    static let svgDropsContent: Set<String> = ["script", "style", "foreignobject", "iframe", "object", "embed", "template"]

    /// The SVG markup with everything that could run code or load something removed.
    public static func svg(_ markup: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(markup.utf8.count)
        var skipping: String?
        var pieces = HTMLPieces(markup)
        func add(_ text: String) { out.append(contentsOf: text.utf8) }
        while let piece = pieces.next() {
            if let element = skipping {
                if case .endTag(let name) = piece, name.lowercased() == element { skipping = nil }
                continue
            }
            switch piece {
            case .text(let range):
                for byte in pieces.bytes[range] {
                    if byte == UInt8(ascii: "<") { add("&lt;") } else { out.append(byte) }
                }
            case .comment, .other:
                break
            case .endTag(let name):
                if svgElements.contains(name.lowercased()) { add("</\(name)>") }
            case .startTag(let name, let attributes, let selfClosing):
                let lower = name.lowercased()
                guard svgElements.contains(lower) else {
                    if svgDropsContent.contains(lower) && !selfClosing { skipping = lower }
                    continue
                }
                add("<" + name)
                for attribute in attributes where svgAttributeIsSafe(attribute) {
                    add(" " + attribute.written)
                    if let value = attribute.value {
                        // Byte by byte: Foundation's replacingOccurrences here was a twelfth of the site's rendering.
                        add("=\"")
                        for byte in value.utf8 {
                            switch byte {
                            case UInt8(ascii: "\""): add("&quot;")
                            case UInt8(ascii: "<"): add("&lt;")
                            default: out.append(byte)
                            }
                        }
                        add("\"")
                    }
                }
                add(selfClosing ? "/>" : ">")
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func svgAttributeIsSafe(_ attribute: HTMLAttribute) -> Bool {
        let name = attribute.name
        if name.hasPrefix("on") { return false }
        let isReference = name == "href" || name.hasSuffix(":href")
        // Most values are numbers and path data: nothing in them can refer or run.
        if !isReference, attribute.value?.utf8.contains(where: { $0 == UInt8(ascii: "&") || $0 == UInt8(ascii: "(") || $0 == UInt8(ascii: ":") }) != true {
            return true
        }
        let value = URLScheme.decoded(attribute.value ?? "").lowercased().filter { $0 != " " }
        if isReference { return value.hasPrefix("#") }
        var rest = Substring(value)
        while let range = rest.range(of: "url(") {
            let target = rest[range.upperBound...].drop { $0 == "'" || $0 == "\"" }
            if !target.hasPrefix("#") { return false }
            rest = rest[range.upperBound...]
        }
        return !value.contains("javascript:")
    }
}
