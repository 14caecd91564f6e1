import Testing
import Learning

@Suite struct RMSPropTests {
    @Test func twoHandStepsInANarrowValley() {
        // f(x, y) = ½(x² + 25y²) from (10, 1), α = 0.01, ρ = 0.9, ε = 1e-8; g = (x, 25y).
        // Step 1: g = (10, 25); s = 0.1 g² = (10, 62.5);
        //   x1 = 10 - 0.01·10/√10 = 10 - 0.0316228 = 9.9683772, y1 = 1 - 0.01·25/√62.5 = 0.9683772:
        //   both coordinates move by the same 0.01·√10, though their gradients differ 2.5 times.
        // Step 2: g = (9.9683772, 24.2094306);
        //   s_x = 0.9·10 + 0.1·99.368545 = 18.936854, s_y = 0.9·62.5 + 0.1·586.09653 = 114.859653;
        //   x2 = 9.9683772 - 0.01·9.9683772/4.3516497 = 9.9454701,
        //   y2 = 0.9683772 - 0.01·24.2094306/10.7172596 = 0.9457880.
        var p = Matrix(column: [10, 1])
        var optimizer = RMSProp(learningRate: 0.01)
        optimizer.update(&p, gradient: Matrix(column: [p[0, 0], 25 * p[1, 0]]), index: 0)
        #expect(isClose(p[0, 0], 9.9683772, within: 1e-7))
        #expect(isClose(p[1, 0], 0.9683772, within: 1e-7))
        #expect(isClose(optimizer.meanSquare(ofParameter: 0), Matrix(column: [10, 62.5]), within: 1e-12))
        optimizer.update(&p, gradient: Matrix(column: [p[0, 0], 25 * p[1, 0]]), index: 0)
        #expect(isClose(optimizer.meanSquare(ofParameter: 0), Matrix(column: [18.936854, 114.859653]), within: 1e-6))
        let expected = Matrix(column: [9.9454701, 0.9457880])   // by hand, above
        #expect(isClose(p, expected, within: 1e-7))
    }

    @Test func aZeroGradientMovesNothing() {
        // ε keeps g / (√s + ε) at 0 where s and g are both 0.
        var p = Matrix(column: [3, -2])
        var optimizer = RMSProp(learningRate: 0.1)
        optimizer.update(&p, gradient: Matrix(column: [0, 0]), index: 0)
        #expect(p == Matrix(column: [3, -2]))
    }

    @Test func trainsXOR() throws {
        var generator = SplitMix64(seed: 3)
        var network = Network(sizes: [2, 3, 1], hidden: .tanh, output: .sigmoid, weights: .xavier, generator: &generator)
        let data = Dataset.xor()
        let history = try network.train(inputs: data.features, expected: data.labels, loss: BinaryCrossEntropy(),
                                        optimizer: RMSProp(learningRate: 0.01), iterations: 2000, targetCost: 0.05)
        #expect(history.reachedTarget)
        #expect(history.costs.last! < history.costs.first! / 10)
    }

    @Test func hyperparametersAreChecked() async {
        await #expect(processExitsWith: .failure) { _ = RMSProp(learningRate: 0) }
        await #expect(processExitsWith: .failure) { _ = RMSProp(learningRate: 0.1, decay: 1) }
        await #expect(processExitsWith: .failure) { _ = RMSProp(learningRate: 0.1, epsilon: 0) }
        await #expect(processExitsWith: .failure) {
            var optimizer = RMSProp(learningRate: 0.1)
            var small = [Matrix(rows: 1, columns: 1, repeating: 0)]
            optimizer.update(&small, gradients: small)
            var other = [Matrix(rows: 1, columns: 2, repeating: 0)]
            optimizer.update(&other, gradients: other)
        }
    }
}
