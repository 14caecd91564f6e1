import Foundation
import Testing
import Learning

/// The largest relative error between a loss's gradient and central differences of its cost
/// with respect to the predictions.
func lossGradientError(_ loss: some Loss, predicted: Matrix, expected: Matrix) -> Double {
    let analytic = loss.gradient(predicted: predicted, expected: expected)
    let numerical = GradientCheck.numericalGradient(
        of: { loss.cost(predicted: $0, expected: expected) }, at: predicted, step: 1e-6)
    return GradientCheck.maxRelativeError(analytic, numerical)
}

@Suite struct LossTests {
    @Test func costIsTheMeanOfTheLosses() {
        let loss = MeanSquaredError()
        let predicted = Matrix([[0.5, 0.2, 1.0]]), expected = Matrix([[1, 0, 1]])
        let losses = loss.losses(predicted: predicted, expected: expected)
        #expect(losses.shape == Shape(1, 3))
        #expect(loss.cost(predicted: predicted, expected: expected) == losses.mean())
    }

    @Test func scalarLossIsTheOneByOneCase() {
        #expect(MeanSquaredError().loss(predicted: 3, expected: 1) == 2)  // ½ (3 - 1)² = 2
    }

    @Test func predictionsAndTargetsMustMatch() async {
        await #expect(processExitsWith: .failure) {
            _ = MeanSquaredError().cost(predicted: Matrix([[1, 2]]), expected: Matrix([[1], [2]]))
        }
    }

    @Test func perOutputLossesSumToTheExampleLosses() {
        // For every loss, each column of outputLosses sums to that example's L.
        let predicted = Matrix([[0.3, 0.9, 0.5], [0.6, 0.05, 0.2], [0.1, 0.05, 0.3]])
        let expected = Matrix([[1, 0, 0], [0, 1, 0], [0, 0, 1]])
        func check(_ loss: some Loss) {
            let perOutput = loss.outputLosses(predicted: predicted, expected: expected)
            #expect(perOutput.shape == predicted.shape)
            #expect(isClose(perOutput.columnSums(), loss.losses(predicted: predicted, expected: expected), within: 1e-15))
        }
        check(MeanSquaredError())
        check(BinaryCrossEntropy())
        check(CrossEntropy())
        // Cross-entropy's per-class term is -y ln a: zero off the true class, -ln 0.3 on it.
        #expect(isClose(CrossEntropy().outputLosses(predicted: predicted, expected: expected).column(2),
                        Matrix(column: [0, 0, -log(0.3)]), within: 1e-15))
    }
}
