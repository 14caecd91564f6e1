import Testing
@testable import Site

@Suite struct SearchIndexTests {
    @Test func scriptAssignsAGlobalWithSafeStrings() {
        let script = SearchIndex.script([(file: "01-a.html", title: "A \"quoted\" </script>",
                                          sections: [SearchSection(id: "x", heading: "X", text: "one\n two\tthree")])])
        #expect(script == "window.bookSearchIndex = [\n{\"page\":\"01-a.html\",\"title\":\"A \\\"quoted\\\" \\u003c/script\\u003e\",\"id\":\"x\",\"heading\":\"X\",\"text\":\"one two three\"}\n];\n")
    }

    @Test func emptySectionsAreLeftOut() {
        let script = SearchIndex.script([(file: "a.html", title: "A", sections: [SearchSection(id: "", heading: "", text: "")])])
        #expect(script == "window.bookSearchIndex = [\n\n];\n")
    }
}

extension SearchIndexTests {
    @Test func jsonEscapesControlsAndLineSeparatorsKeepsOtherText() {
        #expect(SearchIndex.json("a\u{1}b\u{2028}c\\ σ é ✓") == "\"a\\u0001b\\u2028c\\\\ σ é ✓\"")
        #expect(SearchIndex.collapseSpaces("  one \n\n two\tthree  ") == "one two three")
    }
}
