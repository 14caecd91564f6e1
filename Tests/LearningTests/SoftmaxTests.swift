import Foundation
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

    @Test(arguments: [(1, 1), (3, 7), (10, 8), (10, 9), (4, 17), (10, 1797)])
    func eightColumnsAtOnceGiveEachColumnsNumbers(_ rows: Int, _ columns: Int) {
        var generator = SplitMix64(seed: 31)
        var z = Matrix(rows: rows, columns: columns, elements: (0..<rows * columns).map { _ in generator.uniform(in: -30..<30) })
        // Ties for the maximum, huge scores, -infinity and -0 among them.
        z.elements[0] = 1000
        if z.count > 9 { z.elements[columns - 1] = -.infinity; z.elements[z.count - 1] = 1000; z.elements[z.count / 2] = -0.0 }
        let a = Softmax().forward(z)
        var into = Matrix(rows: 2, columns: 2, elements: [1, 2, 3, 4])
        Softmax().forward(z, into: &into)
        #expect(a.shape == z.shape && into.elements.map(\.bitPattern) == a.elements.map(\.bitPattern))
        // One column at a time, straight from the definition: max, e^(z - max), sum, quotient.
        for j in 0..<columns {
            let column = (0..<rows).map { z[$0, j] }
            var largest = -Double.infinity
            for x in column { largest = max(largest, x) }
            let e = column.map { exp($0 - largest) }
            var total = 0.0
            for x in e { total += x }
            for i in 0..<rows { #expect(a[i, j].bitPattern == (e[i] / total).bitPattern, "(\(i), \(j))") }
        }
    }
}
