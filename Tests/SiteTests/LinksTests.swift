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

    @Test func positionIsTheOpeningBracketInBytes() throws {
        let lines: [Substring] = ["Intro", "See é [the [next] one](02-x.md) and [again](02-x.md).", "![pic](02-x.md)"]
        let first = try #require(Links.position(of: "02-x.md", occurrence: 0, lines: lines, first: 1, last: 3))
        #expect(first.line == 2 && first.column == 8)  // "é" is two bytes
        let second = try #require(Links.position(of: "02-x.md", occurrence: 1, lines: lines, first: 1, last: 3))
        #expect(second.line == 2 && second.column == 38)
        let image = try #require(Links.position(of: "02-x.md", occurrence: 2, lines: lines, first: 1, last: 3))
        #expect(image.line == 3 && image.column == 1)
        #expect(Links.position(of: "02-x.md", occurrence: 3, lines: lines, first: 1, last: 3) == nil)
    }
}
