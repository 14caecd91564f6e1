import Testing
import Learning

@Suite struct DenseTests {
    @Test func threeInputNeuronByHand() {
        // z = w·x + b = 0.5 x 1 + (-0.2) x 2 + 0.1 x 3 + 0.4 = 0.5 - 0.4 + 0.3 + 0.4 = 0.8
        // a = σ(0.8) = 1 / (1 + e^-0.8) = 1 / 1.4493289641 = 0.6899744811
        let layer = Dense(weights: Matrix([[0.5, -0.2, 0.1]]), bias: Matrix(column: [0.4]), activation: .sigmoid)
        let cache = layer.forward(Matrix(column: [1, 2, 3]))
        #expect(isClose(cache.z[0, 0], 0.8, within: 1e-15))
        #expect(isClose(cache.output[0, 0], 0.6899744811276125, within: 1e-15))
        #expect(cache.input == Matrix(column: [1, 2, 3]))
        #expect(layer(Matrix(column: [1, 2, 3])) == cache.output)
    }

    @Test func batchShapes() {
        // 8 hidden units over 209 examples of 5 features: W (8, 5) X (5, 209) + b (8, 1) = (8, 209)
        var generator = SplitMix64(seed: 1)
        let layer = Dense(inputs: 5, outputs: 8, activation: .relu, generator: &generator)
        #expect(layer.weights.shape == Shape(8, 5))
        #expect(layer.bias.shape == Shape(8, 1))
        let cache = layer.forward(Matrix(rows: 5, columns: 209, repeating: 0.5))
        #expect(cache.output.shape == Shape(8, 209))
    }

    @Test func backwardByHand() {
        // Identity layer, W = [[1, 2]], b = [0], one example x = (3, 4), dZ = dA = [0.5]:
        // dW = dZ xᵀ = [[1.5, 2]], db = 0.5, dA_prev = Wᵀ dZ = (0.5, 1)
        let layer = Dense(weights: Matrix([[1, 2]]), bias: Matrix(column: [0]), activation: .identity)
        let cache = layer.forward(Matrix(column: [3, 4]))
        let step = layer.backward(outputGradient: Matrix(column: [0.5]), cache: cache)
        #expect(step.weightGradient == Matrix([[1.5, 2]]))
        #expect(step.biasGradient == Matrix(column: [0.5]))
        #expect(step.inputGradient == Matrix(column: [0.5, 1]))
        #expect(step.zGradient == Matrix(column: [0.5]))
    }

    @Test func gradientCheckOfWeightsBiasAndInput() {
        var generator = SplitMix64(seed: 3)
        let layer = Dense(inputs: 3, outputs: 2, activation: .tanh, weights: .uniform(scale: 1),
                          bias: .uniform(scale: 1), generator: &generator)
        let x = Initializer.uniform(scale: 1).matrix(rows: 3, columns: 4, generator: &generator)
        let y = Initializer.uniform(scale: 1).matrix(rows: 2, columns: 4, generator: &generator)
        let loss = MeanSquaredError()
        // Parameters: through a one-layer network.
        #expect(GradientCheck.network(Network([layer]), inputs: x, expected: y, loss: loss) < 1e-7)
        // Input: dA_prev against central differences of the cost in X.
        let cache = layer.forward(x)
        let step = layer.backward(outputGradient: loss.gradient(predicted: cache.output, expected: y), cache: cache)
        let numerical = GradientCheck.numericalGradient(
            of: { loss.cost(predicted: layer($0), expected: y) }, at: x)
        #expect(GradientCheck.maxRelativeError(step.inputGradient, numerical) < 1e-7)
    }

    @Test func batchGradientIsTheMeanOfPerExampleGradients() {
        // The loss gradient carries 1/m, so dW = dZ Aᵀ over a batch is the mean of each
        // example's own gradient (each computed with m = 1).
        var generator = SplitMix64(seed: 11)
        let layer = Dense(inputs: 2, outputs: 3, activation: .sigmoid, weights: .uniform(scale: 1), generator: &generator)
        let x = Matrix([[0.1, -0.5, 0.9, 0.3], [1.2, 0.4, -0.7, 0.0]])
        let y = Matrix([[1, 0, 1, 0], [0, 1, 1, 0], [0.5, 0.5, 0, 1]])
        let loss = MeanSquaredError()
        func gradients(_ x: Matrix, _ y: Matrix) -> DenseGradients {
            let cache = layer.forward(x)
            return layer.backward(outputGradient: loss.gradient(predicted: cache.output, expected: y), cache: cache).parameterGradients
        }
        let batch = gradients(x, y)
        var weights = Matrix(rows: 3, columns: 2, repeating: 0)
        var bias = Matrix(rows: 3, columns: 1, repeating: 0)
        for j in 0..<4 {
            let one = gradients(x.column(j), y.column(j))
            weights += one.weightGradient
            bias += one.biasGradient
        }
        #expect(isClose(batch.weightGradient, weights / 4, within: 1e-15))
        #expect(isClose(batch.biasGradient, bias / 4, within: 1e-15))
    }

    @Test func biasMustBeAColumnForEveryUnit() async {
        await #expect(processExitsWith: .failure) {
            _ = Dense(weights: Matrix([[1, 2], [3, 4]]), bias: Matrix(column: [1]), activation: .relu)
        }
    }

    @Test func inputMustHaveOneRowPerWeightColumn() async {
        await #expect(processExitsWith: .failure) {
            let layer = Dense(weights: Matrix([[1, 2]]), bias: Matrix(column: [0]), activation: .relu)
            _ = layer.forward(Matrix(column: [1, 2, 3]))
        }
    }
}
