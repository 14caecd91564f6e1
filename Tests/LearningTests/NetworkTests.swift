import Testing
import Learning

@Suite struct NetworkTests {
    func randomNetwork(_ sizes: [Int], hidden: some Activation, output: some Activation, seed: UInt64) -> Network {
        var generator = SplitMix64(seed: seed)
        return Network(sizes: sizes, hidden: hidden, output: output, weights: .uniform(scale: 1),
                       bias: .uniform(scale: 0.5), generator: &generator)
    }

    let x = Matrix([[0.5, -1.0, 0.25, 2.0], [1.5, 0.3, -0.8, 0.1], [-0.2, 0.9, 0.4, -1.1]])

    @Test func forwardIsTheCompositionOfItsLayers() {
        let network = randomNetwork([3, 4, 2], hidden: .relu, output: .sigmoid, seed: 5)
        let first = network.layers[0], second = network.layers[1]
        let byHand = Sigmoid().forward(second.weights * ReLU().forward(first.weights * x + first.bias) + second.bias)
        #expect(network.predict(x) == byHand)
        let caches = network.forward(x)
        #expect(caches.count == 2)
        #expect(caches[1].output == byHand)
        #expect(caches[1].input == caches[0].output)
    }

    @Test func layersMustChain() async {
        await #expect(processExitsWith: .failure) {
            var generator = SplitMix64(seed: 1)
            _ = Network([
                Dense(inputs: 2, outputs: 3, activation: .relu, generator: &generator),
                Dense(inputs: 4, outputs: 1, activation: .sigmoid, generator: &generator),
            ])
        }
    }

    @Test func gradientCheckForEveryActivationAndLoss() {
        let y1 = Matrix([[1, 0, 0, 1]])
        let y2 = Matrix([[1, 0, 0, 1], [0, 1, 1, 0]])
        let regression = Matrix([[0.5, -1.5, 2.0, 0.0]])
        #expect(GradientCheck.network(randomNetwork([3, 4, 1], hidden: .tanh, output: .sigmoid, seed: 1),
                                      inputs: x, expected: y1, loss: BinaryCrossEntropy()) < 1e-6)
        #expect(GradientCheck.network(randomNetwork([3, 4, 2], hidden: .sigmoid, output: .softmax, seed: 2),
                                      inputs: x, expected: y2, loss: CrossEntropy()) < 1e-6)
        #expect(GradientCheck.network(randomNetwork([3, 5, 1], hidden: .relu, output: .identity, seed: 3),
                                      inputs: x, expected: regression, loss: MeanSquaredError()) < 1e-6)
        #expect(GradientCheck.network(randomNetwork([3, 3, 2, 1], hidden: .leakyReLU(slope: 0.1), output: .tanh, seed: 4),
                                      inputs: x, expected: regression, loss: MeanSquaredError()) < 1e-6)
    }

    @Test func fusedOutputEqualsTheGenericChain() {
        let binary = randomNetwork([3, 4, 1], hidden: .tanh, output: .sigmoid, seed: 8)
        let y1 = Matrix([[1, 0, 0, 1]])
        let fused1 = binary.gradients(inputs: x, expected: y1, loss: BinaryCrossEntropy()).flattened
        let chain1 = binary.gradients(inputs: x, expected: y1, loss: BinaryCrossEntropy(), fusedOutput: false).flattened
        for (a, b) in zip(fused1, chain1) { #expect(isClose(a, b, within: 1e-13)) }

        let multi = randomNetwork([3, 4, 3], hidden: .relu, output: .softmax, seed: 9)
        let y3 = Matrix([[1, 0, 0, 0], [0, 1, 0, 1], [0, 0, 1, 0]])
        let fused3 = multi.gradients(inputs: x, expected: y3, loss: CrossEntropy()).flattened
        let chain3 = multi.gradients(inputs: x, expected: y3, loss: CrossEntropy(), fusedOutput: false).flattened
        for (a, b) in zip(fused3, chain3) { #expect(isClose(a, b, within: 1e-13)) }
    }

    @Test func parameterGradientsAreTheBackwardPassesParameters() {
        let network = randomNetwork([3, 4, 2, 1], hidden: .tanh, output: .sigmoid, seed: 13)
        let y = Matrix([[1, 0, 0, 1]])
        let caches = network.forward(x)
        for fused in [true, false] {
            let full = network.backward(loss: BinaryCrossEntropy(), expected: y, caches: caches, fusedOutput: fused)
            let short = network.parameterGradients(loss: BinaryCrossEntropy(), expected: y, caches: caches, fusedOutput: fused)
            #expect(full.map(\.parameterGradients) == short)
            #expect(full[0].inputGradient.shape == x.shape)
        }
    }

    @Test func fusedOutputStaysExactWhenSaturated() {
        // A sigmoid output of exactly 1 with target 0: dZ = (A - Y)/m = 1, while the clamped
        // chain gives (1/(1 - a)) x a(1 - a) with a(1 - a) = 0, i.e. 0: learning would stop.
        let layer = Dense(weights: Matrix([[1000]]), bias: Matrix(column: [0]), activation: .sigmoid)
        let network = Network([layer])
        let fused = network.gradients(inputs: Matrix([[1]]), expected: Matrix([[0]]), loss: BinaryCrossEntropy())
        #expect(fused[0].weightGradient == Matrix([[1]]))
        #expect(fused[0].biasGradient == Matrix([[1]]))
    }

    @Test func parametersRoundTrip() {
        var network = randomNetwork([3, 2, 1], hidden: .tanh, output: .sigmoid, seed: 10)
        let parameters = network.parameters
        #expect(parameters.map(\.shape) == [Shape(2, 3), Shape(2, 1), Shape(1, 2), Shape(1, 1)])
        network.parameters = parameters.map { $0 * 2 }
        #expect(network.layers[1].weights == parameters[2] * 2)
    }

    @Test func costIsTheLossOfThePrediction() {
        let network = randomNetwork([3, 2, 1], hidden: .tanh, output: .sigmoid, seed: 12)
        let y = Matrix([[1, 0, 1, 0]])
        #expect(network.cost(inputs: x, expected: y, loss: BinaryCrossEntropy())
                == BinaryCrossEntropy().cost(predicted: network.predict(x), expected: y))
    }

    @Test func backwardFromAnOutputGradientIsTheUnfusedChain() {
        // Handing in the loss's own ∂J/∂A must give what backward(loss:...) gives without
        // the fused shortcut: the two differ only in where the gradient comes from.
        let network = randomNetwork([3, 4, 2], hidden: .relu, output: .sigmoid, seed: 14)
        let y = Matrix([[1, 0, 0, 1], [0, 1, 1, 0]])
        let caches = network.forward(x)
        let dA = BinaryCrossEntropy().gradient(predicted: caches[1].output, expected: y)
        let given = network.backward(outputGradient: dA, caches: caches)
        let fromLoss = network.backward(loss: BinaryCrossEntropy(), expected: y, caches: caches, fusedOutput: false)
        #expect(given.map(\.parameterGradients) == fromLoss.map(\.parameterGradients))
        #expect(given.map(\.inputGradient) == fromLoss.map(\.inputGradient))
        #expect(given[1].weightGradient == given[1].parameterGradients.weightGradient)
        #expect(given[1].weightGradient.shape == network.layers[1].weights.shape)
        #expect(given[0].biasGradient.shape == network.layers[0].bias.shape)
    }

    @Test func anOutputGradientMustHaveTheOutputsShape() async {
        await #expect(processExitsWith: .failure) {
            let network = Network([Dense(weights: Matrix([[1, 2]]), bias: Matrix([[0]]), activation: .identity)])
            let caches = network.forward(Matrix(column: [1, 1]))
            _ = network.backward(outputGradient: Matrix(column: [1, 1]), caches: caches)
        }
    }
}
