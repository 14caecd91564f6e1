/// Curves of y against x, several series with a legend: loss against iteration,
/// sigmoid and its slope.
///
/// ```swift
/// let plot = LinePlot(title: "Sigmoid and its slope", xLabel: "z", yLabel: "value")
///     .series("σ(z)", xs: zs, ys: zs.map(sigmoid))
///     .series("σ′(z)", xs: zs, ys: zs.map(sigmoidSlope))
/// show(plot.figure(caption: "Sigmoid flattens at both ends.", alt: "Two curves ..."))
/// ```
/// Series `k` is drawn in colour `k` and dash pattern `k`. Axis ranges cover the data,
/// widened to whole tick steps, unless given. Points that cannot be drawn (NaN, infinite,
/// or not positive on a logarithmic y axis) break the line rather than stop the figure.
public struct LinePlot {
    /// One named curve through the points (xs[i], ys[i]).
    struct Series {
        var name: String
        var xs: [Double]
        var ys: [Double]
    }

    var title: String?
    var xLabel: String
    var yLabel: String
    var logarithmicY: Bool
    var xRange: ClosedRange<Double>?
    var yRange: ClosedRange<Double>?
    var series: [Series] = []

    /// An empty plot; `logarithmicY` spaces the y axis by powers of ten (for losses that fall
    /// by orders of magnitude); `xRange` and `yRange` fix the axes instead of fitting the data.
    public init(title: String? = nil, xLabel: String = "", yLabel: String = "", logarithmicY: Bool = false,
                xRange: ClosedRange<Double>? = nil, yRange: ClosedRange<Double>? = nil) {
        self.title = title
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.logarithmicY = logarithmicY
        self.xRange = xRange
        self.yRange = yRange
    }

    /// This plot with one more curve, named `name` in the legend, through (xs[i], ys[i]).
    public func series(_ name: String, xs: [Double], ys: [Double]) -> LinePlot {
        require(xs.count == ys.count, "series \"\(name)\" has \(xs.count) xs but \(ys.count) ys; give one y for each x")
        var plot = self
        plot.series.append(Series(name: name, xs: xs, ys: ys))
        return plot
    }

    /// This plot with one more curve through (0, ys[0]), (1, ys[1]), ...: a value per iteration.
    public func series(_ name: String, ys: [Double]) -> LinePlot {
        series(name, xs: ys.indices.map(Double.init), ys: ys)
    }

    /// The finished figure.
    public func figure(caption: String, alt: String) -> Figure {
        require(!series.isEmpty, "line plot has no series; add one with .series(name, xs:, ys:)")
        let chart = Chart(title: title, xLabel: xLabel, yLabel: yLabel, x: xAxis(), y: yAxis(),
                          legend: series.count > 1 ? legendEntries() : [])
        return chart.figure(caption: caption, alt: alt) { svg in
            for (index, curve) in series.enumerated() {
                var attributes: [SVG.Attribute] = [
                    ("class", "plot-series"), ("d", chart.pathData(xs: curve.xs, ys: curve.ys)),
                    ("stroke", Palette.colour(index)), ("stroke-width", "2.5"),
                    ("stroke-linejoin", "round"), ("stroke-linecap", "round"),
                ]
                if !Palette.dash(index).isEmpty { attributes.append(("stroke-dasharray", Palette.dash(index))) }
                svg.empty("path", attributes)
            }
        }
    }

    private func legendEntries() -> [LegendEntry] {
        series.indices.map { LegendEntry(name: series[$0].name, colour: Palette.colour($0), dash: Palette.dash($0), marker: nil) }
    }

    private func xAxis() -> Axis {
        if let xRange { return .linear(xRange.lowerBound, xRange.upperBound, extend: false) }
        let values = series.flatMap(\.xs).filter(\.isFinite)
        require(!values.isEmpty, "line plot has no finite x values to draw")
        return .linear(values.min()!, values.max()!)
    }

    private func yAxis() -> Axis {
        if logarithmicY {
            let values = series.flatMap(\.ys).filter { $0.isFinite && $0 > 0 }
            if let yRange { return .logarithmic(yRange.lowerBound, yRange.upperBound) }
            require(!values.isEmpty, "a logarithmic y axis needs positive values; the series have none")
            return .logarithmic(values.min()!, values.max()!)
        }
        if let yRange { return .linear(yRange.lowerBound, yRange.upperBound, extend: false) }
        let values = series.flatMap(\.ys).filter(\.isFinite)
        require(!values.isEmpty, "line plot has no finite y values to draw")
        return .linear(values.min()!, values.max()!)
    }
}
