import Testing
import Learning

@Suite struct CrossEntropyTests {
    let loss = CrossEntropy()

    @Test func handValues() {
        // One-hot y = (1, 0, 0), a = (0.7, 0.2, 0.1): L = -ln 0.7 = 0.3566749439
        let predicted = Matrix(column: [0.7, 0.2, 0.1]), expected = Matrix(column: [1, 0, 0])
        #expect(isClose(loss.cost(predicted: predicted, expected: expected), 0.35667494393873245))
        // ∂J/∂a = -y / a / m = (-1/0.7, 0, 0)
        #expect(isClose(loss.gradient(predicted: predicted, expected: expected), Matrix(column: [-1 / 0.7, 0, 0])))
    }

    @Test func nearZeroWhenCloseUnboundedWhenFar() {
        let close = loss.cost(predicted: Matrix(column: [0.999, 0.001]), expected: Matrix(column: [1, 0]))
        let far = loss.cost(predicted: Matrix(column: [1e-9, 1 - 1e-9]), expected: Matrix(column: [1, 0]))
        #expect(close < 0.0011)  // -ln 0.999 = 0.0010005
        #expect(far > 20)  // -ln 1e-9 = 20.72
    }

    @Test func finiteAtExactlyZero() {
        let predicted = Matrix(column: [0, 1]), expected = Matrix(column: [1, 0])
        #expect(isClose(loss.cost(predicted: predicted, expected: expected), 27.631021115928547, within: 1e-9))
        #expect(loss.gradient(predicted: predicted, expected: expected).elements.allSatisfy { $0.isFinite })
    }

    @Test func gradientCheck() {
        let predicted = Matrix([[0.2, 0.5], [0.3, 0.25], [0.5, 0.25]])
        let expected = Matrix([[0, 1], [0, 0], [1, 0]])
        #expect(lossGradientError(loss, predicted: predicted, expected: expected) < 1e-7)
    }
}
