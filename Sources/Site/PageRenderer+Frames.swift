import Literate

/// A figure in frames (`show(frames)` in a chapter): every frame is in the page, so it works
/// from `file://` with nothing fetched, and `book.js` turns them into a slider.
///
/// Without the script the frames stand one under another, each headed by its label, and the
/// slider stays `hidden`: the page reads as a row of labelled figures. With it, the figure
/// gets the class `frames-live`; the frames share one grid cell, so the tallest sets the
/// height and moving the slider never moves the page, and only the frame marked `current` is
/// visible. The range input is native, so the arrow keys, Page Up and Down, Home and End
/// work, and its `aria-valuetext` says the frame's label rather than its index.
extension PageRenderer {
    func frames(_ figure: FigureResult, number: String, id: String) -> String {
        let slider = id + "-slider"
        let first = figure.frames[0].label
        var out = "<figure id=\"\(id)\" class=\"frames\">"
        out += "<div class=\"figure-scroll\" data-label=\"Figure \(number)\"><div class=\"frames-stack\">"
        for (index, frame) in figure.frames.enumerated() {
            let current = index == 0 ? " current" : ""
            out += "<div class=\"frame\(current)\" data-frame=\"\(index)\" data-label=\"\(escapeHTML(frame.label))\">"
            out += "<p class=\"frame-label\">\(escapeHTML(frame.label))</p>"
            out += "<div class=\"figure-art\" role=\"img\" aria-label=\"\(escapeHTML(frame.alt))\">\(HTMLSanitizer.svg(frame.svg))</div></div>"
        }
        out += "</div></div>"
        out += "<div class=\"frames-control\" hidden><label for=\"\(slider)\">\(escapeHTML(figure.parameter))</label>"
        out += "<input type=\"range\" id=\"\(slider)\" min=\"0\" max=\"\(figure.frames.count - 1)\" step=\"1\" value=\"0\" "
        out += "aria-valuetext=\"\(escapeHTML(first))\" aria-describedby=\"\(id)-caption\">"
        out += "<output for=\"\(slider)\" aria-hidden=\"true\">\(escapeHTML(first))</output></div>"
        out += "<figcaption id=\"\(id)-caption\"><a class=\"figure-number\" href=\"#\(id)\">Figure \(number).</a> \(escapeHTML(figure.caption))"
        out += " <span class=\"frames-note\">\(figure.frames.count) frames: \(figure.frames.map { escapeHTML($0.label) }.joined(separator: "; ")).</span>"
        out += "</figcaption></figure>\n"
        return out
    }
}
