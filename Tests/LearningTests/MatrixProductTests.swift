import Testing
import Learning

/// The matrix product and its transposed forms: small cases by hand, then every path of the
/// kernels (row blocks of 8, 4 and 1, column blocks of 8 and 4 and the columns left over,
/// k slices of 128, packed strips of B, several threads) against plain loops that add the
/// terms in the documented order, which the kernels must match to the last bit.
@Suite struct MatrixProductTests {
    @Test func twoByTwoByHand() {
        // [1 2] [5 6]   [1·5 + 2·7  1·6 + 2·8]   [19 22]
        // [3 4] [7 8] = [3·5 + 4·7  3·6 + 4·8] = [43 50]
        #expect(Matrix([[1, 2], [3, 4]]) * Matrix([[5, 6], [7, 8]]) == Matrix([[19, 22], [43, 50]]))
    }

    @Test func rowsTimesColumnByHand() {
        // (2, 3) x (3, 1): 1·7 + 2·8 + 3·9 = 7 + 16 + 27 = 50; 4·7 + 5·8 + 6·9 = 28 + 40 + 54 = 122
        let product = Matrix([[1, 2, 3], [4, 5, 6]]) * Matrix(column: [7, 8, 9])
        #expect(product == Matrix(column: [50, 122]))
        #expect(product.shape == Shape(2, 1))
    }

    @Test func weightsTimesBatchByHand() {
        // W (1, 2) = [0.5 -1], X (2, 3) = columns (1, 2), (3, 4), (0, -2):
        // 0.5·1 - 1·2 = -1.5; 0.5·3 - 1·4 = -2.5; 0.5·0 - 1·(-2) = 2
        #expect(Matrix([[0.5, -1]]) * Matrix([[1, 3, 0], [2, 4, -2]]) == Matrix([[-1.5, -2.5, 2]]))
    }

    @Test func transposedTimesByHand() {
        // A = [1 2; 3 4], so Aᵀ = [1 3; 2 4]; Aᵀ (5, 6) = (1·5 + 3·6, 2·5 + 4·6) = (23, 34)
        #expect(Matrix([[1, 2], [3, 4]]).transposedTimes(Matrix(column: [5, 6])) == Matrix(column: [23, 34]))
    }

    @Test func timesTransposedByHand() {
        // A = [1 2 3], B = [4 5 6; 7 8 9]: A Bᵀ = [1·4 + 2·5 + 3·6  1·7 + 2·8 + 3·9] = [32 50]
        #expect(Matrix([[1, 2, 3]]).timesTransposed(Matrix([[4, 5, 6], [7, 8, 9]])) == Matrix([[32, 50]]))
    }

    @Test func identityLeavesAMatrixAlone() {
        let a = random(3, 5, seed: 1)
        #expect(Matrix.identity(3) * a == a)
        #expect(a * Matrix.identity(5) == a)
    }

    @Test func emptyInnerDimensionGivesZeros() {
        let a = Matrix(rows: 2, columns: 0, elements: []), b = Matrix(rows: 0, columns: 3, elements: [])
        #expect(a * b == Matrix(rows: 2, columns: 3, repeating: 0))
        #expect(b.transposedTimes(b) == Matrix(rows: 3, columns: 3, repeating: 0))
        #expect(a.timesTransposed(a) == Matrix(rows: 2, columns: 2, repeating: 0))
        #expect((b.transposedTimes(Matrix(rows: 0, columns: 1, elements: []))).shape == Shape(3, 1))
    }

    /// (m, n, p) shapes: 1 x 1, odd sizes, sizes that are not multiples of the vector widths
    /// (8 columns for A B, 4 for A Bᵀ) or of the row blocks (8, 4, 1), more than 128 inner
    /// terms, packed strips of B (n p > 2^18), and products large enough to go to several threads
    /// (m n p ≥ 2^20).
    static let shapes: [(Int, Int, Int)] = [
        (1, 1, 1), (3, 5, 7), (5, 7, 3), (1, 9, 1), (9, 1, 9), (1, 13, 6), (6, 13, 1),
        (4, 4, 4), (4, 3, 8), (7, 300, 11), (8, 257, 130), (9, 600, 131), (13, 517, 70),
        (16, 700, 134), (33, 64, 32), (2, 2, 1), (2, 1, 2), (1, 1, 33), (33, 1, 1), (8, 129, 9),
        (15, 2, 17), (12, 33, 23), (10, 32, 32), (32, 64, 64), (11, 1000, 97), (8, 700, 209), (9, 1300, 211),
    ]

    @Test(arguments: shapes) func productMatchesTheDefinition(_ shape: (Int, Int, Int)) {
        let (m, n, p) = shape
        let a = random(m, n, seed: 2), b = random(n, p, seed: 3)
        #expect(a * b == inOrderProduct(a, b))
    }

    @Test(arguments: shapes) func transposedTimesMatchesAnExplicitTranspose(_ shape: (Int, Int, Int)) {
        let (m, n, p) = shape
        let a = random(n, m, seed: 4), b = random(n, p, seed: 5)
        #expect(a.transposedTimes(b) == inOrderProduct(a.transposed, b))
    }

    @Test(arguments: shapes) func timesTransposedMatchesAnExplicitTranspose(_ shape: (Int, Int, Int)) {
        let (m, n, p) = shape
        let a = random(m, n, seed: 6), b = random(p, n, seed: 7)
        let expected = m * p <= 32 ? inOrderProduct(a, b.transposed) : evenOddProduct(a, b.transposed)
        #expect(a.timesTransposed(b) == expected)
    }

    @Test(arguments: shapes) func everyOrderIsCloseToTheDefinition(_ shape: (Int, Int, Int)) {
        // The two orders of addition differ in the last bits only.
        let (m, n, p) = shape
        let a = random(m, n, seed: 8), b = random(n, p, seed: 9)
        #expect(isClose(evenOddProduct(a, b), inOrderProduct(a, b), within: 1e-15 * Double(n)))
    }

    @Test func wideNetworkShapes() {
        // Chapter 2's layer, smaller: W (8, 1000) X (1000, 209), dZ Xᵀ and Wᵀ dZ.
        let w = random(8, 1000, seed: 8), x = random(1000, 209, seed: 9), dz = random(8, 209, seed: 10)
        #expect(w * x == inOrderProduct(w, x))
        #expect(dz.timesTransposed(x) == evenOddProduct(dz, x.transposed))
        #expect(w.transposedTimes(dz) == inOrderProduct(w.transposed, dz))
    }

    @Test func signedZerosAndSpecialValuesPassThrough() {
        // 0 + (-0) = 0, as in the scalar loop; infinities and NaN reach their results.
        let a = Matrix(rows: 9, columns: 3, elements: (0..<27).map { $0 == 4 ? .infinity : $0 == 7 ? .nan : -0.0 })
        let b = Matrix(rows: 3, columns: 10, repeating: 1)
        let c = a * b
        #expect(c.elements.allSatisfy { $0.isNaN || $0.isInfinite || ($0 == 0 && $0.sign == .plus) })
        #expect(c[1, 0] == .infinity && c[2, 9].isNaN)
    }

    @Test func shapeMismatchNamesBothShapes() async throws {
        let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            _ = Matrix(rows: 2, columns: 3, repeating: 1) * Matrix(rows: 2, columns: 3, repeating: 1)
        }
        let message = String(decoding: try #require(result).standardErrorContent, as: UTF8.self)
        #expect(message.contains("shape mismatch: cannot multiply (2, 3) by (2, 3)"))
    }

    @Test func transposedShapeMismatchesStop() async {
        await #expect(processExitsWith: .failure) {
            _ = Matrix(rows: 2, columns: 3, repeating: 1).transposedTimes(Matrix(rows: 3, columns: 2, repeating: 1))
        }
        await #expect(processExitsWith: .failure) {
            _ = Matrix(rows: 2, columns: 3, repeating: 1).timesTransposed(Matrix(rows: 3, columns: 2, repeating: 1))
        }
    }
}
