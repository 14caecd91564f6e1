import Testing
@testable import Plot

@Suite struct TicksTests {
    @Test func dataUpTo093GetsTicksInStepsOf02() {
        let axis = Axis.linear(0, 0.93)
        #expect(axis.ticks.map(\.label) == ["0.0", "0.2", "0.4", "0.6", "0.8", "1.0"])
        #expect(axis.lower == 0 && axis.upper == 1)
        #expect(axis.ticks[3].value == 0.6)  // 3 × 2 / 10, not 0.6000000000000001
    }

    @Test func stepsAreOneTwoOrFiveTimesAPowerOfTen() {
        #expect(Axis.linear(-6, 6).ticks.map(\.label) == ["\u{2212}6", "\u{2212}4", "\u{2212}2", "0", "2", "4", "6"])
        #expect(Axis.linear(0, 59).ticks.map(\.value) == [0, 10, 20, 30, 40, 50, 60])
        #expect(Axis.linear(0, 1900).ticks.map(\.value) == [0, 500, 1000, 1500, 2000])
        #expect(Axis.linear(0.0012, 0.0049).ticks.map(\.label) == ["0.001", "0.002", "0.003", "0.004", "0.005"])
    }

    @Test func neverMoreThanSixIntervals() {
        for (low, high) in [(0.0, 0.93), (-3.2, 7.9), (0.0012, 0.0049), (1, 999), (-1e6, 3e6), (0.5, 0.51)] {
            let axis = Axis.linear(low, high)
            #expect(axis.ticks.count - 1 <= Axis.maximumIntervals, "\(low)...\(high)")
            #expect(axis.ticks.count >= 3, "\(low)...\(high)")
            #expect(axis.lower <= low && axis.upper >= high, "\(low)...\(high)")
        }
    }

    @Test func aSingleValueGetsARangeAroundIt() {
        let axis = Axis.linear(3, 3)
        #expect(axis.lower < 3 && axis.upper > 3)
        #expect(Axis.linear(0, 0).ticks.map(\.label) == ["\u{2212}1.0", "\u{2212}0.5", "0.0", "0.5", "1.0"])
    }

    @Test func givenRangeIsKept() {
        let axis = Axis.linear(-2, 2, extend: false)
        #expect(axis.lower == -2 && axis.upper == 2)
        #expect(axis.ticks.map(\.value) == [-2, -1, 0, 1, 2])
        let odd = Axis.linear(-0.93, 0.5, extend: false)
        #expect(odd.lower == -0.93 && odd.upper == 0.5)
        #expect(odd.ticks.allSatisfy { $0.value >= -0.93 && $0.value <= 0.5 })
    }

    @Test func logarithmicAxisMarksPowersOfTen() {
        let axis = Axis.logarithmic(0.013, 4.6)
        #expect(axis.ticks.map(\.label) == ["0.01", "0.1", "1", "10"])
        #expect(axis.lower == 0.01 && axis.upper == 10)
    }

    @Test func shortLogarithmicAxisAddsTwoAndFive() {
        #expect(Axis.logarithmic(0.2, 3).ticks.map(\.label) == ["0.1", "0.2", "0.5", "1", "2", "5", "10"])
    }

    @Test func longLogarithmicAxisThinsMarksButKeepsTheTop() {
        let axis = Axis.logarithmic(2e-9, 0.5)
        // Nine decades: every second power, counted from the top; one notation for the whole axis.
        #expect(axis.ticks.map(\.label) == ["10⁻⁸", "10⁻⁶", "10⁻⁴", "10⁻²", "10⁰"])
        #expect(axis.lower == 1e-9 && axis.upper == 1)
    }

    @Test func fractionPlacesValuesOnTheAxis() {
        let linear = Axis.linear(0, 0.93)
        #expect(linear.fraction(0.25) == 0.25)
        #expect(linear.fraction(.nan) == nil)
        let log = Axis.logarithmic(0.01, 10)
        #expect(abs(log.fraction(0.1)! - 1.0 / 3) < 1e-12)
        #expect(log.fraction(0) == nil)
        #expect(log.fraction(-1) == nil)
    }
}

@Suite struct TickLabelSpacingTests {
    /// Tick labels along the x axis of a line plot must not run into each other.
    @Test(arguments: [(0.0, 0.93), (-6, 6), (0, 3000), (0.0012, 0.0049), (-1e6, 3e6), (1e-7, 9e-7), (0.5, 0.51), (-123.4, 56.7)])
    func xTickLabelsDoNotOverlap(_ range: (Double, Double)) throws {
        let plot = LinePlot().series("y", xs: [range.0, range.1], ys: [0, 1])
        let chart = Chart(title: nil, xLabel: "", yLabel: "", x: .linear(range.0, range.1), y: .linear(0, 1), legend: [])
        let ticks = chart.x.ticks
        for (a, b) in zip(ticks, ticks.dropFirst()) {
            let gap = chart.place(b.value, 0)!.x - chart.place(a.value, 0)!.x
            let room = (textWidth(a.label, size: Chart.tickFont) + textWidth(b.label, size: Chart.tickFont)) / 2
            #expect(gap > room + 4, "\(a.label) and \(b.label) for \(range)")
        }
        #expect(throws: Never.self) { try XML.parse(plot.figure(caption: "c", alt: "a").svg) }
    }
}
