import Testing
import Learning

@Suite struct AccuracyTests {
    @Test func oneHot() {
        #expect(Matrix(row: [2, 0, 1]).oneHot(classes: 3) == Matrix([[0, 1, 0], [0, 0, 1], [1, 0, 0]]))
    }

    @Test func oneHotRejectsNonClasses() async {
        await #expect(processExitsWith: .failure) { _ = Matrix(row: [0, 3]).oneHot(classes: 3) }
        await #expect(processExitsWith: .failure) { _ = Matrix(row: [0.5]).oneHot(classes: 3) }
    }

    @Test func binaryAccuracyThresholdsAtOneHalf() {
        // Predictions 0.9, 0.4, 0.5, 0.2 -> classes 1, 0, 1, 0 against 1, 1, 1, 0: 3 of 4 right
        #expect(accuracy(predicted: Matrix([[0.9, 0.4, 0.5, 0.2]]), expected: Matrix([[1, 1, 1, 0]])) == 0.75)
    }

    @Test func multiClassAccuracyComparesArgmax() {
        let predicted = Matrix([[0.7, 0.1, 0.3], [0.2, 0.8, 0.3], [0.1, 0.1, 0.4]])  // classes 0, 1, 2
        let expected = Matrix(row: [0, 1, 1]).oneHot(classes: 3)
        #expect(isClose(accuracy(predicted: predicted, expected: expected), 2.0 / 3))
        #expect(predicted.predictedClasses() == [0, 1, 2])
    }

    @Test func exactlyOneHalfIsClassOne() {
        // σ(0) = 0.5 on the decision boundary z = 0: the threshold is a >= 0.5, so class 1.
        #expect(Matrix([[0.5, 0.4999999, 0.5000001]]).predictedClasses() == [1, 0, 1])
        #expect(Matrix([[Sigmoid().value(0)]]).predictedClasses() == [1])
    }
}
