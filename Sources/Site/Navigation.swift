/// The ways between pages: the sidebar (every page, the current one's sections under it),
/// previous and next (as links on the page and in its head, for the arrow keys), and the
/// contents list.
struct Navigation {
    /// The pages in reading order.
    let pages: [PageSource]
    /// Every page's title (reading order first), the introduction's "Introduction".
    let titles: [String]
    /// Every page's level-2 and level-3 headings.
    let outlines: [[OutlineEntry]]
    /// Every page's file, reading order first (pages outside it follow).
    var files: [String] = []

    /// The list of every page, the current one marked with `aria-current` and followed by
    /// its own table of contents (the script marks the section being read); then the page
    /// with the whole book, to print.
    /// A page outside the reading order (`current` is its index in `titles`) is listed last,
    /// with its contents.
    func sidebar(current: Int) -> String {
        var out = "<ol class=\"chapters\">\n"
        var listed = Array(pages.indices)
        if current >= pages.count { listed.append(current) }
        for index in listed {
            let name = index < pages.count ? pages[index].htmlName : index < files.count ? files[index] : "#"
            let mark = index == current ? " aria-current=\"page\"" : ""
            out += "<li><a href=\"\(escapeHTML(name))\"\(mark)>\(escapeHTML(titles[index]))</a>"
            if index == current, !outlines[index].isEmpty {
                out += "\n<ol class=\"toc\" aria-label=\"On this page\">\n"
                for entry in outlines[index] {
                    out += "<li class=\"toc-\(entry.level)\"><a href=\"#\(escapeHTML(entry.id))\">\(Self.withoutLinks(entry.html))</a></li>\n"
                }
                out += "</ol>\n"
            }
            out += "</li>\n"
        }
        if files.contains(ReferencePages.overviewPage) && current != files.firstIndex(of: ReferencePages.overviewPage) {
            out += "<li><a href=\"\(ReferencePages.overviewPage)\">Reference: Learning and Plot</a></li>\n"
        }
        out += "<li><a href=\"print.html\">The whole book, to print</a></li>\n"
        return out + "</ol>"
    }

    /// Previous and next links, and how the keyboard reaches them.
    func pager(current: Int) -> String {
        var out = "<nav class=\"pager\" aria-label=\"Previous and next\"><div class=\"pager-links\">"
        if current > 0 {
            out += "<a rel=\"prev\" href=\"\(escapeHTML(pages[current - 1].htmlName))\"><span>Previous</span>\(escapeHTML(titles[current - 1]))</a>"
        }
        if current + 1 < pages.count {
            out += "<a rel=\"next\" href=\"\(escapeHTML(pages[current + 1].htmlName))\"><span>Next</span>\(escapeHTML(titles[current + 1]))</a>"
        }
        return out + "</div><p class=\"pager-keys\">The ← and → keys turn the page.</p></nav>"
    }

    /// `<link rel="prev">` and `<link rel="next">` for the page's head.
    func relLinks(current: Int) -> String {
        var out = ""
        if current > 0 { out += "<link rel=\"prev\" href=\"\(escapeHTML(pages[current - 1].htmlName))\">\n" }
        if current + 1 < pages.count { out += "<link rel=\"next\" href=\"\(escapeHTML(pages[current + 1].htmlName))\">\n" }
        return out
    }

    /// A contents section for an introduction that does not link to its chapters itself.
    func contentsList() -> String {
        var out = "<h2 id=\"contents\">Contents</h2>\n<ol class=\"contents\">\n"
        for (index, page) in pages.enumerated().dropFirst() {
            out += "<li><a href=\"\(escapeHTML(page.htmlName))\">\(escapeHTML(titles[index]))</a></li>\n"
        }
        return out + "</ol>\n"
    }

    /// A heading's HTML without the links in it (a link cannot hold another), their text kept.
    static func withoutLinks(_ html: String) -> String {
        var out = ""
        var rest = Substring(html)
        while let open = rest.range(of: "<a ") ?? rest.range(of: "</a>") {
            out += rest[..<open.lowerBound]
            rest = rest[open.lowerBound...]
            guard let close = rest.firstIndex(of: ">") else { break }
            rest = rest[rest.index(after: close)...]
        }
        return out + rest
    }
}
