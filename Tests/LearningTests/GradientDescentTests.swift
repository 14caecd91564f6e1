import Testing
import Learning

@Suite struct GradientDescentTests {
    @Test func oneHandStep() {
        // Identity unit, W = [1, 2], b = 0.5, x = (3, 4), y = 10, MSE:
        // a = 1 x 3 + 2 x 4 + 0.5 = 11.5; dZ = a - y = 1.5; dW = 1.5 x (3, 4) = (4.5, 6); db = 1.5
        // α = 0.02: W = (1 - 0.09, 2 - 0.12) = (0.91, 1.88); b = 0.5 - 0.03 = 0.47
        var network = Network([Dense(weights: Matrix([[1, 2]]), bias: Matrix(column: [0.5]), activation: .identity)])
        let gradients = network.gradients(inputs: Matrix(column: [3, 4]), expected: Matrix([[10]]), loss: MeanSquaredError())
        #expect(gradients[0].weightGradient == Matrix([[4.5, 6]]))
        #expect(gradients[0].biasGradient == Matrix([[1.5]]))
        let optimizer = GradientDescent(learningRate: 0.02)
        optimizer.update(&network, gradients: gradients)
        #expect(isClose(network.layers[0].weights, Matrix([[0.91, 1.88]]), within: 1e-15))
        #expect(isClose(network.layers[0].bias, Matrix([[0.47]]), within: 1e-15))
    }

    @Test func stepLowersTheCost() {
        var generator = SplitMix64(seed: 2)
        var network = Network(sizes: [2, 3, 1], hidden: .tanh, output: .sigmoid, weights: .uniform(scale: 1), generator: &generator)
        let data = Dataset.xor()
        let before = network.cost(inputs: data.features, expected: data.labels, loss: BinaryCrossEntropy())
        let optimizer = GradientDescent(learningRate: 0.1)
        optimizer.update(&network, gradients: network.gradients(inputs: data.features, expected: data.labels, loss: BinaryCrossEntropy()))
        #expect(network.cost(inputs: data.features, expected: data.labels, loss: BinaryCrossEntropy()) < before)
    }

    @Test func scalarStep() {
        // f(x) = x², f'(x) = 2x; from x = 1 with α = 0.1: x = 1 - 0.1 x 2 = 0.8
        var x = 1.0
        let optimizer = GradientDescent(learningRate: 0.1)
        optimizer.update(&x, gradient: 2 * x)
        #expect(x == 0.8)
    }

    @Test func learningRateMustBePositive() async {
        await #expect(processExitsWith: .failure) { _ = GradientDescent(learningRate: 0) }
        await #expect(processExitsWith: .failure) { _ = GradientDescent(learningRate: -0.1) }
    }
}
