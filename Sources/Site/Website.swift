import Foundation
import Literate

/// What a website build adds beyond the chapters: the book's settings, and HTML that some
/// builds carry and others not (a live-reload script for `book watch`, say).
public struct SiteOptions: Sendable {
    public var settings: BookSettings
    /// Put at the end of every page's `<head>`, and at the end of its `<body>`.
    public var extraHead: String
    public var extraBody: String
    /// Whether each checked value in the prose carries its check's name (`data-check`), so a
    /// served page can mark the values a reader's run changed. Off for `book build`: its pages
    /// stay as they are.
    public var namesChecks = false

    public init(settings: BookSettings = BookSettings(), extraHead: String = "", extraBody: String = "") {
        self.settings = settings
        self.extraHead = extraHead
        self.extraBody = extraBody
    }
}

/// The whole website: every page rendered into the theme, the navigation between them, the
/// whole book on one page to print (`print.html`), a `404.html`, the search index, the
/// chapters' Markdown (`source/`), the theme's assets and KaTeX's stylesheet and fonts, as
/// file paths → bytes. Every formula of the book is typeset in one batch, before any page is
/// filled in.
///
/// Deterministic: the same pages, results and theme give the same bytes (no timestamps,
/// every iteration sorted).
public enum Website {
    /// Renders `pages` (in reading order, pages outside it last) with `results` (by file
    /// name). Throws `SiteError.brokenChapters` with every broken link and every TeX error
    /// of every page when there is one.
    public static func files(pages: [PageSource], results: [String: PageResults], theme: Theme,
                             math: MathTypesetter, search: LunrIndex? = nil, options: SiteOptions = SiteOptions()) throws -> [String: [UInt8]] {
        let links = Links(pages: Dictionary(uniqueKeysWithValues: pages.map { ($0.fileName, $0.htmlName) }))
        // The notation page's symbols, shown on hover on every other page.
        let notation = pages.first { $0.fileName == "notation.md" }.map { Notation(chapter: $0.chapter) } ?? Notation()
        // Pages render independently of each other: on every core.
        let rendered = pages.concurrentMap { page in
            PageRenderer.render(page.chapter, folder: page.folder, chapter: page.chapterNumber,
                                results: results[page.fileName] ?? PageResults(), links: links,
                                notation: page.fileName == "notation.md" ? Notation() : notation, namesChecks: options.namesChecks)
        }
        guard rendered.allSatisfy(\.diagnostics.isEmpty) else { throw SiteError.brokenChapters(rendered.flatMap(\.diagnostics)) }
        // Each formula, and the phone's layout of those that have one (which, should KaTeX
        // refuse it, is simply left out: the formula shows as it is written).
        let typeset = try math.typeset(Set(rendered.flatMap { $0.formulas.flatMap { [$0.request] + ($0.narrowRequest.map { [$0] } ?? []) } }))
        var texErrors: [Diagnostic] = []
        for page in rendered {
            for formula in page.formulas {
                if case .error(let message, let offset) = typeset[formula.request] {
                    texErrors.append(formula.diagnostic(message, offset: offset))
                }
            }
        }
        guard texErrors.isEmpty else { throw SiteError.brokenChapters(texErrors) }

        let titles = zip(pages, rendered).enumerated().map { index, pair in
            index == 0 ? "Introduction" : pair.1.title.isEmpty ? String(pair.0.fileName.dropLast(3)) : pair.1.title
        }
        let bookTitle = rendered.first.map { $0.title.isEmpty ? "Book" : $0.title } ?? "Book"
        let navigation = Navigation(pages: Array(pages.prefix { $0.isInReadingOrder }), titles: titles, outlines: rendered.map(\.outline),
                                    files: pages.map(\.htmlName))
        let mathHead = math.typesets ? "<link rel=\"stylesheet\" href=\"katex/katex.min.css\">\n" : ""
        var files: [String: [UInt8]] = theme.assets
        // Each page filled in and put in the template on every core, then collected in order.
        let filled = Array(pages.indices).concurrentMap { index -> (body: String, html: [UInt8]) in
            let page = pages[index]
            let steps = results[page.fileName]?.math ?? []
            let body = MathFormula.fill(rendered[index].body, formulas: rendered[index].formulas) { formula in
                let checked = formula.checkedSteps(steps)
                var narrow: String?
                if let request = formula.narrowRequest, case .html(let html) = typeset[request] { narrow = html }
                if case .html(let html) = typeset[formula.request] { return formula.html(typeset: html, narrowTypeset: narrow, checked: checked) }
                return formula.html(typeset: nil, checked: checked)
            }
            var content = afterTitle(body, insert: sourceLine(page, options: options.settings))
            if index == 0 && !navigation.pages.dropFirst().contains(where: { page.markdown.contains("](\($0.fileName)") }) {
                content += navigation.contentsList()
            }
            let inOrder = index < navigation.pages.count
            let html = theme.page([
                "title": escapeHTML(index == 0 ? bookTitle : "\(titles[index]) · \(bookTitle)"),
                "book": escapeHTML(bookTitle),
                "head": mathHead + (inOrder ? navigation.relLinks(current: index) : "") + options.extraHead,
                "kind": "page",
                "contents": navigation.sidebar(current: index),
                "content": content,
                "pager": inOrder ? navigation.pager(current: index) : "",
                "foot": options.extraBody,
            ])
            return (body, Array(html.utf8))
        }
        let bodies = filled.map(\.body)
        for (page, pair) in zip(pages, filled) {
            files[page.htmlName] = pair.html
            files["source/" + page.fileName] = Array(page.markdown.utf8)
        }
        files["print.html"] = Array(theme.page([
            "title": escapeHTML("\(bookTitle) · the whole book"),
            "book": escapeHTML(bookTitle),
            "head": mathHead + options.extraHead,
            "kind": "print-book",
            "contents": navigation.sidebar(current: -1),
            "content": printContent(pages: pages, bodies: bodies, chapters: navigation.pages.count),
            "pager": "",
            "foot": options.extraBody,
        ]).utf8)
        files["404.html"] = Array(theme.page([
            "title": escapeHTML("Page not found · \(bookTitle)"),
            "book": escapeHTML(bookTitle),
            "head": options.extraHead,
            "kind": "not-found",
            "contents": navigation.sidebar(current: -1),
            "content": "<h1>Page not found</h1>\n<p>There is no page at this address. Start from the <a href=\"index.html\">introduction</a>, pick a chapter from the list, or search the book.</p>\n"
                + navigation.contentsList(),
            "pager": "",
            "foot": options.extraBody,
        ]).utf8)
        let topics = pages.first.map { SearchIndex.topics(introduction: $0.chapter.document) } ?? [:]
        let documents = SearchIndex.documents(zip(pages, rendered).enumerated().map { index, pair in
            (file: pair.0.htmlName, title: titles[index], topic: topics[pair.0.fileName] ?? titles[index], sections: pair.1.sections)
        })
        files["search-index.js"] = Array(SearchIndex.script(documents, index: try search?.build(documents)).utf8)
        if let search { for (path, bytes) in search.assets { files[path] = bytes } }
        for (path, bytes) in math.assets { files[path] = bytes }
        return files
    }

    /// The print book's text: the pages in reading order, each starting a printed page, then
    /// the reference as an appendix (`ReferencePages`): its overview starting a printed page,
    /// each type's page after it running on (`print-reference`), so 57 short entries do not
    /// take 57 sheets.
    static func printContent(pages: [PageSource], bodies: [String], chapters: Int) -> String {
        func section(_ index: Int, _ kind: String) -> String {
            "<section class=\"\(kind)\" id=\"page-\(escapeHTML(String(pages[index].htmlName.dropLast(5))))\">\n\(bodies[index])</section>\n"
        }
        var out = (0..<chapters).map { section($0, "print-chapter") }.joined()
        for index in pages.indices.dropFirst(chapters) where pages[index].fileName.hasPrefix(ReferencePages.folder) {
            out += section(index, pages[index].fileName == ReferencePages.overview ? "print-chapter print-appendix" : "print-chapter print-reference")
        }
        return out
    }

    /// The line under a chapter's title: where its Markdown is, how to run its code, and how to
    /// edit and run it on the page (`book serve`; the static site has no editor).
    static func sourceLine(_ page: PageSource, options settings: BookSettings) -> String {
        guard let number = page.chapterNumber else { return "" }
        let href = settings.sourceURL("chapters/" + page.fileName) ?? "source/" + page.fileName
        return "<p class=\"chapter-source\"><a href=\"\(escapeHTML(href))\">The Markdown source of this chapter</a>"
            + " · run its code with <code>swift run book run \(number)</code>"
            + " · edit and run it on this page with <code>swift run book serve</code></p>\n"
    }

    /// `body` with `insert` after its first `</h1>` line (at the start when it has none).
    static func afterTitle(_ body: String, insert: String) -> String {
        guard !insert.isEmpty else { return body }
        guard let range = body.range(of: "</h1>\n") else { return insert + body }
        return String(body[..<range.upperBound]) + insert + String(body[range.upperBound...])
    }
}
