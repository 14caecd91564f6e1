import Literate

/// A figure from a run on a served page (`book serve`), in the same markup as the page's own
/// figures: the SVG through the same sanitiser, frames under the same slider.
public enum ServedFigure {
    /// The figure's HTML; `number` is what the page calls it (`6.2`), `id` its anchor.
    public static func html(_ figure: FigureResult, number: String, id: String) -> String {
        let renderer = PageRenderer(path: "", folder: "", results: PageResults(), links: Links(pages: [:]))
        if !figure.frames.isEmpty { return renderer.frames(figure, number: number, id: id) }
        return "<figure id=\"\(escapeHTML(id))\"><div class=\"figure-scroll\" data-label=\"Figure \(escapeHTML(number))\"><div class=\"figure-art\" role=\"img\" aria-label=\"\(escapeHTML(figure.alt))\">\(HTMLSanitizer.svg(figure.svg))</div></div>"
            + "<figcaption><a class=\"figure-number\" href=\"#\(escapeHTML(id))\">Figure \(escapeHTML(number)).</a> \(escapeHTML(figure.caption))</figcaption></figure>\n"
    }
}
