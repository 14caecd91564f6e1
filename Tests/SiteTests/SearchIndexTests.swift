import Foundation
import Literate
import Testing
@testable import Site

@Suite struct SearchIndexTests {
    @Test func scriptAssignsAGlobalWithSafeStrings() {
        let documents = SearchIndex.documents([(file: "01-a.html", title: "A \"quoted\" </script>", topic: "A: one",
                                                sections: [SearchSection(id: "x", heading: "X", text: "one\n two\tthree")])])
        #expect(documents.map(\.topic) == ["A: one"])
        let script = SearchIndex.script(documents, index: #"{"version":"2.3.9","x":"</script>"}"#)
        #expect(script == "window.bookSearchIndex = {\"docs\":[\n{\"page\":\"01-a.html\",\"title\":\"A \\\"quoted\\\" \\u003c/script\\u003e\",\"id\":\"x\",\"heading\":\"X\",\"text\":\"one two three\"}\n],\n\"index\":{\"version\":\"2.3.9\",\"x\":\"\\u003c/script\\u003e\"}};\n")
    }

    @Test func emptySectionsAreLeftOutAndNoIndexIsNull() {
        let documents = SearchIndex.documents([(file: "a.html", title: "A", topic: "", sections: [SearchSection(id: "", heading: "", text: "")])])
        #expect(SearchIndex.script(documents, index: nil) == "window.bookSearchIndex = {\"docs\":[\n\n],\n\"index\":null};\n")
    }

    @Test func topicsAreTheIntroductionsLinesForEachChapter() {
        let markdown = "# Book\n\n- [Notation](notation.md): every symbol.\n1. [Gradient descent](07-gd.md): the update rule,\n   and what the learning rate does.\n2. Not a link.\n\nSee [data](data/README.md).\n"
        #expect(SearchIndex.topics(introduction: ChapterParser.parse(markdown, path: "README.md").document) == [
            "notation.md": "Notation: every symbol.",
            "07-gd.md": "Gradient descent: the update rule, and what the learning rate does.",
        ])
    }
}

extension SearchIndexTests {
    @Test func jsonEscapesControlsAndLineSeparatorsKeepsOtherText() {
        #expect(SearchIndex.json("a\u{1}b\u{2028}c\\ σ é ✓") == "\"a\\u0001b\\u2028c\\\\ σ é ✓\"")
        #expect(SearchIndex.collapseSpaces("  one \n\n two\tthree  ") == "one two three")
    }

    @Test func scriptEscapesAreMadeOnTheBytes() {
        #expect(SearchIndex.escapeForScript("<a>&b\u{2028}c\u{2029}σ\u{2027}✓") == "\\u003ca\\u003e\\u0026b\\u2028c\\u2029σ\u{2027}✓")
        #expect(SearchIndex.escapeForScript("") == "")
    }

    /// lunr from Debian, run by node, when both are installed (CI installs them).
    @Test(.enabled(if: LunrIndex.debian(cacheFolder: nil) != nil))
    func lunrBuildsAnIndexWithPhrasePairsTheSameEachTime() throws {
        let lunr = try #require(LunrIndex.debian(cacheFolder: nil))
        let documents = [
            SearchDocument(page: "a.html", title: "A", id: "", heading: "Rates", text: "the learning rate here and a learning rate there", topic: "A"),
            SearchDocument(page: "b.html", title: "B", id: "", heading: "Steps", text: "one step", topic: "B: what the learning rate does"),
        ]
        let index = try lunr.build(documents)
        #expect(index.hasPrefix("{\"version\":\"2.3.9\""))
        #expect(index.contains("\"learning_r"), "the pairs field holds the phrase")
        #expect(try lunr.build(documents) == index, "the same documents give the same bytes")
        #expect(lunr.assets["lunr.min.js"]?.isEmpty == false)
    }

    /// A reference page's sections count a fifth of a chapter's (`ReferencePages.searchBoost`),
    /// so a word the book teaches finds its chapter before the type of that name.
    @Test(.enabled(if: LunrIndex.debian(cacheFolder: nil) != nil))
    func referenceSectionsAreBoostedBelowChapters() throws {
        let lunr = try #require(LunrIndex.debian(cacheFolder: nil))
        let sections = [SearchSection(id: "momentum", heading: "Momentum", text: "a velocity that remembers past steps")]
        let documents = SearchIndex.documents([(file: "08-sgd.html", title: "SGD and momentum", topic: "SGD and momentum", sections: sections),
                                               (file: "reference-Learning-Momentum.html", title: "Momentum", topic: "Momentum", sections: sections)])
        #expect(documents.map(\.boost) == [1, ReferencePages.searchBoost])
        #expect(documents[1].json.hasSuffix(",\"boost\":0.2}"))
        var even = documents
        even[1].boost = 1
        #expect(try lunr.build(documents) != lunr.build(even), "lunr's index weighs the boost")
    }
}
