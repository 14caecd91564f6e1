/// The frame every x-y figure shares: title, legend, plot area, grid, axes, ticks and labels.
///
/// Plot types decide the axes and the legend, then draw their data in plot-area pixels
/// through `place(_:_:)`; the chart clips that drawing to the plot area and draws the
/// axes over it. Sizes are viewBox units (the figure scales as a whole).
///
/// Text is sized for the smallest screen the figure is read on: a phone 390 px wide shows
/// the 640-unit drawing about 390 px wide (the page lets figures span the window there), so
/// a 15-unit tick label is about 9 px tall, the least that reads without zooming; 12 units
/// was 6.6 px. On a wide screen the drawing is about 640 to 670 px wide and that text is
/// 15 to 16 px, the size of matplotlib's 10-point default at 100 dpi and less than the prose.
struct Chart {
    static let width = 640.0
    static let height = 420.0
    static let tickFont = 15.0
    static let labelFont = 15.0
    static let titleFont = 17.0

    var title: String?
    var xLabel: String
    var yLabel: String
    var x: Axis
    var y: Axis
    var legend: Legend

    /// The plot area's edges in viewBox units: data lives inside these.
    let left: Double, right: Double, top: Double, bottom: Double

    init(title: String?, xLabel: String, yLabel: String, x: Axis, y: Axis, legend entries: [LegendEntry]) {
        self.title = title
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.x = x
        self.y = y
        let widestTick = y.ticks.map { textWidth($0.label, size: Self.tickFont) }.max() ?? 0
        left = 14 + (yLabel.isEmpty ? 0 : Self.labelFont + 8) + widestTick + 8
        right = Self.width - 24
        legend = Legend(entries, width: right - left)
        var top = 14.0
        if title != nil { top += Self.titleFont + 10 }
        top += Double(legend.rows) * Legend.rowHeight + (legend.rows > 0 ? 6 : 0)
        self.top = top
        bottom = Self.height - 14 - (xLabel.isEmpty ? 0 : Self.labelFont + 8) - Self.tickFont - 10
    }

    /// The viewBox position of the data point (x, y); nil when it cannot be drawn
    /// (not finite, or not positive on a logarithmic axis).
    func place(_ dataX: Double, _ dataY: Double) -> (x: Double, y: Double)? {
        guard let fx = x.fraction(dataX), let fy = y.fraction(dataY) else { return nil }
        return (left + fx * (right - left), bottom - fy * (bottom - top))
    }

    /// `M ... L ...` through the points that can be placed, in order, starting a new piece
    /// after each point that cannot (off a logarithmic axis, not finite).
    func pathData(xs: [Double], ys: [Double]) -> String {
        var data = ""
        var drawing = false
        for (x, y) in zip(xs, ys) {
            guard let point = place(x, y) else {
                drawing = false
                continue
            }
            data += (drawing ? "L" : "M") + n(point.x) + " " + n(point.y)
            drawing = true
        }
        return data
    }

    /// The finished figure: grid below, `content` clipped to the plot area, axes and text above.
    func figure(caption: String, alt: String, content: (inout SVG) -> Void) -> Figure {
        Figure(width: Self.width, height: Self.height, caption: caption, alt: alt, axes: axesDescription) { svg, id in
            svg.group("defs") { svg in
                svg.group("clipPath", [("id", "\(id)-area")]) { svg in
                    // A little margin, so a line along an edge or a point on it is not cut in half.
                    svg.empty("rect", [("x", n(left - 4)), ("y", n(top - 4)), ("width", n(right - left + 8)), ("height", n(bottom - top + 8))])
                }
            }
            drawGrid(into: &svg)
            svg.group("g", [("clip-path", "url(#\(id)-area)")]) { content(&$0) }
            drawAxes(into: &svg)
            if let title {
                svg.text("text", [
                    ("x", n(Self.width / 2)), ("y", n(14 + Self.titleFont)), ("text-anchor", "middle"),
                    ("font-size", n(fittedFontSize(title, size: Self.titleFont, width: Self.width - 24))),
                    ("font-weight", "600"), ("fill", "currentColor"),
                ], title)
            }
            legend.draw(into: &svg, left: left, top: top - Double(legend.rows) * Legend.rowHeight - 6)
        }
    }

    /// The axes' ranges and the plot area, in words, for comparing the frames of a slider.
    var axesDescription: String {
        func range(_ axis: Axis) -> String {
            "\(Number.svg(axis.lower)) to \(Number.svg(axis.upper))" + (axis.isLogarithmic ? " (log)" : "")
        }
        return "x axis \(range(x)), y axis \(range(y)), plot area \(n(left)),\(n(top)) to \(n(right)),\(n(bottom))"
    }

    /// Faint lines at every tick, so values can be read across the plot.
    private func drawGrid(into svg: inout SVG) {
        var data = ""
        for tick in x.ticks { if let p = place(tick.value, y.lower) { data += "M\(n(p.x)) \(n(top))V\(n(bottom))" } }
        for tick in y.ticks { if let p = place(x.lower, tick.value) { data += "M\(n(left)) \(n(p.y))H\(n(right))" } }
        svg.empty("path", [("class", "plot-grid"), ("d", data), ("stroke", "currentColor"), ("stroke-opacity", "0.13"), ("stroke-width", "1")])
    }

    /// The left and bottom axis lines, tick marks, tick labels and axis labels.
    private func drawAxes(into svg: inout SVG) {
        svg.group("g", [("class", "plot-axes"), ("fill", "currentColor"), ("font-size", n(Self.tickFont))]) { svg in
            var marks = "M\(n(left)) \(n(top))V\(n(bottom))H\(n(right))"
            for tick in x.ticks { if let p = place(tick.value, y.lower) { marks += "M\(n(p.x)) \(n(bottom))v5" } }
            for tick in y.ticks { if let p = place(x.lower, tick.value) { marks += "M\(n(left)) \(n(p.y))h-5" } }
            svg.empty("path", [("d", marks), ("fill", "none"), ("stroke", "currentColor"), ("stroke-width", "1")])
            for tick in x.ticks {
                guard let p = place(tick.value, y.lower) else { continue }
                svg.text("text", [("x", n(p.x)), ("y", n(bottom + 8 + Self.tickFont)), ("text-anchor", "middle")], tick.label)
            }
            for tick in y.ticks {
                guard let p = place(x.lower, tick.value) else { continue }
                svg.text("text", [("x", n(left - 8)), ("y", n(p.y)), ("dy", "0.35em"), ("text-anchor", "end")], tick.label)
            }
            if !xLabel.isEmpty {
                svg.text("text", [
                    ("x", n((left + right) / 2)), ("y", n(Self.height - 14)), ("text-anchor", "middle"), ("font-size", n(Self.labelFont)),
                ], xLabel)
            }
            if !yLabel.isEmpty {
                let middle = (top + bottom) / 2
                svg.text("text", [
                    ("transform", "translate(\(n(14 + Self.labelFont)) \(n(middle))) rotate(-90)"),
                    ("text-anchor", "middle"), ("font-size", n(Self.labelFont)),
                ], yLabel)
            }
        }
    }
}

/// `size`, or smaller (down to 10) if `text` would be wider than `width` at `size`: a long
/// title shrinks rather than runs off the figure.
func fittedFontSize(_ text: String, size: Double, width: Double) -> Double {
    let needed = textWidth(text, size: size)
    return needed <= width ? size : max(10, (size * width / needed * 10).rounded(.down) / 10)
}
