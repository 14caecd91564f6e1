import Literate
import Markdown

/// Where the sanitiser changes a page, said at the Markdown position as a warning, so an
/// author learns why a `<script>` or a `javascript:` link is not on the page.
extension HTMLSanitizer {
    /// Every drop rendering `markdown` makes (raw HTML in document order, through one
    /// sanitiser as the renderer uses it, and unsafe link and image URLs), as warnings in `path`.
    public static func audit(markdown: String, path: String) -> [Diagnostic] {
        let text = CommonMark.normalized(markdown)
        let lines = text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map(Array.init)
        var sanitizer = HTMLSanitizer()
        var warnings: [Diagnostic] = []
        var block = Position(line: 0, column: 0)
        var cursor = (line: 0, offset: 0)
        func warn(_ line: Int, _ column: Int, _ message: String) {
            warnings.append(Diagnostic(path: path, line: line, column: column, severity: .warning, message: message))
        }
        /// The position of `needle` at or after the cursor within lines `first...last`.
        func locate(_ needle: String, first: Int, last: Int) -> (Int, Int) {
            let bytes = Array(needle.utf8.prefix { $0 != UInt8(ascii: "\n") })
            var line = max(cursor.line, first)
            while line <= min(last, lines.count), !bytes.isEmpty {
                let haystack = lines[line - 1]
                var start = line == cursor.line ? cursor.offset : 0
                while start + bytes.count <= haystack.count {
                    if haystack[start..<start + bytes.count].elementsEqual(bytes) {
                        cursor = (line, start + bytes.count)
                        return (line, start + 1)
                    }
                    start += 1
                }
                line += 1
            }
            return (first, 1)
        }
        CommonMark.parse(text).walk { node in
            if node.start != block {
                block = node.start
                cursor = (node.start.line, max(0, node.start.column - 1))
            }
            switch node.kind {
            case .htmlBlock:
                _ = sanitizer.clean(node.literal)
                for drop in sanitizer.takeDrops() {
                    let before = node.literal.utf8.prefix(drop.offset)
                    let line = node.start.line + before.filter { $0 == UInt8(ascii: "\n") }.count
                    let column = before.reversed().prefix { $0 != UInt8(ascii: "\n") }.count + node.start.column
                    warn(line, column, drop.message)
                }
            case .htmlInline:
                _ = sanitizer.clean(node.literal)
                let drops = sanitizer.takeDrops()
                let (line, column) = locate(node.literal, first: node.start.line, last: node.end.line)
                for drop in drops { warn(line, column + drop.offset, drop.message) }
            case .link(let destination, _), .image(let destination, _):
                let image = { if case .image = node.kind { return true } else { return false } }()
                // `check:` links are the book's checked numbers, rendered as such, never as links.
                guard !isSafe(url: destination, image: image), !destination.hasPrefix("check:") else { return }
                let (line, column) = locate(destination, first: node.start.line, last: node.end.line)
                let scheme = URLScheme.of(destination) ?? "unsafe"
                warn(line, column, image
                     ? "dropped an image with a \(scheme): URL; use an http, https or relative image"
                     : "made a link to a \(scheme): URL plain text; use http, https, mailto or a relative link")
            default:
                break
            }
        }
        return warnings
    }
}
