import Testing
import Learning

/// Every old spelling kept in `Renamed.swift` compiles (with a deprecation warning, which is
/// the point) and gives what the new name gives, bit for bit.
@Suite struct RenamedTests {
    private let x = Matrix([[0.5, -1.0, 2.0, 0.25], [1.5, 0.0, -0.5, 1.0], [-2.0, 0.75, 1.0, 0.5]])
    private let y = Matrix([[1, 0, 0, 1]])

    private func network() -> Network {
        var generator = SplitMix64(seed: 21)
        return Network(sizes: [3, 4, 1], hidden: .tanh, output: .sigmoid, weights: .uniform(scale: 1), generator: &generator)
    }

    @Test func derivativeOfOutput() {
        for a in [0.0, 0.25, 0.5, 0.9] {
            #expect(Sigmoid().derivative(output: a) == Sigmoid().derivative(fromOutput: a))
            #expect(Tanh().derivative(output: a) == Tanh().derivative(fromOutput: a))
        }
        #expect(Sigmoid().derivative(output: 0.5) == 0.25)  // σ'(0) = 0.5 · (1 − 0.5), by hand
    }

    @Test func activationBackwardWithoutALabel() {
        let a = Sigmoid().forward(x), dA = x * 0.5
        #expect(Sigmoid().backward(dA, output: a) == Sigmoid().backward(outputGradient: dA, output: a))
    }

    @Test func gradientsNamedWeightsAndBias() {
        var gradients = DenseGradients(weights: Matrix([[1, 2]]), bias: Matrix([[3]]))
        #expect(gradients == DenseGradients(weightGradient: Matrix([[1, 2]]), biasGradient: Matrix([[3]])))
        #expect(gradients.weights == gradients.weightGradient && gradients.bias == gradients.biasGradient)
        gradients.weights = Matrix([[5, 6]])
        #expect(gradients.weightGradient == Matrix([[5, 6]]))
    }

    @Test func backwardInTheOldArgumentOrder() {
        let network = network(), caches = network.forward(x)
        let old = network.backward(caches: caches, expected: y, loss: BinaryCrossEntropy())
        let new = network.backward(loss: BinaryCrossEntropy(), expected: y, caches: caches)
        // The chapters' old spelling: `backward[0].parameters.weights`.
        #expect(old.map(\.parameters.weights) == new.map(\.parameterGradients.weightGradient))
        #expect(old.map(\.parameters.bias) == new.map(\.parameterGradients.biasGradient))
        #expect(network.parameterGradients(caches: caches, expected: y, loss: BinaryCrossEntropy(), fusedOutput: false)
                == network.parameterGradients(loss: BinaryCrossEntropy(), expected: y, caches: caches, fusedOutput: false))
    }

    @Test func velocitiesAsAnArray() {
        var network = network()
        var momentum = Momentum(learningRate: 0.5, momentum: 0.9)
        for _ in 0..<2 {
            momentum.update(&network, gradients: network.gradients(inputs: x, expected: y, loss: BinaryCrossEntropy()))
        }
        #expect(momentum.velocities.count == 4)
        for index in 0..<4 { #expect(momentum.velocities[index] == momentum.velocity(ofParameter: index)) }
    }

    @Test func velocitiesWithAGapStop() async {
        await #expect(processExitsWith: .failure) {
            var generator = SplitMix64(seed: 21)
            var network = Network(sizes: [3, 4, 1], hidden: .tanh, output: .sigmoid, generator: &generator)
            let x = Matrix([[0.5], [1.0], [-1.0]]), y = Matrix([[1]])
            var momentum = Momentum(learningRate: 0.5, momentum: 0.9)
            momentum.update(&network, gradients: network.gradients(inputs: x, expected: y, loss: BinaryCrossEntropy()), updating: .weights)
            _ = momentum.velocities
        }
    }
}
