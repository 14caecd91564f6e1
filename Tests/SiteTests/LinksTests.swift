import Testing
@testable import Site

@Suite struct LinksTests {
    let links = Links(pages: ["README.md": "index.html", "02-neuron.md": "02-neuron.html", "data/README.md": "data-README.html"])

    @Test func chapterLinksBecomePages() {
        #expect(links.rewrite("02-neuron.md") == .destination("02-neuron.html"))
        #expect(links.rewrite("./02-neuron.md#the-layer") == .destination("02-neuron.html#the-layer"))
        #expect(links.rewrite("README.md") == .destination("index.html"))
        #expect(links.rewrite("../chapters/02-neuron.md") == .destination("02-neuron.html"))
    }

    @Test func otherLinksStayAsWritten() {
        #expect(links.rewrite("https://example.org/a.md") == .destination("https://example.org/a.md"))
        #expect(links.rewrite("#loss") == .destination("#loss"))
        #expect(links.rewrite("data/iris.csv") == .destination("data/iris.csv"))
        #expect(links.rewrite("../README.md") == .destination("../README.md"))
    }

    @Test func pagesInSubfoldersResolveFromTheirFolder() {
        #expect(links.rewrite("data/README.md#iris") == .destination("data-README.html#iris"))
        #expect(links.rewrite("../02-neuron.md", from: "data") == .destination("02-neuron.html"))
        #expect(links.rewrite("README.md", from: "data") == .destination("data-README.html"))
        #expect(links.rewrite("./data/../02-neuron.md") == .destination("02-neuron.html"))
        #expect(links.rewrite("data/missing.md") == .missingPage("data/missing.md"))
    }

    @Test func aMissingChapterIsReported() {
        #expect(links.rewrite("03-missing.md#x") == .missingPage("03-missing.md"))
    }

    /// The link's node carries its position: the `[` (bytes, so "é" counts two), on any line.
    @Test func aMissingChapterIsReportedAtItsOpeningBracket() {
        let markdown = "Intro\n\nSee é [the [next] one](02-x.md) and\n[again](02-x.md).\n\n![pic](02-x.md)\n"
        let page = PageRenderer.render(markdown: markdown, path: "c.md", results: PageResults(), links: Links(pages: [:]))
        #expect(page.diagnostics.map { "\($0.line):\($0.column)" } == ["3:8", "4:1"])
    }
}
