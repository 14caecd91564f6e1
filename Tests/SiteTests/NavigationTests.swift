import Testing
@testable import Site

@Suite struct NavigationTests {
    let navigation = Navigation(
        pages: [PageSource(fileName: "README.md", path: "README.md", markdown: ""),
                PageSource(fileName: "01-a.md", path: "01-a.md", markdown: ""),
                PageSource(fileName: "02-b.md", path: "02-b.md", markdown: "")],
        titles: ["Introduction", "A", "B"],
        outlines: [[], [OutlineEntry(level: 2, id: "x", html: "<em>X</em> <a href=\"y.html\">Y</a>"), OutlineEntry(level: 3, id: "z", html: "Z")], []])

    @Test func theCurrentPageCarriesItsTableOfContents() {
        let sidebar = navigation.sidebar(current: 1)
        #expect(sidebar.contains("<a href=\"01-a.html\" aria-current=\"page\">A</a>\n<ol class=\"toc\" aria-label=\"On this page\">\n<li class=\"toc-2\"><a href=\"#x\"><em>X</em> Y</a></li>\n<li class=\"toc-3\"><a href=\"#z\">Z</a></li>\n</ol>\n</li>"))
        #expect(!navigation.sidebar(current: 2).contains("class=\"toc\""))
        #expect(sidebar.contains("<a href=\"print.html\">"))
    }

    @Test func previousAndNextAreLinksAndHeadLinks() {
        #expect(navigation.relLinks(current: 1) == "<link rel=\"prev\" href=\"index.html\">\n<link rel=\"next\" href=\"02-b.html\">\n")
        #expect(navigation.relLinks(current: 0) == "<link rel=\"next\" href=\"01-a.html\">\n")
        #expect(navigation.pager(current: 2).contains("<a rel=\"prev\" href=\"01-a.html\"><span>Previous</span>A</a></div>"))
    }
}
