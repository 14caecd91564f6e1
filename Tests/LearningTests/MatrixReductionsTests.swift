import Testing
import Learning

@Suite struct MatrixReductionsTests {
    let m = Matrix([[1, 2, 3], [4, 5, 6]])

    @Test func wholeMatrix() {
        #expect(m.sum() == 21)  // 1+2+3+4+5+6
        #expect(m.mean() == 3.5)  // 21 / 6
        #expect(m.max() == 6)
        #expect(m.min() == 1)
    }

    @Test func rowsAndColumns() {
        #expect(m.rowSums() == Matrix(column: [6, 15]))  // 1+2+3, 4+5+6
        #expect(m.columnSums() == Matrix(row: [5, 7, 9]))  // 1+4, 2+5, 3+6
        #expect(m.rowMeans() == Matrix(column: [2, 5]))
        #expect(m.columnMeans() == Matrix(row: [2.5, 3.5, 4.5]))
    }

    @Test func argmaxPerColumnTakesTheFirstOnTies() {
        let scores = Matrix([[0.1, 0.7, 0.5], [0.8, 0.2, 0.5], [0.1, 0.1, 0.0]])
        #expect(scores.columnArgmax() == [1, 0, 0])
    }
}
