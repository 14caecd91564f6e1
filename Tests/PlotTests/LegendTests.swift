import Testing
@testable import Plot

@Suite struct LegendTests {
    private func entry(_ name: String, line: Bool = true) -> LegendEntry {
        LegendEntry(name: name, colour: "#0072B2", dash: line ? "" : nil, marker: line ? nil : .circle)
    }

    @Test func entriesFlowLeftToRight() {
        let legend = Legend([entry("a"), entry("b")], width: 500)
        #expect(legend.rows == 1)
        #expect(legend.places.map(\.row) == [0, 0])
        #expect(legend.places[1].x > legend.places[0].x)
    }

    @Test func wrapsWhenTooWide() {
        let names = ["learning rate 0.001", "learning rate 0.01", "learning rate 0.1", "learning rate 1"]
        let legend = Legend(names.map { entry($0) }, width: 480)
        #expect(legend.rows == 2)
        #expect(legend.places.map(\.row) == [0, 0, 1, 1])
        #expect(legend.places[2].x == 0)
    }

    @Test func noEntriesNoRows() {
        #expect(Legend([], width: 300).rows == 0)
    }

    @Test func drawsASwatchAndTheNamePerEntry() throws {
        var svg = SVG()
        Legend([entry("a < b"), entry("c", line: false)], width: 500).draw(into: &svg, left: 0, top: 0)
        let group = try XML.parse(svg.markup)
        #expect(group.elements("text").map(\.text) == ["a < b", "c"])
        #expect(group.elements("path").count == 2)
    }
}
