import Testing
@testable import Plot

@Suite struct DecisionRegionsTests {
    private let chart = Chart(title: nil, xLabel: "", yLabel: "", x: .linear(-1, 1, extend: false),
                              y: .linear(-1, 1, extend: false), legend: [])

    @Test func cellsTakeTheClassAtTheirCentre() {
        let regions = DecisionRegions(resolution: 10) { x, y in x > 0 ? 1 : (y > 0 ? 2 : 0) }
        let grid = regions.grid(chart: chart)
        #expect(grid[0].count == 10)
        #expect(grid.allSatisfy { Array($0[5...]) == Array(repeating: 1, count: 5) })
        // Row 0 is the top of the plot, where y > 0.
        #expect(Array(grid.first![..<5]) == [2, 2, 2, 2, 2])
        #expect(Array(grid.last![..<5]) == [0, 0, 0, 0, 0])
    }

    @Test func cellsAreSquare() {
        let grid = DecisionRegions(resolution: 40) { _, _ in 0 }.grid(chart: chart)
        let cellWidth = (chart.right - chart.left) / 40
        let cellHeight = (chart.bottom - chart.top) / Double(grid.count)
        #expect(abs(cellWidth - cellHeight) < cellWidth * 0.05)
    }

    @Test func onePathPerClassWithRowsMerged() throws {
        var svg = SVG()
        DecisionRegions(resolution: 10) { x, _ in x > 0 ? 1 : 0 }.draw(into: &svg, chart: chart)
        let group = try XML.parse(svg.markup)
        #expect(group.attributes["fill-opacity"] == DecisionRegions.tint)
        let paths = group.elements("path")
        #expect(paths.map { $0.attributes["fill"]! } == [Palette.colour(0), Palette.colour(1)])
        let rows = DecisionRegions(resolution: 10) { _, _ in 0 }.grid(chart: chart).count
        // Each row is a single run of each class: one rectangle per row per class.
        #expect(paths.allSatisfy { $0.attributes["d"]!.filter { $0 == "M" }.count == rows })
    }
}
