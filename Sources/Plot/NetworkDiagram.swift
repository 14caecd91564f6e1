/// A layered network drawn as nodes in columns, every node joined to every node of the next
/// layer, edges optionally labelled with their weights.
///
/// ```swift
/// let diagram = NetworkDiagram(layers: [["x₁", "x₂", "x₃"], ["h₁", "h₂"], ["o₁", "o₂"]],
///                              layerNames: ["input", "hidden", "output"])
///     .weights(into: 1, [[0.1, 0.3, -0.2], [0.4, -0.1, 0.2]])
///     .weights(into: 2, [[0.5, -0.3], [0.2, 0.6]])
///     .biases(into: 1, [0.1, -0.1])
/// show(diagram.figure(caption: "The 3-2-2 network of the worked example.", alt: "..."))
/// ```
/// Weights into layer l are given as the layer's weight matrix W: `weights[j][k]` is the
/// weight from node k of layer l−1 to node j of layer l (rows are the receiving nodes, as
/// in `Dense`). A label sits on its edge, near whichever end has the more nodes, where the
/// edges fan out far enough apart for the labels not to collide. Biases appear as a dashed
/// node "1" at the top of the previous layer, its edges labelled with the bias values.
public struct NetworkDiagram {
    var title: String?
    var layers: [[String]]
    var layerNames: [String]
    /// Edge labels into layer l, `labels[l][j][k]` from node k to node j; nil draws edges bare.
    var labels: [[[String]]?]
    /// Bias labels into layer l, one per receiving node; nil draws no bias node.
    var biasLabels: [[String]?]

    /// A diagram with `layers[l]` the labels of layer l's nodes, first layer the inputs;
    /// `layerNames` (optional) are written above the columns.
    public init(title: String? = nil, layers: [[String]], layerNames: [String] = []) {
        require(layers.count >= 2 && layers.allSatisfy { !$0.isEmpty },
                     "a network diagram needs at least two layers, none of them empty")
        require(layerNames.isEmpty || layerNames.count == layers.count,
                     "give one layer name per layer (\(layers.count)) or none, not \(layerNames.count)")
        self.title = title
        self.layers = layers
        self.layerNames = layerNames
        labels = Array(repeating: nil, count: layers.count)
        biasLabels = Array(repeating: nil, count: layers.count)
    }

    /// This diagram with the edges into layer `layer` labelled by the weight matrix
    /// `weights` (rows: nodes of `layer`; columns: nodes of the layer before), written
    /// with at most `decimals` places.
    public func weights(into layer: Int, _ weights: [[Double]], decimals: Int = 2) -> NetworkDiagram {
        edgeLabels(into: layer, weights.map { $0.map { Number.compactLabel($0, decimals: decimals) } })
    }

    /// This diagram with the edges into layer `layer` labelled by `labels[j][k]` (from node
    /// k of the layer before to node j), e.g. "w₁₂".
    public func edgeLabels(into layer: Int, _ labels: [[String]]) -> NetworkDiagram {
        require((1..<layers.count).contains(layer), "edges go into layers 1..<\(layers.count), not \(layer)")
        let shape = (layers[layer].count, layers[layer - 1].count)
        require(labels.count == shape.0 && labels.allSatisfy { $0.count == shape.1 },
                     "labels into layer \(layer) must be \(shape.0) rows of \(shape.1), one per edge")
        // A second labelling of the same layer is a slip (the layer meant was another one,
        // which would then be drawn bare): say so rather than draw the last one given.
        require(self.labels[layer] == nil, "the edges into layer \(layer) are already labelled; each layer's weights are given once")
        var diagram = self
        diagram.labels[layer] = labels
        return diagram
    }

    /// This diagram with a bias node feeding layer `layer`, its edges labelled by `biases`
    /// (one per node of `layer`) with at most `decimals` places.
    public func biases(into layer: Int, _ biases: [Double], decimals: Int = 2) -> NetworkDiagram {
        require((1..<layers.count).contains(layer), "biases go into layers 1..<\(layers.count), not \(layer)")
        require(biases.count == layers[layer].count, "layer \(layer) has \(layers[layer].count) nodes but \(biases.count) biases were given")
        require(biasLabels[layer] == nil, "the biases into layer \(layer) are already given; each layer's biases are given once")
        var diagram = self
        diagram.biasLabels[layer] = biases.map { Number.compactLabel($0, decimals: decimals) }
        return diagram
    }

    /// The finished figure.
    public func figure(caption: String, alt: String) -> Figure {
        let layout = NetworkLayout(self)
        return Figure(width: NetworkLayout.width, height: layout.height, caption: caption, alt: alt) { svg, _ in
            layout.draw(into: &svg)
        }
    }
}
