import Testing
@testable import Learning

/// `Network.predict` for many examples goes block of columns by block of columns, on all the
/// cores (Network+ColumnBlocks.swift): it must give exactly what the layers give one after
/// another over the whole matrix.
@Suite struct NetworkColumnBlocksTests {
    /// Layer by layer over the whole matrix, as `predict` was written before the blocks.
    func layerByLayer(_ network: Network, _ x: Matrix) -> Matrix {
        network.layers.reduce(x) { a, layer in layer(a) }
    }

    /// Networks of every column-wise activation, for (inputs, m) with column counts that are no
    /// multiple of 8 nor of the block, the digits' shape among them (each at least 2^20
    /// multiply-adds, where the blocks start).
    @Test(arguments: [(64, 1040), (64, 1797), (48, 2003)])
    func blocksGiveTheLayersNumbers(_ inputs: Int, _ m: Int) {
        var generator = SplitMix64(seed: 21)
        let networks = [
            Network(sizes: [inputs, 32, 10], hidden: .tanh, output: .softmax, weights: .uniform(scale: 0.3), generator: &generator),
            Network(sizes: [inputs, 17, 9, 3], hidden: .relu, output: .sigmoid, weights: .uniform(scale: 0.3),
                    bias: .uniform(scale: 0.1), generator: &generator),
            Network(sizes: [inputs, 33, 5], hidden: .leakyReLU(slope: 0.01), output: .identity, weights: .uniform(scale: 0.3),
                    bias: .uniform(scale: 0.1), generator: &generator),
        ]
        let x = random(inputs, m, seed: 22)
        for network in networks {
            let blocks = network.predictInColumnBlocks(x)
            #expect(blocks != nil, "the blocks apply to \(network.layers.map(\.weights.shape)) with \(m) columns")
            let expected = layerByLayer(network, x)
            #expect(blocks == expected)
            #expect(network.predict(x) == expected)
        }
    }

    @Test(arguments: [(64, 1040), (64, 1797), (48, 2003)])
    func blockCostsAreTheLossOfThePrediction(_ inputs: Int, _ m: Int) {
        var generator = SplitMix64(seed: 27)
        let x = random(inputs, m, seed: 28)
        let labels = Matrix(row: (0..<m).map { _ in Double(generator.next() % 10) })
        let softmax = Network(sizes: [inputs, 32, 10], hidden: .tanh, output: .softmax, weights: .uniform(scale: 0.3),
                              generator: &generator)
        let sigmoid = Network(sizes: [inputs, 24, 10], hidden: .relu, output: .sigmoid, weights: .uniform(scale: 0.3),
                              generator: &generator)
        let y = labels.oneHot(classes: 10)
        let cases: [(Network, any Loss)] = [(softmax, CrossEntropy()), (sigmoid, BinaryCrossEntropy()), (sigmoid, MeanSquaredError())]
        for (network, loss) in cases {
            let blocks = network.costInColumnBlocks(inputs: x, expected: y, loss: loss)
            #expect(blocks != nil)
            let byLayers = loss.cost(predicted: layerByLayer(network, x), expected: y)
            #expect(blocks?.bitPattern == byLayers.bitPattern, "\(type(of: loss))")
            #expect(network.cost(inputs: x, expected: y, loss: loss).bitPattern == byLayers.bitPattern)
        }
        // Targets of another shape are left to the loss, which names both shapes.
        #expect(softmax.costInColumnBlocks(inputs: x, expected: y.columns(in: 0..<m - 1), loss: CrossEntropy()) == nil)
    }

    @Test func columnsInARangeAreThoseColumns() {
        let x = random(5, 37, seed: 23)
        for range in [0..<37, 3..<11, 36..<37, 8..<8] {
            #expect(x.columns(in: range) == x.columns(at: Array(range)))
            let padded = x.columns(in: range, padding: range.count + 3)
            #expect(padded.columns(in: 0..<range.count) == x.columns(in: range))
            #expect(padded.columns(in: range.count..<range.count + 3) == Matrix(rows: 5, columns: 3, repeating: 0))
        }
    }

    @Test func smallWorkAndUnknownActivationsGoLayerByLayer() {
        var generator = SplitMix64(seed: 24)
        let small = Network(sizes: [4, 3, 2], hidden: .tanh, output: .softmax, generator: &generator)
        #expect(small.predictInColumnBlocks(random(4, 2000, seed: 25)) == nil)
        let custom = Network([Dense(inputs: 64, outputs: 32, activation: ColumnMixing(), generator: &generator)])
        let x = random(64, 1000, seed: 26)
        #expect(custom.predictInColumnBlocks(x) == nil)
        #expect(custom.predict(x) == layerByLayer(custom, x))
    }
}

/// An activation that mixes columns (each output is its row's mean): blocks of columns would
/// change it, so `predict` must not cut its input.
private struct ColumnMixing: Activation {
    func forward(_ z: Matrix) -> Matrix {
        let means = z.rowMeans()
        return Matrix(rows: z.rows, columns: z.columns, elements: (0..<z.count).map { means.elements[$0 / z.columns] })
    }

    func backward(outputGradient: Matrix, output: Matrix) -> Matrix { outputGradient }
}
