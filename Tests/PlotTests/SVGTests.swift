import Testing
@testable import Plot

@Suite struct SVGTests {
    @Test func escapesAttributesAndText() throws {
        var svg = SVG()
        svg.group("g", [("class", #"a"b"#)]) { svg in
            svg.text("text", [("x", "1")], #"a < b & "c""#)
        }
        #expect(svg.markup == "<g class=\"a&quot;b\">\n <text x=\"1\">a &lt; b &amp; &quot;c&quot;</text>\n</g>\n")
        let root = try XML.parse(svg.markup)
        #expect(root.attributes["class"] == #"a"b"#)
        #expect(root.children.first?.text == #"a < b & "c""#)
    }

    @Test func writesEmptyElements() {
        var svg = SVG()
        svg.empty("circle", [("cx", n(1.006)), ("r", n(2))])
        #expect(svg.markup == "<circle cx=\"1.01\" r=\"2\"/>\n")
    }

    /// The smallest `font-size` written by `open`, `empty` or `text`, whichever wrote it.
    @Test func remembersTheSmallestFontSize() {
        var svg = SVG()
        #expect(svg.smallestFontSize == nil)
        svg.group("g", [("font-size", "15")]) { svg in
            svg.text("text", [("font-size", "12.5")], "a")
            svg.text("text", [], "b")
        }
        #expect(svg.smallestFontSize == 12.5)
        svg.empty("text", [("font-size", "11")])
        #expect(svg.smallestFontSize == 11)
        svg.text("text", [("font-size", "13")], "c")
        #expect(svg.smallestFontSize == 11)
    }

    @Test func pathDataJoinsPoints() {
        #expect(pathData([(0, 0), (1.5, 2), (3, -1)]) == "M0 0L1.5 2L3 -1")
        #expect(pathData([(0, 0), (1, 1)], closed: true) == "M0 0L1 1Z")
        #expect(pathData([]) == "")
    }
}
