import Testing
import Learning

@Suite struct NesterovMomentumTests {
    @Test func twoHandStepsOnAQuadratic() {
        // f(w) = w², f'(w) = 2w, w0 = 2, v0 = 0, α = 0.1, β = 0.9, in Sutskever's form
        // (gradient at the look-ahead w + βv):
        //   step 1: look-ahead 2;                      v1 = -0.1 x 4 = -0.4;                  w1 = 1.6
        //   step 2: look-ahead 1.6 + 0.9 x -0.4 = 1.24; v2 = 0.9 x -0.4 - 0.1 x 2.48 = -0.608; w2 = 0.992
        // The optimiser holds w̃ = w + βv: w̃1 = 1.6 - 0.36 = 1.24, w̃2 = 0.992 - 0.5472 = 0.4448.
        var theta = 2.0
        var optimizer = NesterovMomentum(learningRate: 0.1, momentum: 0.9)
        optimizer.update(&theta, gradient: 2 * theta)
        #expect(isClose(theta, 1.24, within: 1e-15))
        #expect(isClose(optimizer.velocity(ofParameter: 0)[0, 0], -0.4, within: 1e-15))
        optimizer.update(&theta, gradient: 2 * theta)
        let expected = 0.4448   // by hand, above
        #expect(isClose(theta, expected, within: 1e-15))
        #expect(isClose(optimizer.velocity(ofParameter: 0)[0, 0], -0.608, within: 1e-15))
    }

    @Test func storedPointIsSutskeversLookAhead() {
        // Run equations (3) and (4) of Sutskever et al. (2013) as written on a 2-D quadratic
        // f = ½(x² + 25y²) and compare w + βv with what the optimiser holds, for 40 steps.
        let alpha = 0.03, beta = 0.8
        var w = [4.0, -1.0], v = [0.0, 0.0]
        var theta = Matrix(column: w)
        var optimizer = NesterovMomentum(learningRate: alpha, momentum: beta)
        let slopes = [1.0, 25.0]
        for _ in 0..<40 {
            for i in 0..<2 {
                let lookAhead = w[i] + beta * v[i]
                v[i] = beta * v[i] - alpha * slopes[i] * lookAhead
                w[i] += v[i]
            }
            optimizer.update(&theta, gradient: Matrix(column: [theta[0, 0], 25 * theta[1, 0]]), index: 0)
            #expect(isClose(theta[0, 0], w[0] + beta * v[0], within: 1e-13))
            #expect(isClose(theta[1, 0], w[1] + beta * v[1], within: 1e-13))
        }
    }

    @Test func momentumZeroIsGradientDescentExactly() throws {
        var generator = SplitMix64(seed: 4)
        let start = Network(sizes: [2, 4, 1], hidden: .tanh, output: .sigmoid, weights: .uniform(scale: 1), generator: &generator)
        let data = Dataset.xor()
        var plain = start, nesterov = start
        let a = try plain.train(inputs: data.features, expected: data.labels, loss: BinaryCrossEntropy(),
                                optimizer: GradientDescent(learningRate: 0.5), iterations: 50)
        let b = try nesterov.train(inputs: data.features, expected: data.labels, loss: BinaryCrossEntropy(),
                                   optimizer: NesterovMomentum(learningRate: 0.5, momentum: 0), iterations: 50)
        #expect(a.costs == b.costs)
        #expect(plain.parameters == nesterov.parameters)
    }

    @Test func trainsXORFasterThanPlainDescent() throws {
        var generator = SplitMix64(seed: 3)
        let start = Network(sizes: [2, 3, 1], hidden: .tanh, output: .sigmoid, weights: .xavier, generator: &generator)
        let data = Dataset.xor()
        var plain = start, nesterov = start
        let a = try plain.train(inputs: data.features, expected: data.labels, loss: BinaryCrossEntropy(),
                                optimizer: GradientDescent(learningRate: 0.5), iterations: 2000, targetCost: 0.05)
        let b = try nesterov.train(inputs: data.features, expected: data.labels, loss: BinaryCrossEntropy(),
                                   optimizer: NesterovMomentum(learningRate: 0.5, momentum: 0.9), iterations: 2000, targetCost: 0.05)
        #expect(b.reachedTarget)
        #expect(a.reachedTarget)
        #expect(b.updates * 2 < a.updates)
    }

    @Test func hyperparametersAreChecked() async {
        await #expect(processExitsWith: .failure) { _ = NesterovMomentum(learningRate: 0.1, momentum: 1) }
        await #expect(processExitsWith: .failure) { _ = NesterovMomentum(learningRate: 0.1, momentum: -0.1) }
        await #expect(processExitsWith: .failure) { _ = NesterovMomentum(learningRate: -1, momentum: 0.5) }
        await #expect(processExitsWith: .failure) {
            var optimizer = NesterovMomentum(learningRate: 0.1, momentum: 0.5)
            optimizer.learningRate = 0
        }
        await #expect(processExitsWith: .failure) {
            var optimizer = NesterovMomentum(learningRate: 0.1, momentum: 0.5)
            var small = [Matrix(rows: 1, columns: 1, repeating: 0)]
            optimizer.update(&small, gradients: small)
            var other = [Matrix(rows: 2, columns: 1, repeating: 0)]
            optimizer.update(&other, gradients: other)
        }
    }
}
