import Literate
import Markdown

/// Where the sanitiser changes a page, said at the Markdown position as a warning, so an
/// author learns why a `<script>` or a `javascript:` link is not on the page.
extension HTMLSanitizer {
    /// Every drop rendering `markdown` makes, as warnings in `path` (`audit(_:)` of the chapter parsed).
    public static func audit(markdown: String, path: String) -> [Diagnostic] {
        audit(ChapterParser.parse(markdown, path: path))
    }

    /// Every drop rendering the parsed chapter makes (raw HTML in document order, through one
    /// sanitiser as the renderer uses it, and unsafe link and image URLs), as warnings at
    /// their nodes' positions.
    public static func audit(_ chapter: ParsedChapter) -> [Diagnostic] {
        var sanitizer = HTMLSanitizer()
        var warnings: [Diagnostic] = []
        func warn(_ line: Int, _ column: Int, _ message: String) {
            warnings.append(Diagnostic(path: chapter.path, line: line, column: column, severity: .warning, message: message))
        }
        chapter.document.walk { node in
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
                for drop in sanitizer.takeDrops() { warn(node.start.line, node.start.column + drop.offset, drop.message) }
            case .link(let destination, _), .image(let destination, _):
                let image = { if case .image = node.kind { return true } else { return false } }()
                // `check:` links are the book's checked numbers, rendered as such, never as links.
                guard !isSafe(url: destination, image: image), !destination.hasPrefix("check:") else { return }
                let scheme = URLScheme.of(destination) ?? "unsafe"
                warn(node.start.line, node.start.column, image
                     ? "dropped an image with a \(scheme): URL; use an http, https or relative image"
                     : "made a link to a \(scheme): URL plain text; use http, https, mailto or a relative link")
            default:
                break
            }
        }
        return warnings
    }
}
