import Testing
import Learning

@Suite struct MomentumTests {
    @Test func twoHandStepsOnAQuadratic() {
        // f(x) = x², f'(x) = 2x, x = 1, α = 0.1, β = 0.9:
        // v1 = 0.9 x 0 - 0.1 x 2 = -0.2;            x1 = 1 - 0.2 = 0.8
        // v2 = 0.9 x (-0.2) - 0.1 x 1.6 = -0.34;    x2 = 0.8 - 0.34 = 0.46
        var x = 1.0
        var optimizer = Momentum(learningRate: 0.1, momentum: 0.9)
        optimizer.update(&x, gradient: 2 * x)
        #expect(isClose(x, 0.8, within: 1e-15))
        optimizer.update(&x, gradient: 2 * x)
        #expect(isClose(x, 0.46, within: 1e-15))
        #expect(isClose(optimizer.velocity(ofParameter: 0)[0, 0], -0.34, within: 1e-15))
    }

    @Test func momentumZeroIsGradientDescentExactly() throws {
        var generator = SplitMix64(seed: 4)
        let start = Network(sizes: [2, 4, 1], hidden: .tanh, output: .sigmoid, weights: .uniform(scale: 1), generator: &generator)
        let data = Dataset.xor()
        var plain = start, heavy = start
        let a = try plain.train(inputs: data.features, expected: data.labels, loss: BinaryCrossEntropy(),
                                optimizer: GradientDescent(learningRate: 0.5), iterations: 50)
        let b = try heavy.train(inputs: data.features, expected: data.labels, loss: BinaryCrossEntropy(),
                                optimizer: Momentum(learningRate: 0.5, momentum: 0), iterations: 50)
        #expect(a.costs == b.costs)
        #expect(plain.parameters == heavy.parameters)
        #expect(plain.parameters != start.parameters)
    }

    @Test func momentumSpeedsUpAnIllConditionedValley() throws {
        // f(x, y) = ½ (x² + 25 y²): plain descent must keep α < 2/25 and crawls along x.
        func steps(_ optimizer: some Optimizer) -> Int {
            var optimizer = optimizer
            var p = [Matrix(column: [10, 1])]
            for step in 1...10_000 {
                let x = p[0][0, 0], y = p[0][1, 0]
                if 0.5 * (x * x + 25 * y * y) < 1e-6 { return step }
                optimizer.update(&p, gradients: [Matrix(column: [x, 25 * y])])
            }
            return 10_000
        }
        // Worked out step by step (a short loop on a calculator): 124 plain steps, 49 with β = 0.5.
        let plain = steps(GradientDescent(learningRate: 0.07))
        let heavy = steps(Momentum(learningRate: 0.07, momentum: 0.5))
        #expect(plain == 124)
        #expect(heavy == 49)
    }

    @Test func hyperparametersAreChecked() async {
        await #expect(processExitsWith: .failure) { _ = Momentum(learningRate: 0.1, momentum: 1) }
        await #expect(processExitsWith: .failure) { _ = Momentum(learningRate: 0.1, momentum: -0.5) }
        await #expect(processExitsWith: .failure) { _ = Momentum(learningRate: 0, momentum: 0.5) }
    }

    @Test func summedGradientFormGivesTheSameWeights() {
        // The doc comment's conversion: u ← β u + g, W ← W - α u (PyTorch's SGD) moves W
        // exactly as v ← β v - α g, W ← W + v, with v = -α u at every step; and the
        // exponential average u ← β u + (1 - β) g is this one with learning rate α (1 - β).
        // On f(x) = x², g = 2x, from x = 1, α = 0.1, β = 0.9 (as twoHandStepsOnAQuadratic):
        var x = 1.0, u = 0.0
        var xAverage = 1.0, uAverage = 0.0
        var ours = 1.0, oursAverage = 1.0
        var optimizer = Momentum(learningRate: 0.1, momentum: 0.9)
        var averaged = Momentum(learningRate: 0.1 * (1 - 0.9), momentum: 0.9)
        for _ in 0..<20 {
            u = 0.9 * u + 2 * x
            x -= 0.1 * u
            uAverage = 0.9 * uAverage + (1 - 0.9) * 2 * xAverage
            xAverage -= 0.1 * uAverage
            optimizer.update(&ours, gradient: 2 * ours)
            averaged.update(&oursAverage, gradient: 2 * oursAverage)
            #expect(isClose(ours, x, within: 1e-14))
            #expect(isClose(optimizer.velocity(ofParameter: 0)[0, 0], -0.1 * u, within: 1e-14))
            #expect(isClose(oursAverage, xAverage, within: 1e-14))
        }
    }
}
