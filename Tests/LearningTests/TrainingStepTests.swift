import Testing
@testable import Learning

/// `train` computes each step into matrices it keeps (TrainingStep); these tests replay the
/// same training with the public step-by-step API (forward, parameterGradients, update),
/// which allocates fresh matrices, and require the very same numbers, to the last bit.
@Suite struct TrainingStepTests {
    /// Full-batch training written out with the public API: costs and final network.
    func replay(_ network: Network, inputs: Matrix, expected: Matrix, loss: some Loss,
                optimizer: some Optimizer, iterations: Int) -> (costs: [Double], network: Network) {
        var network = network, optimizer = optimizer, costs: [Double] = []
        for iteration in 0...iterations {
            let caches = network.forward(inputs)
            costs.append(loss.cost(predicted: caches[caches.count - 1].output, expected: expected))
            if iteration == iterations { break }
            optimizer.update(&network, gradients: network.parameterGradients(loss: loss, expected: expected, caches: caches))
        }
        return (costs, network)
    }

    func network(_ sizes: [Int], hidden: some Activation, output: some Activation, seed: UInt64) -> Network {
        var generator = SplitMix64(seed: seed)
        return Network(sizes: sizes, hidden: hidden, output: output, weights: .uniform(scale: 0.5), generator: &generator)
    }

    func data(_ rows: Int, _ columns: Int, seed: UInt64) -> Matrix {
        var generator = SplitMix64(seed: seed)
        return Initializer.uniform(scale: 1).matrix(rows: rows, columns: columns, generator: &generator)
    }

    @Test func tinySigmoidWithSquaredErrorMatchesTheReplay() throws {
        // Unfused output (MSE), element-wise activations, products small enough for the scalar path.
        let start = network([2, 2, 2], hidden: .sigmoid, output: .sigmoid, seed: 1)
        let x = Matrix(column: [0.05, 0.10]), y = Matrix(column: [0.01, 0.99])
        var trained = start
        let history = try trained.train(inputs: x, expected: y, loss: MeanSquaredError(),
                                        optimizer: GradientDescent(learningRate: 0.5), iterations: 50)
        let replayed = replay(start, inputs: x, expected: y, loss: MeanSquaredError(),
                              optimizer: GradientDescent(learningRate: 0.5), iterations: 50)
        #expect(history.costs == replayed.costs)
        #expect(trained.parameters == replayed.network.parameters)
    }

    @Test func softmaxWithCrossEntropyAndMomentumMatchesTheReplay() throws {
        // Fused output, a non-element-wise activation, products large enough for the kernels.
        let start = network([13, 17, 5], hidden: .tanh, output: .softmax, seed: 2)
        let x = data(13, 40, seed: 3)
        let y = Matrix(columns: (0..<40).map { j in (0..<5).map { $0 == j % 5 ? 1.0 : 0.0 } })
        var trained = start
        let momentum = Momentum(learningRate: 0.1, momentum: 0.9)
        let history = try trained.train(inputs: x, expected: y, loss: CrossEntropy(), optimizer: momentum, iterations: 20)
        let replayed = replay(start, inputs: x, expected: y, loss: CrossEntropy(), optimizer: momentum, iterations: 20)
        #expect(history.costs == replayed.costs)
        #expect(trained.parameters == replayed.network.parameters)
        #expect(history.lastGradients?.flattened.count == 4)
    }

    @Test func wideInputsKeptTransposedMatchTheReplay() throws {
        // A first layer of 5 units on inputs of 1300 x 211 numbers (more than 2^18): `train`
        // keeps Xᵀ and multiplies by it (InOrderDots); the replay multiplies by X itself.
        let start = network([1300, 5, 1], hidden: .relu, output: .sigmoid, seed: 4)
        let x = data(1300, 211, seed: 5)
        let y = Matrix(row: (0..<211).map { Double($0 % 2) })
        #expect(Matrix.readsTransposeFaster(weights: start.layers[0].weights, input: x))
        var trained = start
        let descent = GradientDescent(learningRate: 0.01)
        let history = try trained.train(inputs: x, expected: y, loss: BinaryCrossEntropy(), optimizer: descent, iterations: 3)
        let replayed = replay(start, inputs: x, expected: y, loss: BinaryCrossEntropy(), optimizer: descent, iterations: 3)
        #expect(history.costs == replayed.costs)
        #expect(trained.parameters == replayed.network.parameters)
    }

    @Test func miniBatchesMatchTheReplay() throws {
        // Batches of 7 from 30 examples: the last batch of each epoch is smaller (2 columns).
        let start = network([6, 9, 1], hidden: .relu, output: .sigmoid, seed: 4)
        let x = data(6, 30, seed: 5), y = Matrix(row: (0..<30).map { Double($0 % 2) })
        var trained = start, generator = SplitMix64(seed: 6)
        let history = try trained.train(inputs: x, expected: y, loss: BinaryCrossEntropy(),
                                        optimizer: GradientDescent(learningRate: 0.3),
                                        batchSize: 7, epochs: 3, generator: &generator)
        var replayed = start, order = SplitMix64(seed: 6), costs = [replayed.cost(inputs: x, expected: y, loss: BinaryCrossEntropy())]
        var last: [DenseGradients] = []
        for _ in 0..<3 {
            for batch in miniBatches(count: 30, size: 7, generator: &order) {
                let xb = x.columns(at: batch), yb = y.columns(at: batch)
                last = replayed.gradients(inputs: xb, expected: yb, loss: BinaryCrossEntropy())
                GradientDescent(learningRate: 0.3).update(&replayed, gradients: last)
            }
            costs.append(replayed.cost(inputs: x, expected: y, loss: BinaryCrossEntropy()))
        }
        #expect(history.costs == costs)
        #expect(trained.parameters == replayed.parameters)
        #expect(history.lastGradients?.flattened == last.flattened)
    }

    @Test func noUpdatesHandBackNoGradients() throws {
        var trained = network([2, 2], hidden: .sigmoid, output: .sigmoid, seed: 7)
        let history = try trained.train(inputs: Matrix(column: [1, 2]), expected: Matrix(column: [0, 1]),
                                        loss: MeanSquaredError(), optimizer: GradientDescent(learningRate: 0.1),
                                        iterations: 0)
        #expect(history.lastGradients == nil)
        #expect(history.costs.count == 1)
    }
}
