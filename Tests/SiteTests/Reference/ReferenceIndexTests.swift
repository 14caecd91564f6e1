import Testing
@testable import Site

@Suite struct ReferenceIndexTests {
    /// The summary a hover and the overview show is the first sentence as plain text.
    @Test func theSummaryIsTheFirstSentenceAsPlainText() {
        #expect(ReferenceIndex.firstSentence("The derivatives with respect to a layer's **parameters**: stored.\nMore here. And more.")
            == "The derivatives with respect to a layer's parameters: stored.")
        #expect(ReferenceIndex.firstSentence("See *Neural Networks*, lecture 6e, and `oneHot(_:classes:)`. Then") ==
            "See Neural Networks, lecture 6e, and oneHot(_:classes:).")
        #expect(ReferenceIndex.firstSentence("Only a line\n\nA second paragraph.") == "Only a line")
        #expect(ReferenceIndex.firstSentence("") == "")
        #expect(ReferenceIndex.firstSentence("One function, g(W ... g(W X + b) ... + b). Layer l takes") == "One function, g(W ... g(W X + b) ... + b).")
        // Math reads as the chapters' plain text of it, not as TeX.
        #expect(!ReferenceIndex.firstSentence("Computes $`A^{[L]}`$. Then").contains("{"))
    }
}
