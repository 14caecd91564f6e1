import Testing
@testable import Learning

/// Gathering a mini-batch: the columns of X at some indices, straight from X or as rows of a
/// kept Xᵀ (what mini-batch training does), into a matrix that is reused.
@Suite struct MatrixGatherTests {
    @Test(arguments: [(64, 1797, 32), (10, 1797, 5), (1, 9, 9), (3, 40, 0), (7, 1, 3)])
    func rowsOfTheTransposeAreTheColumns(_ rows: Int, _ columns: Int, _ count: Int) {
        let x = random(rows, columns, seed: 41)
        let xt = x.transposed
        var generator = SplitMix64(seed: 42)
        var fromColumns = Matrix(rows: 1, columns: 1, elements: [9]), fromRows = fromColumns
        for _ in 0..<3 {
            let indices = (0..<count).map { _ in Int(generator.next() % UInt64(columns)) }
            x.columns(at: indices, into: &fromColumns)
            xt.transposedRows(at: indices, into: &fromRows)
            #expect(fromRows == fromColumns)
            #expect(fromRows == x.columns(at: indices))
            #expect(fromRows.shape == Shape(rows, count))
        }
    }
}
