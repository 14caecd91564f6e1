import Testing
@testable import Plot

@Suite struct ChartTests {
    private func chart(title: String? = nil, legend: [LegendEntry] = []) -> Chart {
        Chart(title: title, xLabel: "x", yLabel: "y", x: .linear(0, 10), y: .linear(-1, 1), legend: legend)
    }

    @Test func placesDataCornersOnThePlotArea() {
        let c = chart()
        #expect(c.place(0, -1)! == (c.left, c.bottom))
        #expect(c.place(10, 1)! == (c.right, c.top))
        let middle = c.place(5, 0)!
        #expect(abs(middle.x - (c.left + c.right) / 2) < 1e-9 && abs(middle.y - (c.top + c.bottom) / 2) < 1e-9)
        #expect(c.place(.infinity, 0) == nil)
    }

    @Test func titleAndLegendTakeRoomAtTheTop() {
        let plain = chart()
        let titled = chart(title: "T")
        let withLegend = chart(title: "T", legend: [LegendEntry(name: "a", colour: "#000000", dash: "", marker: nil)])
        #expect(titled.top > plain.top)
        #expect(withLegend.top >= titled.top + Legend.rowHeight)
        #expect(plain.left > 0 && plain.right < Chart.width && plain.bottom < Chart.height)
    }

    @Test func drawsGridAxesTicksAndLabels() throws {
        let c = chart(title: "Title")
        let root = try XML.parse(c.figure(caption: "c", alt: "a") { svg in svg.empty("path", [("class", "data"), ("d", "M0 0")]) }.svg)
        let texts = root.elements("text").map(\.text)
        #expect(texts.contains("Title") && texts.contains("x") && texts.contains("y"))
        for label in ["0", "2", "4", "6", "8", "10", "\u{2212}1.0", "0.0", "1.0"] { #expect(texts.contains(label), "tick \(label)") }
        #expect(root.elements(class: "plot-grid").count == 1)
        // The data sits inside the clipped group.
        let clipped = root.all.first { $0.attributes["clip-path"] != nil }!
        #expect(clipped.elements(class: "data").count == 1)
    }
}

@Suite struct TitleFitTests {
    @Test func shortTitlesKeepTheirSize() {
        #expect(fittedFontSize("Loss", size: 15, width: 600) == 15)
    }

    @Test func longTitlesShrinkToFit() {
        let title = String(repeating: "a very long title ", count: 5)
        let size = fittedFontSize(title, size: 15, width: 600)
        #expect(size < 15 && size >= 10)
        #expect(textWidth(title, size: size) <= 600)
    }
}
