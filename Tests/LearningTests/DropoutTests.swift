import Testing
import Learning

@Suite struct DropoutTests {
    @Test func maskEntriesAreZeroOrTheKeptScale() {
        var generator = SplitMix64(seed: 1)
        let dropout = Dropout(rate: 0.5)
        let mask = dropout.mask(rows: 100, columns: 100, generator: &generator)
        #expect(dropout.keptScale == 2)
        #expect(mask.elements.allSatisfy { $0 == 0 || $0 == 2 })
        // Entry k is kept exactly when the k-th uniform draw of the same seed is ≥ p.
        var replay = SplitMix64(seed: 1)
        let kept = (0..<10_000).filter { _ in replay.uniform() >= 0.5 }.count
        #expect(mask.elements.filter { $0 == 2 }.count == kept)
        // E[mask] = (1 - p) / (1 - p) = 1. Each entry has standard deviation 1 here, so the mean
        // of 10,000 has 1 / 100; seed 1 keeps 4836, a mean of 0.9672 (3.3 of them off), and the
        // bound allows 5.
        #expect(abs(mask.mean() - 1) < 0.05)
    }

    @Test func rateZeroKeepsEverything() {
        var generator = SplitMix64(seed: 2)
        var network = Network(sizes: [2, 3, 1], hidden: .tanh, output: .sigmoid, weights: .xavier, generator: &generator)
        network.layers[0].bias = Matrix(column: [0.1, -0.2, 0.3])
        let x = Matrix([[0.5, -1], [2, 0.25]]), y = Matrix([[1, 0]])
        let masks = Dropout(rate: 0).masks(for: network, examples: 2, generator: &generator)
        #expect(masks.count == 1 && masks[0].elements.allSatisfy { $0 == 1 })
        #expect(network.forward(x, masks: masks).last!.output == network.predict(x))
        #expect(network.gradients(inputs: x, expected: y, loss: BinaryCrossEntropy(), masks: masks)
                == network.gradients(inputs: x, expected: y, loss: BinaryCrossEntropy()))
    }

    @Test func maskedGradientsByHand() {
        // x = 1; hidden a = (1·1, 2·1) = (1, 2), identity; mask (2, 0) keeps unit 1 doubled.
        // ã = (2, 0); ŷ = 3·2 + 4·0 = 6; J = ½ 6² = 18 (y = 0).
        // dZ2 = 6, dW2 = 6 (2, 0) = (12, 0); dÃ = W2ᵀ 6 = (18, 24); dA = dÃ ⊙ mask = (36, 0);
        // dW1 = dA x = (36, 0)ᵀ, db1 = (36, 0)ᵀ, db2 = 6.
        let network = Network([
            Dense(weights: Matrix([[1], [2]]), bias: Matrix(column: [0, 0]), activation: .identity),
            Dense(weights: Matrix([[3, 4]]), bias: Matrix([[0]]), activation: .identity),
        ])
        let masks = [Matrix(column: [2, 0])]
        let x = Matrix([[1]]), y = Matrix([[0]])
        #expect(network.cost(inputs: x, expected: y, loss: MeanSquaredError(), masks: masks) == 18)
        let g = network.gradients(inputs: x, expected: y, loss: MeanSquaredError(), masks: masks)
        #expect(g[1].weightGradient == Matrix([[12, 0]]))
        #expect(g[1].biasGradient == Matrix([[6]]))
        #expect(g[0].weightGradient == Matrix(column: [36, 0]))
        #expect(g[0].biasGradient == Matrix(column: [36, 0]))
    }

    @Test func maskedGradientsPassAGradientCheck() {
        var generator = SplitMix64(seed: 3)
        let network = Network(sizes: [2, 4, 3, 1], hidden: .tanh, output: .sigmoid, weights: .uniform(scale: 1),
                              bias: .uniform(scale: 0.5), generator: &generator)
        let x = Matrix([[0.5, -1, 2, 0.1], [1, 0.3, -0.7, -2]]), y = Matrix([[1, 0, 1, 0]])
        let masks = Dropout(rate: 0.4).masks(for: network, examples: 4, generator: &generator)
        #expect(masks.flatMap(\.elements).contains(0))   // something is dropped
        let analytic = network.gradients(inputs: x, expected: y, loss: BinaryCrossEntropy(), masks: masks).flattened
        let parameters = network.parameters
        for p in parameters.indices {
            let numerical = GradientCheck.numericalGradient(of: { value in
                var probe = network
                var changed = parameters
                changed[p] = value
                probe.parameters = changed
                return probe.cost(inputs: x, expected: y, loss: BinaryCrossEntropy(), masks: masks)
            }, at: parameters[p])
            #expect(GradientCheck.maxRelativeError(analytic[p], numerical) < 1e-7)
        }
    }

    @Test func trainingIsFixedByTheSeedAndDiffersFromNoDropout() throws {
        var generator = SplitMix64(seed: 4)
        let start = Network(sizes: [2, 8, 1], hidden: .tanh, output: .sigmoid, weights: .xavier, generator: &generator)
        let data = Dataset.xor()
        func run(seed: UInt64, rate: Double) throws -> Network {
            var network = start
            var masks = SplitMix64(seed: seed)
            try network.train(inputs: data.features, expected: data.labels, loss: BinaryCrossEntropy(),
                              dropout: Dropout(rate: rate), optimizer: GradientDescent(learningRate: 0.5),
                              iterations: 30, generator: &masks)
            return network
        }
        #expect(try run(seed: 9, rate: 0.5).parameters == run(seed: 9, rate: 0.5).parameters)
        #expect(try run(seed: 9, rate: 0.5).parameters != run(seed: 10, rate: 0.5).parameters)
        var plain = start
        try plain.train(inputs: data.features, expected: data.labels, loss: BinaryCrossEntropy(),
                        optimizer: GradientDescent(learningRate: 0.5), iterations: 30)
        #expect(try run(seed: 9, rate: 0).parameters == plain.parameters)
        #expect(try run(seed: 9, rate: 0.5).parameters != plain.parameters)
    }

    @Test func rateAndMasksAreChecked() async {
        await #expect(processExitsWith: .failure) { _ = Dropout(rate: 1) }
        await #expect(processExitsWith: .failure) { _ = Dropout(rate: -0.1) }
        await #expect(processExitsWith: .failure) {
            var generator = SplitMix64(seed: 1)
            let network = Network(sizes: [2, 3, 1], hidden: .tanh, output: .sigmoid, generator: &generator)
            _ = network.forward(Matrix([[1], [2]]), masks: [])
        }
    }
}
