/// Where a `ComputationGraph`'s nodes and wires go, and how they are drawn.
///
/// Columns are evenly spaced across the width; rows are the graph's `rowSpacing` apart. Each wire runs from
/// rim to rim, with an arrowhead at the receiving node; its value is written just above it
/// and its gradient just below, both along the wire.
struct ComputationGraphLayout {
    static let width = 640.0
    static let labelFont = 12.0
    static let nodeFont = 15.0
    /// How far a wire going out reaches right of its node's centre.
    static let outputLength = 80.0

    let graph: ComputationGraph
    let top: Double
    let height: Double
    let legendY: Double
    /// centres[k]: the centre of node k; radii[k] its half-size.
    let centres: [(x: Double, y: Double)]
    let radii: [Double]

    init(_ graph: ComputationGraph) {
        self.graph = graph
        top = graph.title == nil ? 12 : 40
        let rows = graph.nodes.map(\.row).max()! + 1
        legendY = top + rows * graph.rowSpacing + 10
        height = legendY + 12
        radii = graph.nodes.map { max(17, textWidth($0.text, size: Self.nodeFont) / 2 + 8) }
        let columns = graph.nodes.map(\.column).max()!
        let margin = 40.0
        // Room on the right for the wires going out.
        let right = graph.outputs.isEmpty ? margin : margin + Self.outputLength
        let step = columns == 0 ? 0 : (Self.width - margin - right) / Double(columns)
        let top = self.top
        centres = graph.nodes.map { node in
            (columns == 0 ? Self.width / 2 : margin + Double(node.column) * step, top + (node.row + 0.5) * graph.rowSpacing)
        }
    }

    func draw(into svg: inout SVG) {
        if let title = graph.title {
            svg.text("text", [("x", n(Self.width / 2)), ("y", "26"), ("text-anchor", "middle"),
                              ("font-size", n(fittedFontSize(title, size: 15, width: Self.width - 24))),
                              ("font-weight", "600"), ("fill", "currentColor")], title)
        }
        svg.group("g", [("class", "plot-wires"), ("stroke", "currentColor"), ("stroke-opacity", "0.6"), ("stroke-width", "1.3")]) { svg in
            for edge in graph.edges + graph.outputs {
                let (start, end) = rims(edge)
                svg.empty("path", [("d", pathData([start, end]))])
                svg.empty("path", [("d", arrowhead(at: end, from: start)), ("fill", "currentColor"), ("stroke", "none")])
            }
        }
        svg.group("g", [("class", "plot-values"), ("fill", "currentColor"), ("font-size", n(Self.labelFont)), ("text-anchor", "middle")]) { svg in
            for edge in graph.edges + graph.outputs { label(edge.value, edge, dy: "-0.45em", into: &svg) }
        }
        svg.group("g", [("class", "plot-gradients"), ("fill", Palette.colour(1)), ("font-size", n(Self.labelFont)),
                        ("font-style", "italic"), ("text-anchor", "middle")]) { svg in
            for edge in graph.edges + graph.outputs { label(edge.gradient, edge, dy: "1.15em", into: &svg) }
        }
        drawNodes(into: &svg)
        svg.text("text", [("class", "plot-key"), ("x", n(Self.width / 2)), ("y", n(legendY)), ("text-anchor", "middle"),
                          ("font-size", "12"), ("fill", "currentColor"), ("fill-opacity", "0.8")],
                 "above each wire: the value going forward; below, in italics: the gradient coming back")
    }

    private func drawNodes(into svg: inout SVG) {
        svg.group("g", [("class", "plot-nodes"), ("font-size", n(Self.nodeFont)), ("text-anchor", "middle")]) { svg in
            for (k, node) in graph.nodes.enumerated() {
                let c = centres[k], r = radii[k]
                // Leaves blue, operations green, the result vermillion: light tints, so the
                // text in the page's colour stays readable.
                let colour = Palette.colour(node.kind == .leaf ? 0 : node.kind == .result ? 1 : 2)
                let paint: [SVG.Attribute] = [("fill", colour), ("fill-opacity", "0.18"), ("stroke", colour), ("stroke-width", "2")]
                switch node.kind {
                case .leaf:
                    svg.empty("rect", [("x", n(c.x - r)), ("y", n(c.y - 15)), ("width", n(2 * r)), ("height", "30"), ("rx", "5")] + paint)
                case .operation:
                    svg.empty("circle", [("cx", n(c.x)), ("cy", n(c.y)), ("r", n(r))] + paint)
                case .result:
                    svg.empty("circle", [("cx", n(c.x)), ("cy", n(c.y)), ("r", n(r))] + paint)
                    svg.empty("circle", [("cx", n(c.x)), ("cy", n(c.y)), ("r", n(r - 4)), ("stroke", colour), ("stroke-width", "1.2")])
                }
                svg.text("text", [("x", n(c.x)), ("y", n(c.y)), ("dy", "0.35em"), ("fill", "currentColor")], node.text)
            }
        }
    }

    /// How far a node's outline reaches from its centre towards direction (ux, uy).
    private func reach(_ k: Int, _ ux: Double, _ uy: Double) -> Double {
        let r = radii[k]
        guard graph.nodes[k].kind == .leaf else { return r }
        // A box of half-width r and half-height 15: the ray leaves through a side or the top.
        let toSide = abs(ux) > 1e-9 ? r / abs(ux) : .infinity
        let toTop = abs(uy) > 1e-9 ? 15 / abs(uy) : .infinity
        return min(toSide, toTop)
    }

    /// The wire's ends on the two outlines; a wire going out (from a node to itself) runs
    /// from the node's right rim to `outputLength` right of its centre.
    private func rims(_ edge: ComputationGraph.Edge) -> ((x: Double, y: Double), (x: Double, y: Double)) {
        let a = centres[edge.from]
        if edge.from == edge.to {
            return ((a.x + reach(edge.from, 1, 0), a.y), (a.x + Self.outputLength, a.y))
        }
        let b = centres[edge.to]
        let dx = b.x - a.x, dy = b.y - a.y
        let length = (dx * dx + dy * dy).squareRoot()
        let (ux, uy) = (dx / length, dy / length)
        let s = reach(edge.from, ux, uy), e = reach(edge.to, ux, uy) + 1
        return ((a.x + ux * s, a.y + uy * s), (b.x - ux * e, b.y - uy * e))
    }

    /// A small filled triangle pointing along the wire into `end`.
    private func arrowhead(at end: (x: Double, y: Double), from start: (x: Double, y: Double)) -> String {
        let dx = end.x - start.x, dy = end.y - start.y
        let length = (dx * dx + dy * dy).squareRoot()
        let (ux, uy) = (dx / length, dy / length)
        let back = (x: end.x - 8 * ux, y: end.y - 8 * uy)
        return pathData([end, (back.x - 3.5 * uy, back.y + 3.5 * ux), (back.x + 3.5 * uy, back.y - 3.5 * ux)], closed: true)
    }

    /// `text` along the wire, `labelAt` of the way, shifted `dy` across it (up for the value,
    /// down for the gradient).
    private func label(_ text: String, _ edge: ComputationGraph.Edge, dy: String, into svg: inout SVG) {
        let (start, end) = rims(edge)
        let t = edge.labelAt
        let x = start.x + t * (end.x - start.x), y = start.y + t * (end.y - start.y)
        let angle = angleInDegrees(x: end.x - start.x, y: end.y - start.y)
        svg.text("text", [("transform", "translate(\(n(x)) \(n(y))) rotate(\(n(angle)))"), ("dy", dy)], text)
    }
}
