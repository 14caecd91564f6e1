import Literate

/// Hidden lines inside a shown Swift block (`HiddenLines`): the marker lines dropped, the
/// lines between them marked `folded`, and the block told how many there are, so `book.js`
/// can fold them behind a "Show hidden lines" button. Without the script every line shows;
/// in print every line shows.
extension PageRenderer {
    /// The highlighted code of a Swift block, and how many of its lines are folded.
    static func swiftCode(_ code: String) -> (html: String, hidden: Int) {
        guard HiddenLines.hasMarkers(code) else { return (SwiftHighlighter.html(code), 0) }
        let split = HiddenLines.split(code)
        return (SwiftHighlighter.html(split.code, folded: split.folded), split.folded.count)
    }

    /// The attribute a code block with `hidden` folded lines carries: `data-hidden-lines="N"`.
    static func hiddenLinesAttribute(_ hidden: Int) -> String {
        hidden == 0 ? "" : " data-hidden-lines=\"\(hidden)\""
    }
}
