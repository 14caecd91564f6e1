import Testing
import Learning

@Suite struct BinaryCrossEntropyTests {
    let loss = BinaryCrossEntropy()

    @Test func handValues() {
        // y = 1, a = 0.9: L = -ln 0.9 = 0.1053605157
        // y = 0, a = 0.2: L = -ln(1 - 0.2) = -ln 0.8 = 0.2231435513
        // J = (0.1053605157 + 0.2231435513) / 2 = 0.1642520335
        let predicted = Matrix([[0.9, 0.2]]), expected = Matrix([[1, 0]])
        let losses = loss.losses(predicted: predicted, expected: expected)
        #expect(isClose(losses[0, 0], 0.10536051565782628))
        #expect(isClose(losses[0, 1], 0.2231435513142097))
        #expect(isClose(loss.cost(predicted: predicted, expected: expected), 0.164252033486018))
    }

    @Test func confidentRightIsSmallConfidentWrongIsLarge() {
        #expect(loss.loss(predicted: 0.999, expected: 1) < 0.0011)  // -ln 0.999 = 0.0010005
        #expect(loss.loss(predicted: 0.001, expected: 1) > 6.9)  // -ln 0.001 = 6.9078
    }

    @Test func finiteAtExactlyZeroAndOne() {
        // Clamped to [1e-12, 1 - 1e-12]: the worst loss is -ln 1e-12 = 27.6310211159
        let worst = loss.loss(predicted: 0, expected: 1)
        #expect(isClose(worst, 27.631021115928547, within: 1e-9))
        #expect(loss.loss(predicted: 1, expected: 0).isFinite)
        #expect(loss.loss(predicted: 1, expected: 1) < 1e-11)
        let gradient = loss.gradient(predicted: Matrix([[0, 1, 0, 1]]), expected: Matrix([[1, 0, 0, 1]]))
        #expect(gradient.elements.allSatisfy { $0.isFinite })
    }

    @Test func gradientCheck() {
        let predicted = Matrix([[0.3, 0.9, 0.55], [0.05, 0.6, 0.99]])
        let expected = Matrix([[1, 0, 1], [0, 1, 0]])
        #expect(lossGradientError(loss, predicted: predicted, expected: expected) < 1e-6)
    }
}
