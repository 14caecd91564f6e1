import Testing
import Learning

@Suite struct TrainingTests {
    /// One identity unit, w = 1, b = 0, learning y = 0 from x = 1 with MSE.
    func runaway() -> Network {
        Network([Dense(weights: Matrix([[1]]), bias: Matrix([[0]]), activation: .identity)])
    }

    @Test func nanOrInfinityStopsNamingTheIteration() {
        // a = w + b; dW = db = a; one step gives a' = a - 2αa = a(1 - 2α).
        // α = 1e10: |a_k| = (2e10 - 1)^k, log10 = 10.30103 k; J = ½ a² overflows once
        // |a| > √(1.797e308) = 10^154.127: k = 14 gives 10^144.2, k = 15 gives 10^154.5.
        var network = runaway()
        #expect(throws: TrainingError.self) {
            try network.train(inputs: Matrix([[1]]), expected: Matrix([[0]]), loss: MeanSquaredError(),
                              optimizer: GradientDescent(learningRate: 1e10), iterations: 100)
        }
        var again = runaway()
        do {
            try again.train(inputs: Matrix([[1]]), expected: Matrix([[0]]), loss: MeanSquaredError(),
                            optimizer: GradientDescent(learningRate: 1e10), iterations: 100)
            Issue.record("training should have stopped")
        } catch let error as TrainingError {
            #expect(error.iteration == 15)
            #expect(error.epoch == nil)
            #expect(!error.cost.isFinite)
            #expect(error.description == "cost became inf at iteration 15: lower the learning rate")
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    @Test func historyHasTheStartAndEveryIteration() throws {
        // Same unit, α = 0.25: a_k = 0.5^k, J_k = ½ 0.25^k: 0.5, 0.125, 0.03125, 0.0078125
        var network = runaway()
        let history = try network.train(inputs: Matrix([[1]]), expected: Matrix([[0]]), loss: MeanSquaredError(),
                                        optimizer: GradientDescent(learningRate: 0.25), iterations: 3)
        #expect(history.costs == [0.5, 0.125, 0.03125, 0.0078125])
        #expect(history.updates == 3)
        #expect(!history.reachedTarget)
    }

    @Test func stopsAtTheTargetCost() throws {
        // J_k = ½ 0.25^k ≤ 0.01 first at k = 3 (0.0078125; k = 2 gives 0.03125)
        var network = runaway()
        let history = try network.train(inputs: Matrix([[1]]), expected: Matrix([[0]]), loss: MeanSquaredError(),
                                        optimizer: GradientDescent(learningRate: 0.25), iterations: 100, targetCost: 0.01)
        #expect(history.reachedTarget)
        #expect(history.updates == 3)
        #expect(history.costs.last == 0.0078125)
    }

    @Test func learnsXOR() throws {
        var generator = SplitMix64(seed: 1)
        var network = Network(sizes: [2, 4, 1], hidden: .tanh, output: .sigmoid, weights: .xavier, generator: &generator)
        let data = Dataset.xor()
        let history = try network.train(inputs: data.features, expected: data.labels, loss: BinaryCrossEntropy(),
                                        optimizer: GradientDescent(learningRate: 1), iterations: 2000)
        #expect(history.costs.last! < 0.05)
        #expect(accuracy(predicted: network.predict(data.features), expected: data.labels) == 1)
    }

    @Test func miniBatchesCountUpdatesPerEpoch() throws {
        // 10 examples in batches of 4: 4 + 4 + 2, three updates per epoch; 5 epochs: 15 updates
        var generator = SplitMix64(seed: 3)
        let data = Dataset.noisyLine(count: 10, slope: 2, intercept: 1, noise: 0.1, generator: &generator)
        var network = Network(sizes: [1, 1], hidden: .identity, output: .identity, generator: &generator)
        let history = try network.train(inputs: data.features, expected: data.labels, loss: MeanSquaredError(),
                                        optimizer: GradientDescent(learningRate: 0.1), batchSize: 4, epochs: 5,
                                        generator: &generator)
        #expect(history.updatesPerEpoch == 3)
        #expect(history.updates == 15)
        #expect(history.costs.count == 6)
        #expect(history.costs.last! < history.costs.first!)
    }

    @Test func seededRunsRepeatExactly() throws {
        func run(seed: UInt64) throws -> (TrainingHistory, [Matrix]) {
            var generator = SplitMix64(seed: seed)
            let data = Dataset.twoMoons(count: 60, noise: 0.1, generator: &generator)
            var network = Network(sizes: [2, 5, 1], hidden: .relu, output: .sigmoid, weights: .he, generator: &generator)
            let history = try network.train(inputs: data.features, expected: data.labels, loss: BinaryCrossEntropy(),
                                            optimizer: Momentum(learningRate: 0.1, momentum: 0.9), batchSize: 8,
                                            epochs: 5, generator: &generator)
            return (history, network.parameters)
        }
        let (a, pa) = try run(seed: 42)
        let (b, pb) = try run(seed: 42)
        let (c, _) = try run(seed: 43)
        #expect(a == b)
        #expect(pa == pb)
        #expect(a.costs != c.costs)
    }

    @Test func miniBatchNanNamesTheEpoch() {
        var generator = SplitMix64(seed: 5)
        let data = Dataset.noisyLine(count: 8, slope: 3, intercept: 0, noise: 0, generator: &generator)
        var network = runaway()
        do {
            try network.train(inputs: data.features, expected: data.labels, loss: MeanSquaredError(),
                              optimizer: GradientDescent(learningRate: 1e10), batchSize: 2, epochs: 50,
                              generator: &generator)
            Issue.record("training should have stopped")
        } catch let error as TrainingError {
            #expect(error.epoch != nil)
            #expect(error.iteration > 0)
            #expect(error.description.contains("(epoch \(error.epoch!))"))
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    @Test func equalWeightsStayEqual() throws {
        // Every hidden unit starts with the same weights, so each gets the same gradient
        // and the same update: after training they are still copies of one another.
        var network = Network([
            Dense(weights: Matrix(rows: 3, columns: 2, repeating: 0.5), bias: Matrix(rows: 3, columns: 1, repeating: 0),
                  activation: .tanh),
            Dense(weights: Matrix(rows: 1, columns: 3, repeating: 0.5), bias: Matrix([[0]]), activation: .sigmoid),
        ])
        let data = Dataset.xor()
        try network.train(inputs: data.features, expected: data.labels, loss: BinaryCrossEntropy(),
                          optimizer: GradientDescent(learningRate: 0.5), iterations: 500)
        let hidden = network.layers[0]
        #expect(hidden.weights.row(0) != Matrix(row: [0.5, 0.5]))  // it did train
        #expect(hidden.weights.row(1) == hidden.weights.row(0))
        #expect(hidden.weights.row(2) == hidden.weights.row(0))
        #expect(Set(hidden.bias.elements).count == 1)
        #expect(Set(network.layers[1].weights.elements).count == 1)
    }

    @Test func miniBatchesCoverEveryExampleOnce() {
        var generator = SplitMix64(seed: 9)
        let batches = miniBatches(count: 10, size: 4, generator: &generator)
        #expect(batches.map(\.count) == [4, 4, 2])
        #expect(batches.flatMap { $0 }.sorted() == Array(0..<10))
    }

    @Test func historyHandsBackTheLastStepsGradients() throws {
        // Same unit, α = 0.25: a_k = 0.5^k; the k-th update's gradient is dW = db = a_{k-1},
        // so after 3 updates the last gradients are a_2 = 0.25 for both.
        var network = runaway()
        let history = try network.train(inputs: Matrix([[1]]), expected: Matrix([[0]]), loss: MeanSquaredError(),
                                        optimizer: GradientDescent(learningRate: 0.25), iterations: 3)
        #expect(history.lastGradients == [DenseGradients(weightGradient: Matrix([[0.25]]), biasGradient: Matrix([[0.25]]))])
        var untouched = runaway()
        let none = try untouched.train(inputs: Matrix([[1]]), expected: Matrix([[0]]), loss: MeanSquaredError(),
                                       optimizer: GradientDescent(learningRate: 0.25), iterations: 0)
        #expect(none.lastGradients == nil)
    }

    @Test func miniBatchHistoryHandsBackTheLastBatchsGradients() throws {
        // Replaying the same seeded batches by hand: the last update's gradients are those of
        // the last batch, at the parameters before that update.
        var generator = SplitMix64(seed: 9)
        let start = Network(sizes: [2, 3, 1], hidden: .tanh, output: .sigmoid, weights: .uniform(scale: 1), generator: &generator)
        let data = Dataset.xor()
        var trained = start
        var trainingGenerator = SplitMix64(seed: 21)
        let history = try trained.train(inputs: data.features, expected: data.labels, loss: BinaryCrossEntropy(),
                                        optimizer: GradientDescent(learningRate: 0.5), batchSize: 3, epochs: 2,
                                        generator: &trainingGenerator)
        var replay = start
        var replayGenerator = SplitMix64(seed: 21)
        var last: [DenseGradients] = []
        for _ in 0..<2 {
            for batch in miniBatches(count: 4, size: 3, generator: &replayGenerator) {
                last = replay.gradients(inputs: data.features.columns(at: batch), expected: data.labels.columns(at: batch),
                                        loss: BinaryCrossEntropy())
                GradientDescent(learningRate: 0.5).update(&replay, gradients: last)
            }
        }
        #expect(replay.parameters == trained.parameters)
        #expect(history.lastGradients == last)
    }
}
