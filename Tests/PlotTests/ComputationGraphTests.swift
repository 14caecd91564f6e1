import Testing
@testable import Plot

@Suite struct ComputationGraphTests {
    /// CS231n's first circuit: f = (x + y) z at x = -2, y = 5, z = -4.
    private let graph = ComputationGraph(title: "f = (x + y) · z")
        .node("x", "x", column: 0, row: 0, kind: .leaf)
        .node("y", "y", column: 0, row: 1, kind: .leaf)
        .node("z", "z", column: 1, row: 2, kind: .leaf)
        .node("q", "+", column: 1, row: 0.5)
        .node("f", "·", column: 2, row: 1.25, kind: .result)
        .edge(from: "x", to: "q", value: -2, gradient: -4, decimals: 0)
        .edge(from: "y", to: "q", value: 5, gradient: -4, decimals: 0)
        .edge(from: "q", to: "f", value: 3, gradient: -4, decimals: 0)
        .edge(from: "z", to: "f", value: -4, gradient: 3, decimals: 0)

    @Test func leavesAreBoxesOperationsCircles() throws {
        let nodes = try XML.parse(graph.figure(caption: "c", alt: "a").svg).elements(class: "plot-nodes")[0]
        #expect(nodes.elements("rect").count == 3)
        // One circle for "+", two (a double rim) for the result.
        #expect(nodes.elements("circle").count == 3)
        #expect(nodes.elements("text").map(\.text) == ["x", "y", "z", "+", "·"])
    }

    @Test func everyWireHasALineAndAnArrowhead() throws {
        let wires = try XML.parse(graph.figure(caption: "c", alt: "a").svg).elements(class: "plot-wires")[0]
        #expect(wires.elements("path").count == 2 * 4)
    }

    @Test func valuesAboveGradientsBelowInOrder() throws {
        let root = try XML.parse(graph.figure(caption: "c", alt: "a").svg)
        let values = root.elements(class: "plot-values")[0].elements("text")
        let gradients = root.elements(class: "plot-gradients")[0].elements("text")
        #expect(values.map(\.text) == ["\u{2212}2", "5", "3", "\u{2212}4"])
        #expect(gradients.map(\.text) == ["\u{2212}4", "\u{2212}4", "\u{2212}4", "3"])
        #expect(values.allSatisfy { $0.attributes["dy"] == "-0.45em" })
        #expect(gradients.allSatisfy { $0.attributes["dy"] == "1.15em" })
        // The gradients differ by style too, not by colour alone.
        #expect(root.elements(class: "plot-gradients")[0].attributes["font-style"] == "italic")
    }

    @Test func labelsSitWhereAskedAlongTheWire() throws {
        // A horizontal wire between two columns: the label's x moves with labelAt.
        func labelX(_ t: Double) throws -> Double {
            let g = ComputationGraph().node("a", "a", column: 0, row: 0).node("b", "b", column: 1, row: 0)
                .edge(from: "a", to: "b", value: 1, gradient: 1, labelAt: t)
            let transform = try XML.parse(g.figure(caption: "c", alt: "a").svg).elements(class: "plot-values")[0]
                .elements("text")[0].attributes["transform"]!
            return Double(transform.dropFirst("translate(".count).prefix { $0 != " " })!
        }
        #expect(try labelX(0.25) < labelX(0.5))
        #expect(try labelX(0.5) < labelX(0.75))
    }

    @Test func numbersAreRoundedToTheDecimalsGiven() throws {
        let g = ComputationGraph().node("a", "a", column: 0, row: 0).node("b", "σ", column: 1, row: 0)
            .edge(from: "a", to: "b", value: 0.5498339973, gradient: -0.0764834, decimals: 4)
        let root = try XML.parse(g.figure(caption: "c", alt: "a").svg)
        #expect(root.elements(class: "plot-values")[0].elements("text").map(\.text) == ["0.5498"])
        #expect(root.elements(class: "plot-gradients")[0].elements("text").map(\.text) == ["\u{2212}0.0765"])
    }

    @Test func textIsEscapedAndTheKeyIsWritten() throws {
        let g = ComputationGraph(title: "a < b").node("a", "x & y", column: 0, row: 0)
        let svg = g.figure(caption: "c", alt: "a").svg
        #expect(svg.contains("a &lt; b") && svg.contains("x &amp; y"))
        #expect(try XML.parse(svg).elements(class: "plot-key").count == 1)
    }

    @Test func aWireGoingOutCarriesTheResultAndTheStartingGradient() throws {
        let root = try XML.parse(graph.output(of: "f", value: -12, gradient: 1, decimals: 0).figure(caption: "c", alt: "a").svg)
        #expect(root.elements(class: "plot-wires")[0].elements("path").count == 2 * 5)
        #expect(root.elements(class: "plot-values")[0].elements("text").map(\.text).last == "\u{2212}12")
        #expect(root.elements(class: "plot-gradients")[0].elements("text").map(\.text).last == "1")
    }

    @Test func sameInputSameBytes() throws {
        try Golden.expect(graph.figure(caption: "c", alt: "a").svg, "computation-graph.svg")
    }
}

@Suite struct ComputationGraphMisuseTests {
    @Test func anEdgeToAnUnknownNodeStopsTheProgram() async {
        await #expect(processExitsWith: .failure) {
            _ = ComputationGraph().node("a", "a", column: 0, row: 0).edge(from: "a", to: "b", value: 1, gradient: 1)
        }
    }

    @Test func aRepeatedIdStopsTheProgram() async {
        await #expect(processExitsWith: .failure) {
            _ = ComputationGraph().node("a", "a", column: 0, row: 0).node("a", "b", column: 1, row: 0)
        }
    }

    @Test func anEdgeBackwardsStopsTheProgram() async {
        await #expect(processExitsWith: .failure) {
            _ = ComputationGraph().node("a", "a", column: 1, row: 0).node("b", "b", column: 0, row: 0)
                .edge(from: "a", to: "b", value: 1, gradient: 1)
        }
    }
}
