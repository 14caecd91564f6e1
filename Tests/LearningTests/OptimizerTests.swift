import Testing
import Learning

/// Records which parameter indices it was asked to update, and moves nothing.
struct Recorder: Optimizer {
    var seen: [(index: Int, shape: Shape)] = []
    mutating func update(_ parameter: inout Matrix, gradient: Matrix, index: Int) {
        seen.append((index, parameter.shape))
    }
}

@Suite struct OptimizerTests {
    @Test func networkParametersAreNumberedInOrder() {
        // W1 (3, 2), b1 (3, 1), W2 (1, 3), b2 (1, 1) are parameters 0, 1, 2, 3.
        var generator = SplitMix64(seed: 1)
        var network = Network(sizes: [2, 3, 1], hidden: .tanh, output: .sigmoid, generator: &generator)
        let data = Dataset.xor()
        var recorder = Recorder()
        recorder.update(&network, gradients: network.gradients(inputs: data.features, expected: data.labels, loss: MeanSquaredError()))
        #expect(recorder.seen.map(\.index) == [0, 1, 2, 3])
        #expect(recorder.seen.map(\.shape) == network.parameters.map(\.shape))
    }

    @Test func listAndNetworkUpdatesAgree() {
        var generator = SplitMix64(seed: 2)
        var network = Network(sizes: [2, 3, 1], hidden: .tanh, output: .sigmoid, weights: .uniform(scale: 1), generator: &generator)
        let data = Dataset.xor()
        let gradients = network.gradients(inputs: data.features, expected: data.labels, loss: BinaryCrossEntropy())
        var list = network.parameters
        var byList = Momentum(learningRate: 0.3, momentum: 0.5)
        var byNetwork = Momentum(learningRate: 0.3, momentum: 0.5)
        for _ in 0..<2 {
            byList.update(&list, gradients: gradients.flattened)
            byNetwork.update(&network, gradients: gradients)
        }
        #expect(list == network.parameters)
        #expect(byList.velocitiesByParameter == byNetwork.velocitiesByParameter)
    }

    @Test func aGradientMustMatchItsParameter() async {
        await #expect(processExitsWith: .failure) {
            let optimizer = GradientDescent(learningRate: 0.1)
            var parameters = [Matrix(rows: 2, columns: 2, repeating: 0)]
            optimizer.update(&parameters, gradients: [Matrix(rows: 2, columns: 1, repeating: 0)])
        }
    }

    @Test func momentumRefusesAnotherNetwork() async {
        await #expect(processExitsWith: .failure) {
            var optimizer = Momentum(learningRate: 0.1, momentum: 0.9)
            var small = [Matrix(rows: 1, columns: 1, repeating: 0)]
            optimizer.update(&small, gradients: small)
            var other = [Matrix(rows: 2, columns: 2, repeating: 0)]
            optimizer.update(&other, gradients: other)
        }
    }

    @Test func updatingOnlyTheWeightsLeavesTheBiases() {
        var generator = SplitMix64(seed: 3)
        let start = Network(sizes: [2, 3, 1], hidden: .tanh, output: .sigmoid, weights: .uniform(scale: 1),
                            bias: .uniform(scale: 0.5), generator: &generator)
        let data = Dataset.xor()
        let gradients = start.gradients(inputs: data.features, expected: data.labels, loss: BinaryCrossEntropy())
        var all = start, weightsOnly = start, biasesOnly = start
        let descent = GradientDescent(learningRate: 0.5)
        descent.update(&all, gradients: gradients)
        descent.update(&weightsOnly, gradients: gradients, updating: .weights)
        descent.update(&biasesOnly, gradients: gradients, updating: .biases)
        for l in start.layers.indices {
            #expect(weightsOnly.layers[l].weights == all.layers[l].weights)
            #expect(weightsOnly.layers[l].bias == start.layers[l].bias)
            #expect(biasesOnly.layers[l].weights == start.layers[l].weights)
            #expect(biasesOnly.layers[l].bias == all.layers[l].bias)
            #expect(all.layers[l].weights != start.layers[l].weights)
        }
        var recorder = Recorder()
        recorder.update(&weightsOnly, gradients: gradients, updating: .weights)
        #expect(recorder.seen.map(\.index) == [0, 2])
    }

    @Test func momentumKeepsVelocitiesOnlyForWhatItUpdates() {
        // Weights only, twice: velocities for parameters 0 and 2 (W1, W2), none for the biases,
        // and the same weights as momentum on the weights list alone.
        var generator = SplitMix64(seed: 5)
        var network = Network(sizes: [2, 3, 1], hidden: .tanh, output: .sigmoid, weights: .uniform(scale: 1), generator: &generator)
        var weightList = network.layers.map(\.weights)
        let data = Dataset.xor()
        var byNetwork = Momentum(learningRate: 0.3, momentum: 0.5)
        var byList = Momentum(learningRate: 0.3, momentum: 0.5)
        for _ in 0..<2 {
            let gradients = network.gradients(inputs: data.features, expected: data.labels, loss: BinaryCrossEntropy())
            byNetwork.update(&network, gradients: gradients, updating: .weights)
            byList.update(&weightList, gradients: gradients.map(\.weightGradient))
        }
        #expect(byNetwork.velocitiesByParameter.keys.sorted() == [0, 2])
        #expect(network.layers.map(\.weights) == weightList)
        #expect(byNetwork.velocity(ofParameter: 2) == byList.velocity(ofParameter: 1))
        #expect(network.layers[0].bias == Matrix(rows: 3, columns: 1, repeating: 0))
    }

    @Test func gradientDescentNeedsNoVar() {
        // It keeps no state: a let steps a number, a list and a network.
        // x = 1, f'(x) = 2x: x = 1 - 0.25 x 2 = 0.5
        let descent = GradientDescent(learningRate: 0.25)
        var x = 1.0
        descent.update(&x, gradient: 2 * x)
        #expect(x == 0.5)
        var list = [Matrix(column: [1, 2])]
        descent.update(&list, gradients: [Matrix(column: [2, 4])])  // (1 - 0.5, 2 - 1)
        #expect(list == [Matrix(column: [0.5, 1])])
    }

    /// Every optimiser's rule, applied by the test one number at a time, for parameters of 1 to
    /// 19 numbers: both sides of `forEachNumber`'s split between a scalar loop (fewer than 8)
    /// and a vectorised one, for three steps, to the last bit.
    @Test(arguments: 1...19) func everyNumberMovesByItsRule(count: Int) {
        let start = Matrix(rows: 1, columns: count, elements: (0..<count).map { 0.5 - 0.07 * Double($0) })
        let gradients = (1...3).map { step in
            Matrix(rows: 1, columns: count, elements: (0..<count).map { 0.3 * Double(step) - 0.11 * Double($0) })
        }
        func run(_ optimizer: some Optimizer) -> [Double] {
            var optimizer = optimizer, parameters = [start]
            for g in gradients { optimizer.update(&parameters, gradients: [g]) }
            return parameters[0].elements
        }
        let (alpha, beta, beta2, eps) = (0.1, 0.9, 0.99, 1e-8)
        var gd = start.elements, mo = gd, ne = gd, rms = gd, adam = gd
        var vMo = [Double](repeating: 0, count: count), vNe = vMo, s = vMo, m = vMo, v = vMo
        var powers = (1.0, 1.0)
        for g in gradients.map(\.elements) {
            powers = (powers.0 * beta, powers.1 * beta2)
            for k in 0..<count {
                gd[k] -= alpha * g[k]
                vMo[k] = beta * vMo[k] - alpha * g[k]
                mo[k] += vMo[k]
                vNe[k] = beta * vNe[k] - alpha * g[k]
                ne[k] += beta * vNe[k] - alpha * g[k]
                s[k] = beta * s[k] + (1 - beta) * g[k] * g[k]
                rms[k] -= alpha * g[k] / (s[k].squareRoot() + eps)
                m[k] = beta * m[k] + (1 - beta) * g[k]
                v[k] = beta2 * v[k] + (1 - beta2) * g[k] * g[k]
                adam[k] -= alpha * (m[k] / (1 - powers.0)) / ((v[k] / (1 - powers.1)).squareRoot() + eps)
            }
        }
        #expect(run(GradientDescent(learningRate: alpha)) == gd)
        #expect(run(Momentum(learningRate: alpha, momentum: beta)) == mo)
        #expect(run(NesterovMomentum(learningRate: alpha, momentum: beta)) == ne)
        #expect(run(RMSProp(learningRate: alpha, decay: beta, epsilon: eps)) == rms)
        #expect(run(Adam(learningRate: alpha, beta1: beta, beta2: beta2, epsilon: eps)) == adam)
    }

    @Test func aVelocityNeverCreatedIsAnError() async {
        await #expect(processExitsWith: .failure) {
            _ = Momentum(learningRate: 0.1, momentum: 0.9).velocity(ofParameter: 0)
        }
    }
}
