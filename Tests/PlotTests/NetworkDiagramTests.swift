import Testing
@testable import Plot

@Suite struct NetworkDiagramTests {
    /// The 3-2-2 worked example.
    private let diagram = NetworkDiagram(layers: [["x₁", "x₂", "x₃"], ["h₁", "h₂"], ["o₁", "o₂"]], layerNames: ["input", "hidden", "output"])
        .weights(into: 1, [[0.1, 0.3, -0.2], [0.4, -0.1, 0.2]])
        .weights(into: 2, [[0.5, -0.3], [0.2, 0.6]])

    @Test func oneCircleAndLabelPerNode() throws {
        let nodes = try XML.parse(diagram.figure(caption: "c", alt: "a").svg).elements(class: "plot-nodes")[0]
        #expect(nodes.elements("circle").count == 7)
        #expect(nodes.elements("text").map(\.text) == ["input", "x₁", "x₂", "x₃", "hidden", "h₁", "h₂", "output", "o₁", "o₂"])
    }

    @Test func everyNodeJoinsEveryNodeOfTheNextLayer() throws {
        let root = try XML.parse(diagram.figure(caption: "c", alt: "a").svg)
        #expect(root.elements(class: "plot-edges")[0].elements("path").count == 3 * 2 + 2 * 2)
    }

    @Test func edgesCarryTheirWeights() throws {
        let labels = try XML.parse(diagram.figure(caption: "c", alt: "a").svg).elements(class: "plot-edge-labels")[0].elements("text").map(\.text)
        // Row by row of each weight matrix: into h₁ from x₁, x₂, x₃, then into h₂, ...
        #expect(labels == ["0.1", "0.3", "\u{2212}0.2", "0.4", "\u{2212}0.1", "0.2", "0.5", "\u{2212}0.3", "0.2", "0.6"])
    }

    @Test func biasesAddADashedNodeAndItsEdges() throws {
        let root = try XML.parse(diagram.biases(into: 1, [0.25, -0.5]).figure(caption: "c", alt: "a").svg)
        #expect(root.elements(class: "plot-nodes")[0].elements("circle").count == 8)
        let dashed = root.elements(class: "plot-edges")[0].elements("path").filter { $0.attributes["stroke-dasharray"] != nil }
        #expect(dashed.count == 2)
        let labels = root.elements(class: "plot-edge-labels")[0].elements("text").map(\.text)
        #expect(labels.contains("0.25") && labels.contains("\u{2212}0.5"))
    }

    @Test func negativeNodeLabelsShowAMinusSignLikeTheWeights() throws {
        // Chapter 4 labels its input nodes with `formatted(decimals:)`, which writes "-1.0".
        let figure = NetworkDiagram(layers: [["1.0", "-1.0"], ["a"]]).weights(into: 1, [[0.5, -0.4]])
            .figure(caption: "c", alt: "inputs 1.0 and -1.0")
        let root = try XML.parse(figure.svg)
        #expect(root.elements(class: "plot-nodes")[0].elements("text").map(\.text) == ["1.0", "\u{2212}1.0", "a"])
        // The alt text, which a screen reader reads, stays as the chapter wrote it.
        #expect(root.elements("title").map(\.text) == ["inputs 1.0 and -1.0"])
    }

    @Test func edgeLabelsMayBeSymbols() throws {
        let symbols = NetworkDiagram(layers: [["x₁", "x₂"], ["a < b"]]).edgeLabels(into: 1, [["w₁₁", "w₁₂"]])
        let figure = symbols.figure(caption: "c", alt: "a")
        #expect(figure.svg.contains("a &lt; b"))
        let labels = try XML.parse(figure.svg).elements(class: "plot-edge-labels")[0].elements("text").map(\.text)
        #expect(labels == ["w₁₁", "w₁₂"])
    }

    @Test func withoutWeightsEdgesAreBare() throws {
        let root = try XML.parse(NetworkDiagram(layers: [["a"], ["b", "c"]]).figure(caption: "c", alt: "a").svg)
        #expect(root.elements(class: "plot-edge-labels")[0].elements("text").isEmpty)
        #expect(root.elements(class: "plot-edges")[0].elements("path").count == 2)
    }

    @Test func sameInputSameBytes() throws {
        try Golden.expect(diagram.figure(caption: "c", alt: "a").svg, "network-diagram.svg")
    }
}

@Suite struct NetworkDiagramMisuseTests {
    @Test func weightsOfTheWrongShapeStopTheProgram() async {
        await #expect(processExitsWith: .failure) {
            // Into a layer of 2 from a layer of 3 needs 2 rows of 3, not 3 rows of 2.
            _ = NetworkDiagram(layers: [["a", "b", "c"], ["d", "e"]]).weights(into: 1, [[1, 2], [3, 4], [5, 6]])
        }
    }

    /// Labelling a layer twice means another layer was meant (chapter 4's biases of layer 1
    /// given to layer 2 left the hidden layer's biases out of its figure, unnoticed).
    @Test func aLayerLabelledTwiceStopsTheProgram() async {
        await #expect(processExitsWith: .failure) {
            _ = NetworkDiagram(layers: [["a", "b"], ["c", "d"], ["e", "f"]])
                .biases(into: 2, [1, 2]).biases(into: 2, [3, 4])
        }
        await #expect(processExitsWith: .failure) {
            _ = NetworkDiagram(layers: [["a", "b"], ["c", "d"], ["e", "f"]])
                .weights(into: 1, [[1, 2], [3, 4]]).edgeLabels(into: 1, [["p", "q"], ["r", "s"]])
        }
    }

    /// The edge labels (12 units) are its smallest text, what the website sizes it by on a phone.
    @Test func statesItsLabelSizeAsItsSmallestFont() throws {
        let figure = NetworkDiagram(layers: [["x₁", "x₂"], ["a"]]).weights(into: 1, [[0.5, -0.5]]).figure(caption: "c", alt: "a")
        let style = try XML.parse(figure.svg).attributes["style"]
        #expect(style?.hasSuffix("--plot-least-font: 12") == true)
    }
}
