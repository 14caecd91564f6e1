/// An SVG document written element by element, attributes in the order given.
///
/// Every attribute value and every text goes through `escapeXML`, numbers through
/// `Number.svg`, so the output is well-formed and the same bytes on every run.
struct SVG {
    /// The markup written so far.
    private(set) var markup = ""
    /// The smallest `font-size` given to any element written so far, in user units; nil
    /// before the first. Text inherits its size from an element that sets one, so no text
    /// in the markup is drawn smaller than this.
    private(set) var smallestFontSize: Double?
    private var depth = 0

    /// An attribute: name and value, written as `name="value"`.
    typealias Attribute = (name: String, value: String)

    /// `<name attributes>`; close it with `close(name)`.
    mutating func open(_ name: String, _ attributes: [Attribute] = []) {
        noteFontSize(attributes)
        line("<" + name + Self.write(attributes) + ">")
        depth += 1
    }

    /// `</name>`.
    mutating func close(_ name: String) {
        depth -= 1
        line("</" + name + ">")
    }

    /// `<name attributes/>`, an element without content.
    mutating func empty(_ name: String, _ attributes: [Attribute]) {
        noteFontSize(attributes)
        line("<" + name + Self.write(attributes) + "/>")
    }

    /// `<name attributes>text</name>` with `text` escaped. Text the reader sees (`<text>`,
    /// `<tspan>`) writes negative numbers with a true minus sign (`Number.minusSigns`), so a
    /// label a chapter wrote with a hyphen-minus matches the axes and weights; `<title>` and
    /// `<desc>`, the alt text and caption, stay as the chapter wrote them.
    mutating func text(_ name: String, _ attributes: [Attribute] = [], _ content: String) {
        let shown = name == "text" || name == "tspan" ? Number.minusSigns(content) : content
        noteFontSize(attributes)
        line("<" + name + Self.write(attributes) + ">" + escapeXML(shown) + "</" + name + ">")
    }

    /// Children of `name` written by `body`, between `open` and `close`.
    mutating func group(_ name: String = "g", _ attributes: [Attribute] = [], _ body: (inout SVG) -> Void) {
        open(name, attributes)
        body(&self)
        close(name)
    }

    private mutating func noteFontSize(_ attributes: [Attribute]) {
        for attribute in attributes where attribute.name == "font-size" {
            guard let size = Double(attribute.value) else { continue }
            smallestFontSize = min(smallestFontSize ?? size, size)
        }
    }

    private mutating func line(_ text: String) {
        markup += String(repeating: " ", count: depth) + text + "\n"
    }

    private static func write(_ attributes: [Attribute]) -> String {
        attributes.map { " " + $0.name + "=\"" + escapeXML($0.value) + "\"" }.joined()
    }
}

/// A number as an attribute value: `n(12.5)` is `"12.5"`.
func n(_ x: Double) -> String { Number.svg(x) }

/// Path data for a polyline through `points`: `M x y L x y ...`, optionally closed with `Z`.
func pathData(_ points: [(x: Double, y: Double)], closed: Bool = false) -> String {
    guard let first = points.first else { return "" }
    var data = "M" + n(first.x) + " " + n(first.y)
    for point in points.dropFirst() { data += "L" + n(point.x) + " " + n(point.y) }
    return closed ? data + "Z" : data
}
