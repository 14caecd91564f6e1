import Testing
import Learning

@Suite struct SoftmaxTests {
    @Test func handValuesOfAThreeVector() {
        // e^1, e^2, e^3 = 2.7182818, 7.3890561, 20.0855369; sum 30.1928748
        // a = (0.0900306, 0.2447285, 0.6652410)
        let a = Softmax().forward(Matrix(column: [1, 2, 3]))
        #expect(isClose(a, Matrix(column: [0.09003057317038046, 0.24472847105479767, 0.6652409557748219]), within: 1e-15))
        #expect(isClose(a.sum(), 1))
        #expect(a.columnArgmax() == [2])
    }

    @Test func eachColumnIsItsOwnDistribution() {
        let a = Softmax().forward(Matrix([[1, 0], [2, 0], [3, 0]]))
        #expect(isClose(a.columnSums(), Matrix(row: [1, 1])))
        #expect(isClose(a.column(1), Matrix(column: [1.0 / 3, 1.0 / 3, 1.0 / 3])))
    }

    @Test func stableForHugeScores() {
        // Shifting by the column maximum: (1000, 1000, -1000) -> (0, 0, -2000) -> (1/2, 1/2, 0)
        let a = Softmax().forward(Matrix(column: [1000, 1000, -1000]))
        #expect(a == Matrix(column: [0.5, 0.5, 0]))
        let b = Softmax().forward(Matrix(column: [-1000, -1000]))
        #expect(b == Matrix(column: [0.5, 0.5]))
    }

    @Test func backwardIsTheJacobianVectorProduct() {
        // dz_k = a_k (da_k - Σ_i a_i da_i); with a = (0.5, 0.5) and da = (1, 0):
        // Σ a da = 0.5, dz = (0.5 x 0.5, 0.5 x -0.5) = (0.25, -0.25)
        let a = Matrix(column: [0.5, 0.5])
        #expect(Softmax().backward(outputGradient: Matrix(column: [1, 0]), output: a) == Matrix(column: [0.25, -0.25]))
    }
}
