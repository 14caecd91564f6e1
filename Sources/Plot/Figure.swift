/// A drawing a chapter shows with `show(figure)`: SVG markup, a caption and alt text.
///
/// `svg` is a complete `<svg>` element that scales to its container (a `viewBox`, no pixel
/// size), draws text and axes in `currentColor` on a transparent background, and carries
/// `role="img"`, a `<title>` (the alt text) and a `<desc>` (the caption).
///
/// A drawing Plot makes also says, in its `style`, its width and its smallest text, both in
/// viewBox units: `--plot-width: 640; --plot-least-font: 12`. The website reads them to keep
/// the drawing wide enough that its smallest text shows at a size that reads on a phone:
/// at least width × 11 px / least font (640 × 11 / 12 = 587 px), scrolling sideways in its
/// frame on a narrower screen, rather than shrinking the text to 7 px.
public struct Figure: Equatable, Sendable {
    /// The `<svg>` element, ready to place inline in an HTML page.
    public var svg: String
    /// One or two sentences printed under the figure: what to notice.
    public var caption: String
    /// What the figure shows, for readers who cannot see it.
    public var alt: String
    /// Where a chart's axes and plot area are, in words (`x axis 0 to 10, y axis 0 to 50,
    /// plot area 62,40 to 616,372`): frames of one slider must agree on it. Nil for drawings
    /// without axes and for `init(svg:caption:alt:)`.
    var axes: String?

    /// A figure from finished SVG markup.
    public init(svg: String, caption: String, alt: String) {
        self.svg = svg
        self.caption = caption
        self.alt = alt
    }

    /// A figure of the given size whose content `draw` writes; `draw` receives the prefix
    /// to put before every id it defines, unique to this figure's content.
    init(width: Double, height: Double, caption: String, alt: String, axes: String? = nil,
         draw: (inout SVG, String) -> Void) {
        // Ids must not clash when several figures share a page, yet stay the same from run
        // to run: draw once with a placeholder, name the figure after a hash of that drawing.
        // The placeholder is a private-use character, which escaping keeps (it turns control
        // characters, which XML cannot hold, into U+FFFD) and no drawing writes.
        let placeholder = "plot-\u{E000}"
        var body = SVG()
        draw(&body, placeholder)
        let prefix = "plot-" + Self.hash(body.markup + caption + alt)
        let content = body.markup.replacing(placeholder, with: prefix)
        var style = "max-width: 100%; height: auto; --plot-width: \(n(width))"
        if let least = body.smallestFontSize { style += "; --plot-least-font: \(n(least))" }
        var svg = SVG()
        svg.open("svg", [
            ("xmlns", "http://www.w3.org/2000/svg"),
            ("viewBox", "0 0 \(n(width)) \(n(height))"),
            ("role", "img"),
            ("aria-labelledby", "\(prefix)-title \(prefix)-desc"),
            ("class", "plot"),
            ("font-family", "system-ui, sans-serif"),
            ("fill", "none"),
            ("style", style),
        ])
        svg.text("title", [("id", "\(prefix)-title")], alt)
        svg.text("desc", [("id", "\(prefix)-desc")], caption)
        var markup = svg.markup + content
        markup += "</svg>\n"
        self.init(svg: markup, caption: caption, alt: alt)
        self.axes = axes
    }

    /// The `viewBox` attribute of the root `<svg>` element (`0 0 640 420`); nil without one.
    var viewBox: String? {
        guard let open = svg.firstRange(of: "<svg"), let end = svg[open.upperBound...].firstIndex(of: ">") else { return nil }
        let tag = svg[open.upperBound..<end]
        guard let start = tag.firstRange(of: " viewBox=\"") else { return nil }
        return String(tag[start.upperBound...].prefix { $0 != "\"" })
    }

    /// FNV-1a over the UTF-8 bytes, as 8 hex digits: stable across runs and machines,
    /// unlike `Hasher`, which is seeded per process.
    static func hash(_ text: String) -> String {
        var value: UInt32 = 2_166_136_261
        for byte in text.utf8 {
            value ^= UInt32(byte)
            value = value &* 16_777_619
        }
        let hex = String(value, radix: 16)
        return String(repeating: "0", count: 8 - hex.count) + hex
    }
}
