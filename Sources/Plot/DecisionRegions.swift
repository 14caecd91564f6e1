/// A classifier's answer over the whole plot area, drawn as lightly tinted cells.
///
/// The plot area is cut into `resolution` columns and as many rows as keep the cells
/// square; each cell is tinted with the colour of `classify` at its centre. Cells of one
/// class form a single path (runs of cells along each row merged into one rectangle),
/// which keeps the SVG small and leaves no hairline seams between neighbouring cells.
struct DecisionRegions {
    var resolution: Int
    var classify: (Double, Double) -> Int

    /// How strongly a region is tinted: light enough for points drawn on top to stand out,
    /// on a white page and on a dark one.
    static let tint = "0.2"

    /// The class of every cell, rows from the top of the plot area down.
    func grid(chart: Chart) -> [[Int]] {
        let (columns, rows) = size(chart: chart)
        return (0..<rows).map { row in
            let fy = 1 - (Double(row) + 0.5) / Double(rows)
            return (0..<columns).map { column in
                let fx = (Double(column) + 0.5) / Double(columns)
                return classify(value(chart.x, fx), value(chart.y, fy))
            }
        }
    }

    /// Draws one tinted path per class, in class order.
    func draw(into svg: inout SVG, chart: Chart) {
        let cells = grid(chart: chart)
        let (columns, rows) = size(chart: chart)
        let width = (chart.right - chart.left) / Double(columns)
        let height = (chart.bottom - chart.top) / Double(rows)
        var shapes: [Int: String] = [:]
        for (row, classes) in cells.enumerated() {
            var start = 0
            for column in 1...columns where column == columns || classes[column] != classes[start] {
                let x = chart.left + Double(start) * width
                let y = chart.top + Double(row) * height
                let run = Double(column - start) * width
                shapes[classes[start], default: ""] += "M\(n(x)) \(n(y))h\(n(run))v\(n(height))h\(n(-run))Z"
                start = column
            }
        }
        svg.group("g", [("class", "plot-regions"), ("fill-opacity", Self.tint)]) { svg in
            // Sorted keys: the same order, and so the same bytes, on every run.
            for classIndex in shapes.keys.sorted() {
                svg.empty("path", [("d", shapes[classIndex]!), ("fill", Palette.colour(classIndex))])
            }
        }
    }

    /// Columns and rows of cells: `resolution` across, square cells.
    private func size(chart: Chart) -> (columns: Int, rows: Int) {
        let aspect = (chart.bottom - chart.top) / (chart.right - chart.left)
        return (resolution, max(1, Int((Double(resolution) * aspect).rounded())))
    }

    /// The data value at fraction `f` of an axis.
    private func value(_ axis: Axis, _ f: Double) -> Double {
        axis.lower + f * (axis.upper - axis.lower)
    }
}
