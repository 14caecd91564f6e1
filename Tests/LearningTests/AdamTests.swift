import Testing
import Learning

@Suite struct AdamTests {
    @Test func twoHandStepsInANarrowValley() {
        // f(x, y) = ½(x² + 25y²) from (10, 1), α = 0.1, β₁ = 0.9, β₂ = 0.999, ε = 1e-8.
        // Step 1 (t = 1): g = (10, 25); m = (1, 2.5); v = (0.1, 0.625); m̂ = m / 0.1 = g,
        //   v̂ = v / 0.001 = g², so each coordinate moves by 0.1·|g| / (|g| + 1e-8) = 0.1 (to 1e-9):
        //   (9.9, 0.9).
        // Step 2 (t = 2): g = (9.9, 22.5);
        //   x: m = 0.9 + 0.99 = 1.89, v = 0.0999 + 0.09801 = 0.19791,
        //      m̂ = 1.89 / 0.19 = 9.947368, v̂ = 0.19791 / 0.001999 = 99.004502, √v̂ = 9.950101,
        //      x2 = 9.9 - 0.1·9.947368 / 9.950101 = 9.9 - 0.0999725 = 9.8000275
        //   y: m = 2.25 + 2.25 = 4.5, v = 0.624375 + 0.50625 = 1.130625,
        //      m̂ = 4.5 / 0.19 = 23.684211, v̂ = 1.130625 / 0.001999 = 565.595298, √v̂ = 23.782248,
        //      y2 = 0.9 - 0.1·23.684211 / 23.782248 = 0.9 - 0.0995878 = 0.8004122
        var p = Matrix(column: [10, 1])
        var optimizer = Adam(learningRate: 0.1)
        optimizer.update(&p, gradient: Matrix(column: [p[0, 0], 25 * p[1, 0]]), index: 0)
        #expect(isClose(p, Matrix(column: [9.9, 0.9]), within: 1e-9))
        #expect(isClose(optimizer.moments(ofParameter: 0).first, Matrix(column: [1, 2.5]), within: 1e-12))
        #expect(isClose(optimizer.moments(ofParameter: 0).second, Matrix(column: [0.1, 0.625]), within: 1e-12))
        optimizer.update(&p, gradient: Matrix(column: [p[0, 0], 25 * p[1, 0]]), index: 0)
        let state = optimizer.moments(ofParameter: 0)
        #expect(state.step == 2)
        #expect(isClose(state.first, Matrix(column: [1.89, 4.5]), within: 1e-9))
        #expect(isClose(state.second, Matrix(column: [0.19791, 1.130625]), within: 1e-9))
        let expected = Matrix(column: [9.8000275, 0.8004122])   // by hand, above
        #expect(isClose(p, expected, within: 1e-7))
    }

    @Test func theFirstStepIsTheLearningRateWhateverTheGradientsScale() {
        // m̂ = g and v̂ = g² at t = 1, so the step is α |g| / (|g| + ε): 0.01 for g = 1 and 10⁴
        // (to 1e-9), and 0.01 · 10⁻⁴ / (10⁻⁴ + 10⁻⁸) = 0.01 / 1.0001 = 0.0099990001 for g = 10⁻⁴.
        for (g, expected) in [(1e-4, 0.0099990001), (1.0, 0.01), (1e4, 0.01)] {
            var w = 0.0
            var optimizer = Adam(learningRate: 0.01)
            optimizer.update(&w, gradient: g)
            #expect(isClose(w, -expected, within: 1e-9))
        }
    }

    @Test func eachParameterCountsItsOwnSteps() {
        var generator = SplitMix64(seed: 5)
        var network = Network(sizes: [2, 2, 1], hidden: .tanh, output: .sigmoid, generator: &generator)
        let data = Dataset.xor()
        var optimizer = Adam(learningRate: 0.01)
        for _ in 0..<3 {
            let gradients = network.gradients(inputs: data.features, expected: data.labels, loss: BinaryCrossEntropy())
            optimizer.update(&network, gradients: gradients, updating: .weights)
        }
        let gradients = network.gradients(inputs: data.features, expected: data.labels, loss: BinaryCrossEntropy())
        optimizer.update(&network, gradients: gradients)
        #expect(optimizer.moments(ofParameter: 0).step == 4)   // W1: 3 weight-only updates and 1 full
        #expect(optimizer.moments(ofParameter: 1).step == 1)   // b1: the full update only
        #expect(optimizer.moments(ofParameter: 2).step == 4)
        #expect(optimizer.moments(ofParameter: 3).step == 1)
    }

    @Test func trainsIrisToATargetSoonerThanGradientDescent() throws {
        let iris = try Dataset.load(csv: shippedData("iris.csv"))
        let x = Standardizer(fitting: iris.features).apply(iris.features)
        let y = iris.labels.oneHot(classes: 3)
        func iterations(_ optimizer: some Optimizer) throws -> TrainingHistory {
            var generator = SplitMix64(seed: 7)
            var network = Network(sizes: [4, 8, 3], hidden: .tanh, output: .softmax, weights: .xavier, generator: &generator)
            return try network.train(inputs: x, expected: y, loss: CrossEntropy(), optimizer: optimizer,
                                     iterations: 3000, targetCost: 0.1)
        }
        // At the same rate, Adam reaches a cost of 0.1 in fewer than half of gradient
        // descent's updates, or gradient descent does not reach it in 3000.
        for rate in [0.01, 0.3] {
            let plain = try iterations(GradientDescent(learningRate: rate))
            let adam = try iterations(Adam(learningRate: rate))
            #expect(adam.reachedTarget)
            #expect(!plain.reachedTarget || adam.updates * 2 < plain.updates)
        }
    }

    @Test func hyperparametersAreChecked() async {
        await #expect(processExitsWith: .failure) { _ = Adam(learningRate: 0) }
        await #expect(processExitsWith: .failure) { _ = Adam(learningRate: 0.1, beta1: 1) }
        await #expect(processExitsWith: .failure) { _ = Adam(learningRate: 0.1, beta2: -0.1) }
        await #expect(processExitsWith: .failure) { _ = Adam(learningRate: 0.1, epsilon: -1e-8) }
        await #expect(processExitsWith: .failure) {
            var optimizer = Adam(learningRate: 0.1)
            var small = [Matrix(rows: 1, columns: 1, repeating: 0)]
            optimizer.update(&small, gradients: small)
            var other = [Matrix(rows: 3, columns: 1, repeating: 0)]
            optimizer.update(&other, gradients: other)
        }
    }
}
