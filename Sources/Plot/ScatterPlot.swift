/// Points coloured and shaped by class, optionally over a classifier's decision regions
/// and under lines such as a fitted model; points joined into a path are drawn over the lines.
///
/// ```swift
/// let plot = ScatterPlot(title: "Two moons", xLabel: "x₁", yLabel: "x₂")
///     .points(xs: xs, ys: ys, classes: labels, names: ["upper moon", "lower moon"])
///     .regions { x, y in network.predictClass(x, y) }
/// show(plot.figure(caption: "The boundary bends between the moons.", alt: "..."))
/// ```
/// Class `k` is drawn in colour `k` with marker shape `k` (circle, square, triangle, diamond,
/// plus, cross), so classes stay apart without colour. Axis ranges cover the points with a
/// 5% margin, unless given.
public struct ScatterPlot {
    /// The points of one class.
    struct Group {
        var name: String
        var classIndex: Int
        var xs: [Double]
        var ys: [Double]
        /// Whether a line joins the points in the order given (a path of iterates).
        var joined = false
        /// Whether each point of the path is numbered with its step (0 first; `StepNumbers`).
        var numbered = false
    }

    var title: String?
    var xLabel: String
    var yLabel: String
    var xRange: ClosedRange<Double>?
    var yRange: ClosedRange<Double>?
    var groups: [Group] = []
    var lines: [Group] = []
    var regions: DecisionRegions?

    /// An empty plot; `xRange` and `yRange` fix the axes instead of fitting the points.
    public init(title: String? = nil, xLabel: String = "", yLabel: String = "",
                xRange: ClosedRange<Double>? = nil, yRange: ClosedRange<Double>? = nil) {
        self.title = title
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.xRange = xRange
        self.yRange = yRange
    }

    /// This plot with the points (xs[i], ys[i]) of one class named `name`; the class number
    /// (colour and shape) is `classIndex`, or the next unused one. `joined` also draws a thin
    /// line in the class's colour from each point to the next, for a path such as the
    /// iterates of gradient descent; `numbered` writes each point's step number beside it
    /// (0 for the first), leaving out numbers that would crowd a point already numbered.
    public func points(_ name: String, xs: [Double], ys: [Double], classIndex: Int? = nil, joined: Bool = false,
                       numbered: Bool = false) -> ScatterPlot {
        require(xs.count == ys.count, "points \"\(name)\" have \(xs.count) xs but \(ys.count) ys; give one y for each x")
        var plot = self
        let next = (groups.map(\.classIndex).max() ?? -1) + 1
        plot.groups.append(Group(name: name, classIndex: classIndex ?? next, xs: xs, ys: ys, joined: joined, numbered: numbered))
        return plot
    }

    /// This plot with the points (xs[i], ys[i]) of class `classes[i]`, a number from 0;
    /// `names[k]` names class k in the legend.
    public func points(xs: [Double], ys: [Double], classes: [Int], names: [String]) -> ScatterPlot {
        require(xs.count == ys.count && ys.count == classes.count,
                     "points have \(xs.count) xs, \(ys.count) ys and \(classes.count) classes; give one of each per point")
        var plot = self
        for (k, name) in names.enumerated() {
            let members = classes.indices.filter { classes[$0] == k }
            plot = plot.points(name, xs: members.map { xs[$0] }, ys: members.map { ys[$0] }, classIndex: k)
        }
        let unnamed = classes.filter { $0 < 0 || $0 >= names.count }
        require(unnamed.isEmpty, "class \(unnamed.first ?? 0) has no name; give names for classes 0..<\((classes.max() ?? 0) + 1)")
        return plot
    }

    /// This plot with a line through (xs[i], ys[i]) drawn over the points, e.g. a fitted
    /// model; lines are in the page's text colour, line k with dash pattern k.
    public func line(_ name: String, xs: [Double], ys: [Double]) -> ScatterPlot {
        require(xs.count == ys.count, "line \"\(name)\" has \(xs.count) xs but \(ys.count) ys; give one y for each x")
        var plot = self
        plot.lines.append(Group(name: name, classIndex: lines.count, xs: xs, ys: ys))
        return plot
    }

    /// This plot over a background tinted by `classify(x, y)` on a grid of cells
    /// `resolution` across (the class number picks the tint, as for points).
    public func regions(resolution: Int = 100, _ classify: @escaping (Double, Double) -> Int) -> ScatterPlot {
        require(resolution >= 2, "regions need a resolution of at least 2 cells, got \(resolution)")
        var plot = self
        plot.regions = DecisionRegions(resolution: resolution, classify: classify)
        return plot
    }

    /// The finished figure.
    public func figure(caption: String, alt: String) -> Figure {
        require(!groups.isEmpty || (regions != nil && xRange != nil && yRange != nil),
                     "scatter plot has no points; add some with .points(name, xs:, ys:)")
        let everything = groups + lines
        let legend = groups.map { LegendEntry(name: $0.name, colour: Palette.colour($0.classIndex), dash: nil, marker: .of($0.classIndex)) }
            + lines.map { LegendEntry(name: $0.name, colour: "currentColor", dash: Palette.dash($0.classIndex), marker: nil) }
        let chart = Chart(title: title, xLabel: xLabel, yLabel: yLabel,
                          x: axis(xRange, everything.flatMap(\.xs)), y: axis(yRange, everything.flatMap(\.ys)), legend: legend)
        return chart.figure(caption: caption, alt: alt) { svg in
            regions?.draw(into: &svg, chart: chart)
            for group in groups where !group.joined { drawPoints(group, chart: chart, into: &svg) }
            for line in lines {
                let points = zip(line.xs, line.ys).compactMap { chart.place($0, $1) }
                var attributes: [SVG.Attribute] = [("class", "plot-line"), ("d", pathData(points)), ("stroke", "currentColor"),
                                                   ("stroke-width", "2"), ("stroke-linejoin", "round")]
                if !Palette.dash(line.classIndex).isEmpty { attributes.append(("stroke-dasharray", Palette.dash(line.classIndex))) }
                svg.empty("path", attributes)
            }
            // A path is what the figure is about: drawn last, over the lines, so a curve it
            // runs along (the cost it descends) does not hide its points.
            for group in groups where group.joined {
                // A point that cannot be drawn breaks the line, as in a line plot.
                let data = chart.pathData(xs: group.xs, ys: group.ys)
                svg.empty("path", [("class", "plot-points-path"), ("d", data), ("stroke", Palette.colour(group.classIndex)),
                                   ("stroke-width", "1.5"), ("stroke-linejoin", "round"), ("stroke-opacity", "0.8")])
                drawPoints(group, chart: chart, into: &svg)
                if group.numbered {
                    StepNumbers.draw(zip(group.xs, group.ys).map { chart.place($0, $1) }, colour: Palette.colour(group.classIndex), into: &svg)
                }
            }
        }
    }

    /// One class's markers, in its colour and shape.
    private func drawPoints(_ group: Group, chart: Chart, into svg: inout SVG) {
        let marker = Marker.of(group.classIndex)
        var data = ""
        for (x, y) in zip(group.xs, group.ys) {
            if let point = chart.place(x, y) { data += marker.path(x: point.x, y: point.y, size: 7) }
        }
        svg.empty("path", [("class", "plot-points"), ("d", data)] + marker.paint(Palette.colour(group.classIndex)))
    }

    /// The given range, or the values' range with a 5% margin, so no point sits on an axis;
    /// not widened to whole steps, which for points could waste half the plot.
    private func axis(_ range: ClosedRange<Double>?, _ values: [Double]) -> Axis {
        if let range { return .linear(range.lowerBound, range.upperBound, extend: false) }
        let finite = values.filter(\.isFinite)
        require(!finite.isEmpty, "scatter plot has no finite coordinates to draw")
        let low = finite.min()!, high = finite.max()!
        let margin = low == high ? 1 : (high - low) * 0.05
        return .linear(low - margin, high + margin, extend: false)
    }
}
