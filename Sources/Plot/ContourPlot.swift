/// Contour lines of a function of two variables, with paths drawn over them: how gradient
/// descent and momentum travel down a narrow valley.
///
/// ```swift
/// let valley = { (x: Double, y: Double) in x * x + 10 * y * y }
/// let plot = ContourPlot(title: "A narrow valley", xLabel: "w₁", yLabel: "w₂",
///                        xRange: -2...2, yRange: -1...1, levels: [0.25, 1, 2, 4, 8], valley)
///     .path("gradient descent", xs: plainXs, ys: plainYs)
///     .path("momentum", xs: momentumXs, ys: momentumYs)
/// show(plot.figure(caption: "Momentum cuts through the valley.", alt: "..."))
/// ```
/// Contours are faint lines in the page's text colour (marching squares on a grid of
/// `resolution` cells each way), each labelled with its level at its upper right; path `k`
/// is drawn in colour `k` with marker `k` at every point, its first point circled.
public struct ContourPlot {
    /// A named path through (xs[i], ys[i]), e.g. the weights after each step.
    struct Path {
        var name: String
        var xs: [Double]
        var ys: [Double]
        /// Whether each point is numbered with its step (0 first; `StepNumbers`).
        var numbered = false
    }

    var title: String?
    var xLabel: String
    var yLabel: String
    var xRange: ClosedRange<Double>
    var yRange: ClosedRange<Double>
    var levels: [Double]?
    var resolution: Int
    var function: (Double, Double) -> Double
    var paths: [Path] = []

    /// Contours of `function(x, y)` over `xRange` × `yRange`, at `levels`, or, without
    /// levels, at round values (1, 2 or 5 × 10^k steps) between the function's least and
    /// greatest value there.
    public init(title: String? = nil, xLabel: String = "", yLabel: String = "",
                xRange: ClosedRange<Double>, yRange: ClosedRange<Double>, levels: [Double]? = nil,
                resolution: Int = 100, _ function: @escaping (Double, Double) -> Double) {
        require(resolution >= 2, "contours need a resolution of at least 2 cells, got \(resolution)")
        self.title = title
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.xRange = xRange
        self.yRange = yRange
        self.levels = levels
        self.resolution = resolution
        self.function = function
    }

    /// This plot with one more path, named `name` in the legend, through (xs[i], ys[i]);
    /// `numbered` writes each point's step number beside it (0 for the first), leaving out
    /// numbers that would crowd a point already numbered.
    public func path(_ name: String, xs: [Double], ys: [Double], numbered: Bool = false) -> ContourPlot {
        require(xs.count == ys.count, "path \"\(name)\" has \(xs.count) xs but \(ys.count) ys; give one y for each x")
        var plot = self
        plot.paths.append(Path(name: name, xs: xs, ys: ys, numbered: numbered))
        return plot
    }

    /// The levels drawn: the given ones, or round values strictly between the sampled
    /// function's least and greatest value.
    func contourLevels(_ samples: MarchingSquares.Samples) -> [Double] {
        if let levels { return levels }
        let values = samples.values.joined().filter(\.isFinite)
        guard let low = values.min(), let high = values.max(), low < high else { return [] }
        return Axis.linear(low, high, extend: false).ticks.map(\.value).filter { $0 > low && $0 < high }
    }

    /// The finished figure.
    public func figure(caption: String, alt: String) -> Figure {
        let samples = MarchingSquares.Samples(function, x: xRange, y: yRange, resolution: resolution)
        let entries = paths.indices.map {
            LegendEntry(name: paths[$0].name, colour: Palette.colour($0), dash: "", marker: .of($0))
        }
        let chart = Chart(title: title, xLabel: xLabel, yLabel: yLabel,
                          x: .linear(xRange.lowerBound, xRange.upperBound, extend: false),
                          y: .linear(yRange.lowerBound, yRange.upperBound, extend: false), legend: entries)
        let lines = contourLevels(samples).map { level in
            (level, MarchingSquares.lines(of: samples, level: level).map { line in
                (points: line.points.compactMap { chart.place($0.x, $0.y) }, isClosed: line.isClosed)
            })
        }
        return chart.figure(caption: caption, alt: alt) { svg in
            let contours = lines.flatMap(\.1).map { pathData($0.points, closed: $0.isClosed) }.joined()
            svg.empty("path", [("class", "plot-contours"), ("d", contours), ("stroke", "currentColor"),
                               ("stroke-opacity", "0.4"), ("stroke-width", "1"), ("stroke-linejoin", "round")])
            for (index, path) in paths.enumerated() {
                draw(path, colour: Palette.colour(index), marker: .of(index), chart: chart, into: &svg)
            }
            labelLevels(lines, chart: chart, into: &svg)
        }
    }

    /// Writes each level once, beside its longest line, at the point furthest up and to the
    /// right relative to that line's bounding box: nested rings put their labels in a
    /// diagonal row from the centre, clear of the plot's edges.
    /// The levels' text: smaller than the ticks (they sit among the lines), 8 px on a phone.
    static let levelFont = 13.0

    private func labelLevels(_ lines: [(Double, [(points: [(x: Double, y: Double)], isClosed: Bool)])], chart: Chart, into svg: inout SVG) {
        svg.group("g", [("class", "plot-levels"), ("font-size", n(Self.levelFont)), ("fill", "currentColor"), ("fill-opacity", "0.75")]) { svg in
            // Boxes of labels already written (left, top, right, bottom); a label that would
            // overlap one is left out: closely packed rings keep every other label.
            var taken: [(Double, Double, Double, Double)] = []
            for (level, pieces) in lines {
                let text = Number.compactLabel(level, decimals: 3)
                let room = textWidth(text, size: Self.levelFont) + 6
                guard let longest = pieces.max(by: { $0.points.count < $1.points.count }), longest.points.count >= 8 else { continue }
                let xs = longest.points.map(\.x), ys = longest.points.map(\.y)
                let centre = ((xs.min()! + xs.max()!) / 2, (ys.min()! + ys.max()!) / 2)
                let half = (max(1, (xs.max()! - xs.min()!) / 2), max(1, (ys.max()! - ys.min()!) / 2))
                let score = { (p: (x: Double, y: Double)) in (p.x - centre.0) / half.0 - (p.y - centre.1) / half.1 }
                let inside = longest.points.filter { $0.x < chart.right - room && $0.y > chart.top + Self.levelFont + 4 && $0.x > chart.left + 4 }
                guard let spot = inside.max(by: { score($0) < score($1) }) else { continue }
                let box = (spot.x + 1, spot.y - Self.levelFont - 4, spot.x + room, spot.y)
                guard !taken.contains(where: { box.0 < $0.2 && $0.0 < box.2 && box.1 < $0.3 && $0.1 < box.3 }) else { continue }
                taken.append(box)
                svg.text("text", [("x", n(spot.x + 3)), ("y", n(spot.y - 3))], text)
            }
        }
    }

    private func draw(_ path: Path, colour: String, marker: Marker, chart: Chart, into svg: inout SVG) {
        let points = zip(path.xs, path.ys).compactMap { chart.place($0, $1) }
        guard let start = points.first else { return }
        svg.group("g", [("class", "plot-path")]) { svg in
            svg.empty("path", [("d", pathData(points)), ("stroke", colour), ("stroke-width", "1.8"), ("stroke-linejoin", "round")])
            svg.empty("path", [("d", points.map { marker.path(x: $0.x, y: $0.y, size: 5) }.joined())] + marker.paint(colour))
            svg.empty("circle", [("cx", n(start.x)), ("cy", n(start.y)), ("r", "7"), ("stroke", colour), ("stroke-width", "1.5")])
        }
        if path.numbered {
            StepNumbers.draw(zip(path.xs, path.ys).map { chart.place($0, $1) }, colour: colour, into: &svg)
        }
    }
}
