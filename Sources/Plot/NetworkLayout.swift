/// Where a `NetworkDiagram`'s nodes, edges and labels go, and how they are drawn.
///
/// Columns are evenly spaced; nodes sit `spacing` apart, each column centred vertically,
/// a bias node (if any) one place above its column's first node.
struct NetworkLayout {
    static let width = 640.0
    static let spacing = 84.0
    static let labelFont = 12.0
    static let nodeFont = 15.0

    let diagram: NetworkDiagram
    let radius: Double
    let top: Double
    let height: Double
    /// positions[l][k]: centre of node k of layer l.
    let positions: [[(x: Double, y: Double)]]
    /// biasPositions[l]: centre of the bias node drawn in column l, feeding layer l+1.
    let biasPositions: [(x: Double, y: Double)?]

    init(_ diagram: NetworkDiagram) {
        self.diagram = diagram
        let widest = diagram.layers.joined().map { textWidth($0, size: Self.nodeFont) }.max() ?? 0
        radius = max(20, widest / 2 + 8)
        var top = 16.0
        if diagram.title != nil { top += 26 }
        if !diagram.layerNames.isEmpty { top += 22 }
        self.top = top
        let columns = diagram.layers.count
        let hasBias = (0..<columns).map { $0 + 1 < columns && diagram.biasLabels[$0 + 1] != nil }
        // Slots per column: its nodes, plus one above them for a bias node.
        let slots = (0..<columns).map { diagram.layers[$0].count + (hasBias[$0] ? 1 : 0) }
        let tallest = Double(slots.max()!)
        height = top + tallest * Self.spacing + 12
        // Room for the outer nodes and for the names written centred above the outer columns.
        let names = [diagram.layerNames.first, diagram.layerNames.last].compactMap { $0 }
        let margin = max(radius + 40, (names.map { textWidth($0, size: 13) }.max() ?? 0) / 2 + 10)
        let step = (Self.width - 2 * margin) / Double(columns - 1)
        var positions: [[(x: Double, y: Double)]] = []
        var biasPositions: [(x: Double, y: Double)?] = []
        for l in 0..<columns {
            let x = margin + Double(l) * step
            let first = top + (tallest - Double(slots[l])) * Self.spacing / 2 + Self.spacing / 2
            let offset = hasBias[l] ? 1.0 : 0
            positions.append(diagram.layers[l].indices.map { (x, first + (Double($0) + offset) * Self.spacing) })
            biasPositions.append(hasBias[l] ? (x, first) : nil)
        }
        self.positions = positions
        self.biasPositions = biasPositions
    }

    func draw(into svg: inout SVG) {
        if let title = diagram.title {
            svg.text("text", [("x", n(Self.width / 2)), ("y", "30"), ("text-anchor", "middle"),
                              ("font-size", n(fittedFontSize(title, size: 15, width: Self.width - 24))),
                              ("font-weight", "600"), ("fill", "currentColor")], title)
        }
        svg.group("g", [("class", "plot-edges"), ("stroke", "currentColor"), ("stroke-opacity", "0.55"), ("stroke-width", "1.3")]) { svg in
            for l in 1..<positions.count {
                for target in positions[l] {
                    for source in positions[l - 1] { svg.empty("path", [("d", edge(source, target))]) }
                    if let bias = biasPositions[l - 1] {
                        svg.empty("path", [("d", edge(bias, target)), ("stroke-dasharray", "4 3")])
                    }
                }
            }
        }
        svg.group("g", [("class", "plot-edge-labels"), ("fill", "currentColor"), ("font-size", n(Self.labelFont)), ("text-anchor", "middle")]) { svg in
            for l in 1..<positions.count {
                let t = labelPosition(into: l)
                for (j, target) in positions[l].enumerated() {
                    if let labels = diagram.labels[l] {
                        for (k, source) in positions[l - 1].enumerated() { label(labels[j][k], source, target, at: t, into: &svg) }
                    }
                    if let bias = biasPositions[l - 1], let labels = diagram.biasLabels[l] {
                        label(labels[j], bias, target, at: t, into: &svg)
                    }
                }
            }
        }
        drawNodes(into: &svg)
    }

    private func drawNodes(into svg: inout SVG) {
        svg.group("g", [("class", "plot-nodes"), ("font-size", n(Self.nodeFont)), ("text-anchor", "middle")]) { svg in
            for (l, column) in positions.enumerated() {
                // First layer blue, last vermillion, hidden layers green: a light tint, so the
                // labels in the page's text colour stay readable.
                let colour = Palette.colour(l == 0 ? 0 : l == positions.count - 1 ? 1 : 2)
                if !diagram.layerNames.isEmpty {
                    svg.text("text", [("x", n(column[0].x)), ("y", n(top - 8)), ("font-size", "13"), ("fill", "currentColor"),
                                      ("fill-opacity", "0.8")], diagram.layerNames[l])
                }
                for (k, centre) in column.enumerated() {
                    svg.empty("circle", [("cx", n(centre.x)), ("cy", n(centre.y)), ("r", n(radius)), ("fill", colour),
                                         ("fill-opacity", "0.18"), ("stroke", colour), ("stroke-width", "2")])
                    svg.text("text", [("x", n(centre.x)), ("y", n(centre.y)), ("dy", "0.35em"), ("fill", "currentColor")],
                             diagram.layers[l][k])
                }
                if let bias = biasPositions[l] {
                    svg.empty("circle", [("cx", n(bias.x)), ("cy", n(bias.y)), ("r", n(radius * 0.75)), ("stroke", "currentColor"),
                                         ("stroke-width", "1.3"), ("stroke-dasharray", "4 3")])
                    svg.text("text", [("x", n(bias.x)), ("y", n(bias.y)), ("dy", "0.35em"), ("fill", "currentColor")], "1")
                }
            }
        }
    }

    /// The edge from the rim of one node to the rim of the other.
    private func edge(_ a: (x: Double, y: Double), _ b: (x: Double, y: Double)) -> String {
        let dx = b.x - a.x, dy = b.y - a.y
        let length = (dx * dx + dy * dy).squareRoot()
        let (ux, uy) = (dx / length, dy / length)
        return pathData([(a.x + ux * radius, a.y + uy * radius), (b.x - ux * (radius + 2), b.y - uy * (radius + 2))])
    }

    /// `text` along the edge from `a` to `b`, just above it, a fraction `labelPosition(into:)` of the way.
    private func label(_ text: String, _ a: (x: Double, y: Double), _ b: (x: Double, y: Double), at t: Double, into svg: inout SVG) {
        let x = a.x + t * (b.x - a.x), y = a.y + t * (b.y - a.y)
        let angle = angleInDegrees(x: b.x - a.x, y: b.y - a.y)
        svg.text("text", [("transform", "translate(\(n(x)) \(n(y))) rotate(\(n(angle)))"), ("y", "-4")], text)
    }

    /// How far along the edges into layer `l` their labels sit, from 0 (sending node) to 1.
    ///
    /// At a fraction t from the sending column, edges leaving one node are (t × spacing)
    /// apart per receiving node, while the bundle of the next sending node starts
    /// ((1 − t) × spacing) lower. Labels clear each other when both gaps exceed a label's
    /// height h: t ≥ h and 1 − t·T ≥ h for T receiving nodes. So labels go near the end with
    /// more nodes, in the middle of the window that works, which is widest there.
    func labelPosition(into l: Int) -> Double {
        let h = 18 / Self.spacing
        let senders = Double(positions[l - 1].count + (biasPositions[l - 1] == nil ? 0 : 1))
        let receivers = Double(positions[l].count)
        if receivers <= senders {
            return max(h, (h + (1 - h) / receivers) / 2)
        }
        return 1 - max(h, (h + (1 - h) / senders) / 2)
    }
}
