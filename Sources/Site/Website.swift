import Foundation
import Literate

/// The whole website: every page rendered into the theme, the navigation between them, the
/// search index, the theme's assets and KaTeX, as file paths → bytes.
///
/// Deterministic: the same pages, results and theme give the same bytes (no timestamps,
/// every iteration sorted).
public enum Website {
    /// Renders `pages` (in reading order, pages outside it last) with `results` (by file
    /// name). Throws
    /// `SiteError.brokenChapters` with every broken link of every page when there is one.
    public static func files(pages: [PageSource], results: [String: PageResults], theme: Theme,
                             katex: [String: [UInt8]]?) throws -> [String: [UInt8]] {
        let links = Links(pages: Dictionary(uniqueKeysWithValues: pages.map { ($0.fileName, $0.htmlName) }))
        let rendered = pages.map { page in
            PageRenderer.render(markdown: page.markdown, path: page.path, folder: page.folder,
                                results: results[page.fileName] ?? PageResults(), links: links)
        }
        let diagnostics = rendered.flatMap(\.diagnostics)
        guard diagnostics.isEmpty else { throw SiteError.brokenChapters(diagnostics) }

        let titles = zip(pages, rendered).map { page, rendered in
            rendered.title.isEmpty ? String(page.fileName.dropLast(3)) : rendered.title
        }
        let bookTitle = titles.first ?? "Book"
        let head = katex == nil ? "" : """
        <link rel="stylesheet" href="katex/katex.min.css">
        <script defer src="katex/katex.min.js"></script>
        """
        let reading = Array(pages.prefix { $0.isInReadingOrder })
        var files: [String: [UInt8]] = theme.assets
        for (index, page) in pages.enumerated() {
            let label = index == 0 ? "Introduction" : titles[index]
            let inOrder = index < reading.count
            var content = rendered[index].body
            if index == 0 && !reading.dropFirst().contains(where: { page.markdown.contains("](\($0.fileName)") }) {
                content += contentsList(pages: reading, titles: titles)
            }
            let html = theme.page([
                "title": escapeHTML(index == 0 ? bookTitle : "\(label) · \(bookTitle)"),
                "book": escapeHTML(bookTitle),
                "head": head,
                "contents": sidebar(pages: reading, titles: titles, current: inOrder ? index : -1),
                "content": content,
                "pager": inOrder ? pager(pages: reading, titles: titles, current: index) : "",
            ])
            files[page.htmlName] = Array(html.utf8)
        }
        let index = zip(pages, rendered).enumerated().map { index, pair in
            (file: pair.0.htmlName, title: index == 0 ? "Introduction" : titles[index], sections: pair.1.sections)
        }
        files["search-index.js"] = Array(SearchIndex.script(index).utf8)
        for (path, bytes) in katex ?? [:] { files[path] = bytes }
        return files
    }

    /// The list of every page, the current one marked with `aria-current`.
    static func sidebar(pages: [PageSource], titles: [String], current: Int) -> String {
        var out = "<ol class=\"chapters\">\n"
        for (index, page) in pages.enumerated() {
            let label = index == 0 ? "Introduction" : titles[index]
            let mark = index == current ? " aria-current=\"page\"" : ""
            out += "<li><a href=\"\(escapeHTML(page.htmlName))\"\(mark)>\(escapeHTML(label))</a></li>\n"
        }
        return out + "</ol>"
    }

    /// Previous and next links.
    static func pager(pages: [PageSource], titles: [String], current: Int) -> String {
        var out = "<nav class=\"pager\" aria-label=\"Previous and next\">"
        if current > 0 {
            let title = current - 1 == 0 ? "Introduction" : titles[current - 1]
            out += "<a rel=\"prev\" href=\"\(escapeHTML(pages[current - 1].htmlName))\"><span>Previous</span>\(escapeHTML(title))</a>"
        }
        if current + 1 < pages.count {
            out += "<a rel=\"next\" href=\"\(escapeHTML(pages[current + 1].htmlName))\"><span>Next</span>\(escapeHTML(titles[current + 1]))</a>"
        }
        return out + "</nav>"
    }

    /// A contents section for an introduction that does not link to its chapters itself.
    static func contentsList(pages: [PageSource], titles: [String]) -> String {
        var out = "<h2 id=\"contents\">Contents</h2>\n<ol class=\"contents\">\n"
        for (index, page) in pages.enumerated().dropFirst() {
            out += "<li><a href=\"\(escapeHTML(page.htmlName))\">\(escapeHTML(titles[index]))</a></li>\n"
        }
        return out + "</ol>\n"
    }
}
