import Testing
import Learning

@Suite struct MatrixArithmeticTests {
    let a = Matrix([[1, 2], [3, 4]])
    let b = Matrix([[5, 6], [7, 8]])

    @Test func elementWise() {
        #expect(a + b == Matrix([[6, 8], [10, 12]]))
        #expect(b - a == Matrix([[4, 4], [4, 4]]))
        #expect(a .* b == Matrix([[5, 12], [21, 32]]))
        #expect(b / a == Matrix([[5, 3], [7.0 / 3.0, 2]]))
        #expect(-a == Matrix([[-1, -2], [-3, -4]]))
    }

    @Test func withNumbers() {
        #expect(2 * a == Matrix([[2, 4], [6, 8]]))
        #expect(a * 2 == 2 * a)
        #expect(a / 2 == Matrix([[0.5, 1], [1.5, 2]]))
        #expect(1 - a == Matrix([[0, -1], [-2, -3]]))
        #expect(a + 1 == Matrix([[2, 3], [4, 5]]))
        #expect(a - 1 == Matrix([[0, 1], [2, 3]]))
        var c = a
        c += b
        c -= a
        c *= 2
        c /= 4
        #expect(c == b / 2)
    }

    @Test func biasIsAddedToEveryColumn() {
        // Z is (2, 3); b is (2, 1): row i of Z gets b_i.
        let z = Matrix([[1, 2, 3], [4, 5, 6]])
        let bias = Matrix(column: [10, 20])
        #expect(z + bias == Matrix([[11, 12, 13], [24, 25, 26]]))
        #expect(bias + z == z + bias)
        #expect(z - bias == Matrix([[-9, -8, -7], [-16, -15, -14]]))
        #expect(z / Matrix(column: [1, 2]) == Matrix([[1, 2, 3], [2, 2.5, 3]]))
    }

    @Test func productIsTheMatrixProduct() {
        // [[1,2],[3,4]] [[5,6],[7,8]] = [[1*5+2*7, 1*6+2*8], [3*5+4*7, 3*6+4*8]] = [[19,22],[43,50]]
        #expect(a * b == Matrix([[19, 22], [43, 50]]))
        #expect(a.transposedTimes(b) == a.transposed * b)
        #expect(a.timesTransposed(b) == a * b.transposed)
    }
}

@Suite struct MatrixShapeMismatchTests {
    @Test func mismatchStopsNamingBothShapes() async throws {
        let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            _ = Matrix([[1, 2, 3], [4, 5, 6]]) + Matrix([[1, 2], [3, 4], [5, 6]])
        }
        let message = String(decoding: try #require(result).standardErrorContent, as: UTF8.self)
        #expect(message.contains("shape mismatch: cannot add (2, 3) and (3, 2)"))
    }

    @Test func aRowIsNotABias() async {
        // Only a (rows, 1) column broadcasts; a (1, columns) row is a mismatch.
        await #expect(processExitsWith: .failure) {
            _ = Matrix([[1, 2], [3, 4]]) + Matrix(row: [1, 2])
        }
    }
}
