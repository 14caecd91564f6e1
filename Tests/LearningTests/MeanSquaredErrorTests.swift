import Testing
import Learning

@Suite struct MeanSquaredErrorTests {
    let loss = MeanSquaredError()

    @Test func handValues() {
        // Two examples, one output: L1 = ½ (0.5 - 1)² = 0.125, L2 = ½ (0.2 - 0)² = 0.02
        // J = (0.125 + 0.02) / 2 = 0.0725
        let predicted = Matrix([[0.5, 0.2]]), expected = Matrix([[1, 0]])
        #expect(isClose(loss.losses(predicted: predicted, expected: expected), Matrix([[0.125, 0.02]])))
        #expect(isClose(loss.cost(predicted: predicted, expected: expected), 0.0725))
        // ∂J/∂A = (A - Y) / m = (-0.5, 0.2) / 2 = (-0.25, 0.1)
        #expect(isClose(loss.gradient(predicted: predicted, expected: expected), Matrix([[-0.25, 0.1]])))
    }

    @Test func sumsOverOutputUnits() {
        // One example, two outputs: L = ½ ((0.3 - 1)² + (0.6 - 0)²) = ½ (0.49 + 0.36) = 0.425
        #expect(isClose(loss.cost(predicted: Matrix(column: [0.3, 0.6]), expected: Matrix(column: [1, 0])), 0.425))
    }

    @Test func gradientCheck() {
        let predicted = Matrix([[0.3, -1.2, 2.0], [0.8, 0.1, -0.5]])
        let expected = Matrix([[1, 0, 1], [0, 1, 0.5]])
        #expect(lossGradientError(loss, predicted: predicted, expected: expected) < 1e-7)
    }

    @Test func perOutputLossesAreMazursErrors() {
        // Mazur's worked example after the forward pass: out_o1 = 0.75136507, target 0.01;
        // out_o2 = 0.772928465, target 0.99. By hand, to 10 decimals:
        // E_o1 = ½ (0.01 - 0.75136507)² = ½ (0.74136507)² = ½ x 0.5496221670 = 0.2748110835
        // E_o2 = ½ (0.99 - 0.772928465)² = ½ (0.217071535)² = ½ x 0.0471200513 = 0.0235600257
        // E_total = E_o1 + E_o2 = 0.2983711092 (Mazur rounds these to 0.274811083, 0.023560026
        // and 0.298371109)
        let predicted = Matrix(column: [0.75136507, 0.772928465]), expected = Matrix(column: [0.01, 0.99])
        let perOutput = loss.outputLosses(predicted: predicted, expected: expected)
        #expect(perOutput.shape == Shape(2, 1))
        #expect(isClose(perOutput[0, 0], 0.2748110835, within: 5e-11))
        #expect(isClose(perOutput[1, 0], 0.0235600257, within: 5e-11))
        #expect(isClose(loss.cost(predicted: predicted, expected: expected), 0.2983711092, within: 5e-11))
    }

    @Test func theBooksConventionAgainstMeanOverEveryEntry() {
        // Keras' and PyTorch's MSE: the mean of (a - y)² over all k·m entries, no ½.
        // Two outputs, two examples: squares 0.49, 0.36 | 0.04, 0.01 (differences 0.7, 0.6, 0.2, 0.1)
        // book: J = (½ (0.49 + 0.36) + ½ (0.04 + 0.01)) / 2 = (0.425 + 0.025) / 2 = 0.225
        // theirs: (0.49 + 0.36 + 0.04 + 0.01) / 4 = 0.225 = 2J / k with k = 2
        let predicted = Matrix([[0.3, 0.8], [0.6, 0.1]]), expected = Matrix([[1, 1], [0, 0]])
        let j = loss.cost(predicted: predicted, expected: expected)
        #expect(isClose(j, 0.225))
        let theirs = ((predicted - expected) .* (predicted - expected)).mean()
        #expect(isClose(theirs, 2 * j / 2))  // 2J / k, k = 2 outputs
    }
}
