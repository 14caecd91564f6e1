import Testing
@testable import Plot

@Suite struct NetworkLayoutTests {
    /// The centres of all edge labels, read back from their `translate(x y)`.
    private func labelCentres(_ diagram: NetworkDiagram) throws -> [(x: Double, y: Double)] {
        let root = try XML.parse(diagram.figure(caption: "c", alt: "a").svg)
        return root.elements(class: "plot-edge-labels")[0].elements("text").map { text in
            let transform = text.attributes["transform"]!
            let inside = transform.split(separator: "(")[1].split(separator: ")")[0].split(separator: " ")
            return (Double(inside[0])!, Double(inside[1])!)
        }
    }

    @Test(arguments: [[3, 2, 2], [2, 4, 1], [4, 3, 2], [1, 3]])
    func labelsKeepApart(_ sizes: [Int]) throws {
        var diagram = NetworkDiagram(layers: sizes.map { count in (0..<count).map { "n\($0)" } })
        for l in 1..<sizes.count {
            diagram = diagram.weights(into: l, Array(repeating: Array(repeating: -0.25, count: sizes[l - 1]), count: sizes[l]))
                .biases(into: l, Array(repeating: 0.5, count: sizes[l]))
        }
        let centres = try labelCentres(diagram)
        for i in centres.indices {
            for j in centres.indices where j > i {
                let distance = ((centres[i].x - centres[j].x) * (centres[i].x - centres[j].x)
                    + (centres[i].y - centres[j].y) * (centres[i].y - centres[j].y)).squareRoot()
                #expect(distance >= 15, "labels \(i) and \(j) of \(sizes) are \(distance) apart")
            }
        }
    }

    @Test func labelsGoNearTheLargerLayer() {
        let narrowing = NetworkLayout(NetworkDiagram(layers: [["a", "b", "c"], ["d", "e"]]))
        let widening = NetworkLayout(NetworkDiagram(layers: [["a", "b"], ["c", "d", "e"]]))
        #expect(narrowing.labelPosition(into: 1) < 0.5)
        #expect(widening.labelPosition(into: 1) > 0.5)
    }

    @Test func biasNodeSitsAboveItsColumn() {
        let layout = NetworkLayout(NetworkDiagram(layers: [["a", "b"], ["c"]]).biases(into: 1, [0]))
        let bias = layout.biasPositions[0]!
        #expect(bias.x == layout.positions[0][0].x)
        #expect(bias.y < layout.positions[0][0].y)
        #expect(layout.biasPositions[1] == nil)
    }

    @Test func nodesGrowForLongLabels() {
        let short = NetworkLayout(NetworkDiagram(layers: [["a"], ["b"]]))
        let long = NetworkLayout(NetworkDiagram(layers: [["input one"], ["b"]]))
        #expect(long.radius > short.radius)
    }
}

@Suite struct NetworkLayoutMarginTests {
    @Test func longLayerNamesFitInTheFigure() {
        let names = ["input (layer 0)", "hidden (layer 1)", "output layer with a long name"]
        let layout = NetworkLayout(NetworkDiagram(layers: [["a"], ["b"], ["c"]], layerNames: names))
        let halfWidth = textWidth(names[2], size: 13) / 2
        #expect(layout.positions[2][0].x + halfWidth <= NetworkLayout.width)
        #expect(layout.positions[0][0].x - textWidth(names[0], size: 13) / 2 >= 0)
    }
}
