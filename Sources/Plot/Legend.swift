/// One entry of a legend: a swatch (a line, a marker, or both) and the series' name.
struct LegendEntry {
    var name: String
    var colour: String
    /// `stroke-dasharray` of the line swatch; nil draws no line.
    var dash: String?
    /// The marker drawn on the swatch; nil draws none.
    var marker: Marker?

    /// A line needs room to show its dash pattern; a marker alone needs only its own size.
    var swatchWidth: Double { dash == nil ? 10 : Legend.swatchWidth }
}

/// Legend entries laid out in rows above the plot area, wrapping to the width available.
///
/// Above the data rather than over it, so a legend never hides a curve or a point.
struct Legend {
    static let rowHeight = 23.0
    static let swatchWidth = 26.0
    /// The tick labels' size (`Chart.tickFont`), for the same reason.
    static let fontSize = Chart.tickFont

    var entries: [LegendEntry]
    /// Each entry's horizontal offset and row, in the order of `entries`.
    private(set) var places: [(x: Double, row: Int)] = []
    /// How many rows the legend takes; zero without entries.
    private(set) var rows = 0

    /// Entries placed left to right, starting a new row when the next would pass `width`.
    init(_ entries: [LegendEntry], width: Double) {
        self.entries = entries
        var x = 0.0
        var row = 0
        for entry in entries {
            let entryWidth = entry.swatchWidth + 6 + textWidth(entry.name, size: Self.fontSize) + 18
            if x > 0 && x + entryWidth > width {
                row += 1
                x = 0
            }
            places.append((x, row))
            x += entryWidth
        }
        rows = entries.isEmpty ? 0 : row + 1
    }

    /// Draws the legend with its first row's middle at `top + rowHeight / 2`, starting at `left`.
    func draw(into svg: inout SVG, left: Double, top: Double) {
        guard !entries.isEmpty else { return }
        svg.group("g", [("class", "plot-legend")]) { svg in
            for (entry, place) in zip(entries, places) {
                let x = left + place.x
                let y = top + Double(place.row) * Self.rowHeight + Self.rowHeight / 2
                if let dash = entry.dash {
                    var attributes: [SVG.Attribute] = [
                        ("d", "M\(n(x)) \(n(y))H\(n(x + entry.swatchWidth))"),
                        ("stroke", entry.colour), ("stroke-width", "2.5"),
                    ]
                    if !dash.isEmpty { attributes.append(("stroke-dasharray", dash)) }
                    svg.empty("path", attributes)
                }
                if let marker = entry.marker {
                    svg.empty("path", [("d", marker.path(x: x + entry.swatchWidth / 2, y: y, size: 8))] + marker.paint(entry.colour))
                }
                svg.text("text", [
                    ("x", n(x + entry.swatchWidth + 6)), ("y", n(y)), ("dy", "0.35em"),
                    ("font-size", n(Self.fontSize)), ("fill", "currentColor"),
                ], entry.name)
            }
        }
    }
}

/// An estimate of how wide `text` is at `size`: system-ui averages about 0.55 em a character.
///
/// SVG cannot measure text before a browser renders it; a slight overestimate keeps labels apart.
func textWidth(_ text: String, size: Double) -> Double {
    Double(text.count) * size * 0.58
}
