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
}
