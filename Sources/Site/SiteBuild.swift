import Foundation
import Literate

/// `book build` as one call: read the chapters and the theme from a project, render them
/// with the check's reports, and write the site atomically into `_site/`.
public struct SiteBuild: Sendable {
    /// The repository's root folder.
    public var root: URL
    /// Where the site goes; `_site` in the root by default.
    public var output: URL
    /// Where KaTeX is read from.
    public var katexFolder: URL
    /// Where lunr is read from.
    public var lunrFolder = LunrIndex.debianFolder

    /// HTML put at the end of every page's head and body (e.g. `book watch`'s reload script).
    public var extraHead = ""
    public var extraBody = ""
    /// The reference of `Learning` and `Plot` to add as pages (`ReferencePages`); none when nil.
    public var reference: ReferenceIndex?
    /// What each chapter's names refer to (`CodeReferences.load`), by chapter path: with
    /// `reference`, its names link to their entries, and the entries list where they are used.
    public var codeReferences: [String: CodeReferences] = [:]
    /// Checked values carry their check's name (`SiteOptions.namesChecks`; `book serve`).
    public var namesChecks = false

    public init(root: URL, output: URL? = nil, katexFolder: URL = KaTeX.debianFolder) {
        self.root = root
        self.output = output ?? root.appendingPathComponent("_site")
        self.katexFolder = katexFolder
    }

    /// What a build made.
    public struct Summary: Sendable {
        /// How many pages were rendered.
        public var pages: Int
        /// The page to open: `<output>/index.html`.
        public var start: URL
        /// Whether the math was typeset (KaTeX and node were found; when not, math shows as TeX).
        public var hasKaTeX: Bool
        /// Whether the search index was built (lunr and node were found; when not, the search is off).
        public var hasSearch: Bool
        /// What the HTML sanitiser dropped from the pages, at its Markdown positions.
        public var warnings: [Diagnostic] = []
    }

    /// Renders and writes the site. `reports` are the check's, matched to pages by file name;
    /// `displayFolder` is how diagnostics name the chapters folder (e.g. `chapters`).
    /// On any error nothing in `output` has changed.
    public func run(reports: [ChapterReport], displayFolder: String = "chapters") throws -> Summary {
        let (files, summary) = try render(reports: reports, displayFolder: displayFolder)
        try SiteLock.holding(root: root) { try SiteWriter.write(files, to: output) }
        return summary
    }

    /// Renders and writes the site of a book already read and parsed (`ParsedBook.read`, whose
    /// `checked` chapters `reports` are of): nothing is read or parsed again.
    public func run(book: ParsedBook, reports: [ChapterReport]) throws -> Summary {
        let (files, summary) = try render(pages: BookSource.pages(book, folder: chaptersFolder), reports: reports)
        try SiteLock.holding(root: root) { try SiteWriter.write(files, to: output) }
        return summary
    }

    var chaptersFolder: URL { root.appendingPathComponent("chapters") }

    /// Every file of the site (site paths → bytes), rendered but not written.
    func render(reports: [ChapterReport], displayFolder: String) throws -> ([String: [UInt8]], Summary) {
        try render(pages: BookSource.read(folder: chaptersFolder, displayFolder: displayFolder), reports: reports)
    }

    /// Every file of the site for `pages`, rendered but not written.
    func render(pages: [PageSource], reports: [ChapterReport]) throws -> ([String: [UInt8]], Summary) {
        var results: [String: PageResults] = [:]
        for report in reports {
            results[URL(fileURLWithPath: report.path).lastPathComponent] = PageResults(report: report)
        }
        var pages = pages
        if let reference {
            var uses: [String: [ReferenceUse]] = [:]
            for page in pages {
                guard let references = codeReferences[page.path] else { continue }
                results[page.fileName, default: PageResults()].links = CodeLink.links(references, index: reference)
                uses.merge(ReferenceUse.uses(in: page, references: references, index: reference)) { $0 + $1 }
            }
            pages += ReferencePages.pages(reference, uses: uses)
        }
        let theme = try Theme(folder: root.appendingPathComponent("site"))
        let math = MathTypesetter.katex(folder: katexFolder, cacheFolder: root.appendingPathComponent(".build/book/math"))
        var options = SiteOptions(settings: try BookSettings.read(root: root), extraHead: extraHead, extraBody: extraBody)
        options.namesChecks = namesChecks
        let search = LunrIndex.debian(folder: lunrFolder, cacheFolder: root.appendingPathComponent(".build/book/search"))
        let files = try Website.files(pages: pages, results: results, theme: theme, math: math, search: search, options: options)
        return (files, Summary(pages: pages.count, start: output.appendingPathComponent("index.html"), hasKaTeX: math.typesets,
                               hasSearch: search != nil,
                               warnings: pages.flatMap { HTMLSanitizer.audit($0.chapter) }))
    }
}
