import Testing
@testable import Plot

@Suite struct MarchingSquaresTests {
    private func radius(_ p: (x: Double, y: Double)) -> Double { (p.x * p.x + p.y * p.y).squareRoot() }

    @Test func circlesOfXSquaredPlusYSquared() {
        for (level, r) in [(1.0, 1.0), (0.25, 0.5), (2.25, 1.5)] {
            let lines = MarchingSquares.lines(of: { x, y in x * x + y * y }, x: -2...2, y: -2...2, resolution: 80, level: level)
            #expect(lines.count == 1, "level \(level)")
            #expect(lines[0].isClosed)
            #expect(lines[0].points.allSatisfy { abs(radius($0) - r) < 0.01 }, "level \(level)")
            // A ring of about 2πr / cell size points, each crossing once.
            #expect(lines[0].points.count > Int(2 * 3.14 * r / 0.05))
        }
    }

    @Test func twoSeparateRings() {
        let f = { (x: Double, y: Double) in min((x - 1) * (x - 1) + y * y, (x + 1) * (x + 1) + y * y) }
        let lines = MarchingSquares.lines(of: f, x: -2...2, y: -2...2, resolution: 60, level: 0.25)
        #expect(lines.count == 2)
        #expect(lines.allSatisfy { $0.isClosed })
    }

    @Test func aStraightLineAcrossIsOpen() {
        let lines = MarchingSquares.lines(of: { x, _ in x }, x: -1...1, y: -1...1, resolution: 10, level: 0.33)
        #expect(lines.count == 1)
        #expect(!lines[0].isClosed)
        #expect(lines[0].points.allSatisfy { abs($0.x - 0.33) < 1e-12 })
        let ys = lines[0].points.map(\.y)
        #expect(ys.min() == -1 && ys.max() == 1)
        #expect(lines[0].points.count == 11)  // one crossing per row of grid corners
    }

    @Test func saddlesAreResolvedByTheCentre() {
        // x·y = 0.1: two branches of a hyperbola in opposite quadrants, never joined.
        let lines = MarchingSquares.lines(of: { x, y in x * y }, x: -1...1, y: -1...1, resolution: 7, level: 0.1)
        #expect(lines.count == 2)
        for line in lines {
            #expect(!line.isClosed)
            #expect(line.points.allSatisfy { $0.x * $0.y > 0 })
        }
    }

    @Test func noLineOutsideTheRange() {
        #expect(MarchingSquares.lines(of: { x, y in x * x + y * y }, x: -1...1, y: -1...1, resolution: 20, level: 9).isEmpty)
    }
}
