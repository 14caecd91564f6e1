import Testing
@testable import Plot

@Suite struct FigureTests {
    private func sample(caption: String = "Caption.", alt: String = "Alt text.") -> Figure {
        Figure(width: 100, height: 50, caption: caption, alt: alt) { svg, id in
            svg.group("defs") { $0.empty("clipPath", [("id", "\(id)-area")]) }
            svg.empty("rect", [("clip-path", "url(#\(id)-area)")])
        }
    }

    @Test func rootIsAnAccessibleScalableImage() throws {
        let figure = sample()
        let root = try XML.parse(figure.svg)
        #expect(root.name == "svg")
        #expect(root.attributes["xmlns"] == "http://www.w3.org/2000/svg")
        #expect(root.attributes["role"] == "img")
        #expect(root.attributes["viewBox"] == "0 0 100 50")
        #expect(root.attributes["width"] == nil && root.attributes["height"] == nil)
        #expect(root.attributes["font-family"] == "system-ui, sans-serif")
        #expect(root.children.first?.name == "title")
        #expect(root.elements("title").first?.text == "Alt text.")
        #expect(root.elements("desc").first?.text == "Caption.")
    }

    /// The style says the drawing's width and its smallest font in viewBox units, which the
    /// website's style sheet turns into the least width at which that text is 11 px.
    @Test func styleStatesWidthAndSmallestFont() throws {
        let text = Figure(width: 640, height: 50, caption: "c", alt: "a") { svg, _ in
            svg.group("g", [("font-size", "15")]) { svg in svg.text("text", [("font-size", "12")], "label") }
        }
        #expect(try XML.parse(text.svg).attributes["style"] == "max-width: 100%; height: auto; --plot-width: 640; --plot-least-font: 12")
        // Without text there is no smallest font: the site then only fits the drawing.
        #expect(try XML.parse(sample().svg).attributes["style"] == "max-width: 100%; height: auto; --plot-width: 100")
    }

    @Test func labelsPointAtTitleAndDescription() throws {
        let root = try XML.parse(sample().svg)
        let ids = root.attributes["aria-labelledby"]!.split(separator: " ").map(String.init)
        #expect(ids == [root.elements("title")[0].attributes["id"]!, root.elements("desc")[0].attributes["id"]!])
    }

    @Test func idsArePrefixedPerFigure() throws {
        let one = try XML.parse(sample(caption: "One.").svg)
        let two = try XML.parse(sample(caption: "Two.").svg)
        let oneIds = one.all.compactMap { $0.attributes["id"] }
        let twoIds = two.all.compactMap { $0.attributes["id"] }
        #expect(oneIds.count == 3)
        #expect(Set(oneIds).isDisjoint(with: twoIds))
        #expect(oneIds.allSatisfy { $0.hasPrefix("plot-") })
        // The clip path reference follows the renamed id.
        #expect(one.elements("rect")[0].attributes["clip-path"] == "url(#\(one.elements("clipPath")[0].attributes["id"]!))")
        #expect(!sample().svg.contains("\u{1}"))
    }

    @Test func sameInputSameBytes() throws {
        try Golden.expect(sample().svg, "figure.svg")
    }

    @Test func hashIsFNV1a() {
        #expect(Figure.hash("") == "811c9dc5")  // the FNV-1a 32-bit offset basis
        #expect(Figure.hash("a") == "e40c292c")  // the published FNV-1a test value
    }

    @Test func escapesAltAndCaption() {
        let figure = sample(caption: "a < b", alt: #"x & "y""#)
        #expect(figure.svg.contains("<title id=\"") && figure.svg.contains(">x &amp; &quot;y&quot;</title>"))
        #expect(figure.svg.contains(">a &lt; b</desc>"))
        #expect(figure.caption == "a < b")
    }
}
