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
        #expect(byList.velocities == byNetwork.velocities)
    }

    @Test func aGradientMustMatchItsParameter() async {
        await #expect(processExitsWith: .failure) {
            var optimizer = GradientDescent(learningRate: 0.1)
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
}
