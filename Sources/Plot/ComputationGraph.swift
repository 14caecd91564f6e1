/// A computation drawn as a circuit: leaves (inputs, weights) and operations as nodes, each
/// edge a wire carrying one number forward and, backward, the gradient of the result with
/// respect to that number (as in the circuit diagrams of CS231n's backpropagation notes).
///
/// ```swift
/// let graph = ComputationGraph(title: "f = (x + y) · z")
///     .node("x", "x", column: 0, row: 0, kind: .leaf)
///     .node("y", "y", column: 0, row: 1, kind: .leaf)
///     .node("z", "z", column: 1, row: 2, kind: .leaf)
///     .node("q", "+", column: 1, row: 0.5)
///     .node("f", "·", column: 2, row: 1.25, kind: .result)
///     .edge(from: "x", to: "q", value: -2, gradient: -4)
///     .edge(from: "y", to: "q", value: 5, gradient: -4)
///     .edge(from: "q", to: "f", value: 3, gradient: -4)
///     .edge(from: "z", to: "f", value: -4, gradient: 3)
/// show(graph.figure(caption: "…", alt: "…"))
/// ```
/// Nodes sit on a grid: `column` counts from the left (inputs first), `row` from the top and
/// may be fractional, to centre a node between others. Above each edge its forward value is
/// written in the text colour; below it, in vermillion and italic, the gradient
/// ∂(result)/∂(that value), so the two differ by position and style, not by colour alone.
/// Where a node feeds several edges (a fork), each edge carries its own gradient; their sum
/// is the node's gradient.
public struct ComputationGraph {
    /// How a node is drawn: a leaf (an input or a parameter) as a box, an operation as a
    /// circle, the result as a circle with a double rim.
    public enum Kind: Sendable {
        /// An input or a parameter, drawn as a box.
        case leaf
        /// An operation such as + or ×, drawn as a circle.
        case operation
        /// The value the graph computes, drawn as a circle with a double rim.
        case result
    }

    struct Node {
        var id: String
        var text: String
        var column: Int
        var row: Double
        var kind: Kind
    }

    struct Edge {
        var from: Int
        var to: Int
        var value: String
        var gradient: String
        var labelAt: Double
    }

    var title: String?
    var rowSpacing: Double
    var nodes: [Node] = []
    var edges: [Edge] = []
    /// Wires leaving a node to the right edge of the figure: the result going out, with the
    /// gradient 1 the backward pass starts from.
    var outputs: [Edge] = []

    /// An empty graph; add nodes, then the edges between them. Rows are `rowSpacing` apart
    /// (in a figure 640 wide); widen it when many wires leave one column, so their labels clear.
    public init(title: String? = nil, rowSpacing: Double = 76) {
        require(rowSpacing >= 40 && rowSpacing.isFinite, "rowSpacing must be 40 or more, not \(rowSpacing)")
        self.title = title
        self.rowSpacing = rowSpacing
    }

    /// This graph with a node named `id` (unique), showing `text` (`"x"`, `"·"`, `"σ"`), at
    /// grid place (`column`, `row`).
    public func node(_ id: String, _ text: String, column: Int, row: Double, kind: Kind = .operation) -> ComputationGraph {
        require(!nodes.contains { $0.id == id }, "node \"\(id)\" is already in the graph; give each node its own id")
        require(column >= 0 && row >= 0 && row.isFinite, "node \"\(id)\" needs a column and a row of 0 or more")
        var graph = self
        graph.nodes.append(Node(id: id, text: text, column: column, row: row, kind: kind))
        return graph
    }

    /// This graph with a wire from node `from` into node `to`, labelled with the number it
    /// carries forward (`value`) and its gradient, each with `decimals` places. The labels sit
    /// a fraction `labelAt` of the way along the wire (0 at `from`, 1 at `to`).
    public func edge(from: String, to: String, value: Double, gradient: Double, decimals: Int = 4,
                     labelAt: Double = 0.45) -> ComputationGraph {
        guard let source = nodes.firstIndex(where: { $0.id == from }) else {
            fatalError("no node \"\(from)\"; add nodes before the edges between them")
        }
        guard let target = nodes.firstIndex(where: { $0.id == to }) else {
            fatalError("no node \"\(to)\"; add nodes before the edges between them")
        }
        require(nodes[source].column < nodes[target].column,
                "edge \(from) → \(to) must go to a later column (\(nodes[source].column) → \(nodes[target].column))")
        require(labelAt > 0 && labelAt < 1, "labelAt must lie between 0 and 1, not \(labelAt)")
        var graph = self
        graph.edges.append(Edge(from: source, to: target, value: Number.label(value, decimals: decimals),
                                gradient: Number.label(gradient, decimals: decimals), labelAt: labelAt))
        return graph
    }

    /// This graph with a wire leaving node `id` to the right, labelled with the value it sends
    /// out and the gradient coming in (1 for the result a backward pass starts from).
    public func output(of id: String, value: Double, gradient: Double, decimals: Int = 4) -> ComputationGraph {
        guard let source = nodes.firstIndex(where: { $0.id == id }) else {
            fatalError("no node \"\(id)\"; add nodes before the wires out of them")
        }
        var graph = self
        graph.outputs.append(Edge(from: source, to: source, value: Number.label(value, decimals: decimals),
                                  gradient: Number.label(gradient, decimals: decimals), labelAt: 0.5))
        return graph
    }

    /// The finished figure.
    public func figure(caption: String, alt: String) -> Figure {
        require(!nodes.isEmpty, "a computation graph needs at least one node")
        let layout = ComputationGraphLayout(self)
        return Figure(width: ComputationGraphLayout.width, height: layout.height, caption: caption, alt: alt) { svg, _ in
            layout.draw(into: &svg)
        }
    }
}
