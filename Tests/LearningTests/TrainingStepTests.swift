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

    /// Full-batch training of a first layer of `units` units on inputs of 1300 x 211 numbers
    /// (more than 2^18): `train` keeps X in panels and multiplies by them (InOrderDots), and
    /// with gradient descent moves the first layer's weights as it computes their gradient
    /// (FusedDescent); the replay multiplies by X itself and updates after the gradients.
    func expectWideTrainingMatchesTheReplay(units: Int, optimizer: some Optimizer, seed: UInt64) throws {
        let start = network([1300, units, 1], hidden: .relu, output: .sigmoid, seed: seed)
        let x = data(1300, 211, seed: seed + 1)
        let y = Matrix(row: (0..<211).map { Double($0 % 2) })
        #expect(Matrix.readsPanelsFaster(weights: start.layers[0].weights, input: x))
        var trained = start
        let history = try trained.train(inputs: x, expected: y, loss: BinaryCrossEntropy(), optimizer: optimizer, iterations: 3)
        let replayed = replay(start, inputs: x, expected: y, loss: BinaryCrossEntropy(), optimizer: optimizer, iterations: 3)
        #expect(history.costs == replayed.costs)
        #expect(trained.parameters == replayed.network.parameters)
        // The last update's gradients: those of the network before it, as the replay has it.
        var before = start, again = optimizer
        for _ in 0..<2 { again.update(&before, gradients: before.gradients(inputs: x, expected: y, loss: BinaryCrossEntropy())) }
        #expect(history.lastGradients == before.gradients(inputs: x, expected: y, loss: BinaryCrossEntropy()))
    }

    @Test(arguments: [5, 8, 3]) func wideInputsWithGradientDescentMatchTheReplay(units: Int) throws {
        // 8 units fill a block of the kernels; 5 leave 3 rows of padding; 3 take the 4-number path.
        try expectWideTrainingMatchesTheReplay(units: units, optimizer: GradientDescent(learningRate: 0.01), seed: 4)
    }

    @Test func stepsThatMoveTheFirstLayerAsTheyComputeItsGradientMatchTheReplay() {
        // The step on its own, as `train` drives it with gradient descent: the first layer's
        // weights move in `backward` (FusedDescent), and `update` moves only the rest.
        let start = network([1300, 8, 1], hidden: .relu, output: .sigmoid, seed: 12)
        let x = data(1300, 211, seed: 13), y = Matrix(row: (0..<211).map { Double($0 % 3 == 0 ? 1 : 0) })
        let descent = GradientDescent(learningRate: 0.05)
        var trained = start, step = TrainingStep(network: start, loss: BinaryCrossEntropy()), optimizer: any StorageOptimizer = descent
        step.keepInputs(x, network: start, descent: descent)
        var replayed = start
        for _ in 0..<3 {
            step.forward(&trained, inputs: x)
            step.backward(&trained, inputs: x, expected: y, loss: BinaryCrossEntropy())
            let gradients = replayed.gradients(inputs: x, expected: y, loss: BinaryCrossEntropy())
            #expect(step.gradients == gradients)
            // Moved already, before `update`: the first layer's weights only.
            var first = replayed.layers[0].weights
            descent.update(&first, gradient: gradients[0].weightGradient, index: 0)
            #expect(trained.layers[0].weights == first)
            #expect(trained.layers[1].weights == replayed.layers[1].weights)
            step.update(&trained, by: &optimizer)
            descent.update(&replayed, gradients: gradients)
            #expect(trained.parameters == replayed.parameters)
        }
    }

    @Test func aFirstLayerOfFewWeightsOnManyExamplesMatchesTheReplay() throws {
        // 1 x 4 weights: dW has 4 numbers, which `Matrix.product` sums in order of k rather
        // than by the kernel, so the descent is not fused there; X (4 x 70000) is still kept in panels.
        let start = network([4, 1], hidden: .relu, output: .sigmoid, seed: 14)
        let x = data(4, 70000, seed: 15), y = Matrix(row: (0..<70000).map { Double($0 % 2) })
        #expect(Matrix.readsPanelsFaster(weights: start.layers[0].weights, input: x))
        var trained = start
        let descent = GradientDescent(learningRate: 0.1)
        let history = try trained.train(inputs: x, expected: y, loss: BinaryCrossEntropy(), optimizer: descent, iterations: 2)
        let replayed = replay(start, inputs: x, expected: y, loss: BinaryCrossEntropy(), optimizer: descent, iterations: 2)
        #expect(history.costs == replayed.costs)
        #expect(trained.parameters == replayed.network.parameters)
    }

    @Test func wideInputsWithMomentumMatchTheReplay() throws {
        // Not gradient descent: the weights are packed again before every forward product.
        try expectWideTrainingMatchesTheReplay(units: 8, optimizer: Momentum(learningRate: 0.01, momentum: 0.9), seed: 11)
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

    /// One step on its own storage against `Network.forward` and `parameterGradients`, which
    /// allocate fresh matrices: the prediction and every dW and db must be the very same numbers.
    func expectStepMatches(_ network: Network, inputs: Matrix, expected: Matrix, loss: some Loss) {
        var network = network, step = TrainingStep(network: network, loss: loss)
        step.forward(&network, inputs: inputs)
        let caches = network.forward(inputs)
        #expect(step.prediction(inputs: inputs) == caches[caches.count - 1].output)
        #expect(step.cost(inputs: inputs, expected: expected, loss: loss)
                == loss.cost(predicted: caches[caches.count - 1].output, expected: expected))
        step.backward(&network, inputs: inputs, expected: expected, loss: loss)
        #expect(step.gradients == network.parameterGradients(loss: loss, expected: expected, caches: caches))
        // A second step with fewer examples reuses the storage laid out for more.
        let fewer = inputs.columns(at: [0]), fewerExpected = expected.columns(at: [0])
        step.forward(&network, inputs: fewer)
        let fewerCaches = network.forward(fewer)
        #expect(step.prediction(inputs: fewer) == fewerCaches[fewerCaches.count - 1].output)
        step.backward(&network, inputs: fewer, expected: fewerExpected, loss: loss)
        #expect(step.gradients == network.parameterGradients(loss: loss, expected: fewerExpected, caches: fewerCaches))
    }

    @Test(arguments: ["sigmoid", "tanh", "relu", "leaky", "identity"])
    func everyElementwiseActivationMatchesNetworkForwardAndBackward(name: String) {
        let activations: [String: any Activation] = [
            "sigmoid": Sigmoid(), "tanh": Tanh(), "relu": ReLU(), "leaky": LeakyReLU(slope: 0.1), "identity": Identity(),
        ]
        let g = activations[name]!
        // The step resolves the library's own types to their own cases, none to `.other`.
        if case .other = StepActivation(g) { Issue.record("\(name) is applied through the protocol") }
        // A small network (scalar products) and a larger one (the kernels: more than 32 results).
        for (sizes, m) in [([3, 4, 2], 5), ([20, 9, 7, 3], 11)] {
            let net = network(sizes, hidden: g, output: g, seed: 8)
            let x = data(sizes[0], m, seed: 9), y = data(sizes[sizes.count - 1], m, seed: 10)
            expectStepMatches(net, inputs: x, expected: y, loss: MeanSquaredError())
        }
    }

    /// An activation the library does not know: softsign, z / (1 + |z|), with its derivative
    /// (1 - |a|)² from the output. The step must call it through the protocol.
    struct Softsign: ElementwiseActivation {
        func value(_ z: Double) -> Double { z / (1 + abs(z)) }
        func derivative(fromOutput a: Double) -> Double { (1 - abs(a)) * (1 - abs(a)) }
    }

    @Test func anActivationOfTheCallersOwnMatchesNetworkForwardAndBackward() {
        if case .other = StepActivation(Softsign()) {} else { Issue.record("softsign is not applied through the protocol") }
        let net = network([4, 6, 3], hidden: Softsign(), output: .sigmoid, seed: 11)
        expectStepMatches(net, inputs: data(4, 7, seed: 12), expected: data(3, 7, seed: 13), loss: MeanSquaredError())
        let top = network([4, 6, 3], hidden: .tanh, output: Softsign(), seed: 14)
        expectStepMatches(top, inputs: data(4, 7, seed: 15), expected: data(3, 7, seed: 16), loss: MeanSquaredError())
    }

    @Test func softmaxInsideTheNetworkAndFusedOutputsMatchNetworkForwardAndBackward() {
        // Softmax in a hidden layer: its backward is called (not fused), through the protocol.
        let hidden = network([5, 4, 3], hidden: .softmax, output: .sigmoid, seed: 17)
        expectStepMatches(hidden, inputs: data(5, 6, seed: 18), expected: data(3, 6, seed: 19), loss: MeanSquaredError())
        // Fused outputs: sigmoid with binary cross-entropy, softmax with cross-entropy.
        let binary = network([5, 8, 1], hidden: .relu, output: .sigmoid, seed: 20)
        let labels = Matrix(row: (0..<6).map { Double($0 % 2) })
        expectStepMatches(binary, inputs: data(5, 6, seed: 21), expected: labels, loss: BinaryCrossEntropy())
        let classes = network([5, 8, 3], hidden: .tanh, output: .softmax, seed: 22)
        let oneHot = Matrix(columns: (0..<6).map { j in (0..<3).map { $0 == j % 3 ? 1.0 : 0.0 } })
        expectStepMatches(classes, inputs: data(5, 6, seed: 23), expected: oneHot, loss: CrossEntropy())
    }

    /// Halves every parameter's step: an optimiser of the caller's, which `train` can only
    /// call through `Optimizer`'s matrix form.
    struct HalfSteps: Optimizer {
        func update(_ parameter: inout Matrix, gradient: Matrix, index: Int) {
            parameter -= gradient * 0.05
        }
    }

    @Test func optimisersOnStorageAndThroughTheProtocolMatchTheReplay() throws {
        // GradientDescent, Momentum, Nesterov momentum, RMSProp and Adam update on the step's
        // storage; Scheduled and a caller's own optimiser through the protocol.
        #expect(GradientDescent(learningRate: 0.1) as any Optimizer is any StorageOptimizer)
        #expect(Momentum(learningRate: 0.1, momentum: 0.5) as any Optimizer is any StorageOptimizer)
        #expect(NesterovMomentum(learningRate: 0.1, momentum: 0.5) as any Optimizer is any StorageOptimizer)
        #expect(RMSProp(learningRate: 0.01) as any Optimizer is any StorageOptimizer)
        #expect(Adam(learningRate: 0.01) as any Optimizer is any StorageOptimizer)
        #expect(!(HalfSteps() as any Optimizer is any StorageOptimizer))
        let start = network([4, 5, 3], hidden: .tanh, output: .sigmoid, seed: 24)
        let x = data(4, 6, seed: 25), y = data(3, 6, seed: 26)
        let optimisers: [any Optimizer] = [
            GradientDescent(learningRate: 0.3), Momentum(learningRate: 0.2, momentum: 0.9),
            NesterovMomentum(learningRate: 0.2, momentum: 0.9), RMSProp(learningRate: 0.01), Adam(learningRate: 0.01),
            Scheduled(Momentum(learningRate: 0.2, momentum: 0.5), schedule: .stepDecay(factor: 0.5, every: 3)), HalfSteps(),
        ]
        for optimiser in optimisers {
            var trained = start
            let history = try trained.train(inputs: x, expected: y, loss: MeanSquaredError(), optimizer: optimiser, iterations: 8)
            let replayed = replay(start, inputs: x, expected: y, loss: MeanSquaredError(), optimizer: optimiser, iterations: 8)
            #expect(history.costs == replayed.costs, "\(type(of: optimiser))")
            #expect(trained.parameters == replayed.network.parameters, "\(type(of: optimiser))")
        }
    }
}
