import Testing
import Learning

@Suite struct MatrixTests {
    @Test func nestedArraysAreRows() {
        let m = Matrix([[1, 2, 3], [4, 5, 6]])
        #expect(m.rows == 2 && m.columns == 3)
        #expect(m.elements == [1, 2, 3, 4, 5, 6])  // row-major
        #expect(m[1, 0] == 4)
        #expect(m[0, 2] == 3)
        #expect(m.rowArrays == [[1, 2, 3], [4, 5, 6]])
    }

    @Test func columnsAreExamples() {
        let m = Matrix(columns: [[0, 1], [1, 1], [2, 1]])
        #expect(m == Matrix([[0, 1, 2], [1, 1, 1]]))
        #expect(m.column(2) == Matrix(column: [2, 1]))
    }

    @Test func vectorsAndRepeating() {
        #expect(Matrix(column: [1, 2, 3]).shape == Shape(3, 1))
        #expect(Matrix(row: [1, 2, 3]).shape == Shape(1, 3))
        let r = Matrix(rows: 2, columns: 2, repeating: 7)
        #expect(r.elements == [7, 7, 7, 7])
        #expect(Matrix.identity(2) == Matrix([[1, 0], [0, 1]]))
    }

    @Test func shapePrintsAsTheBookWritesIt() {
        let m = Matrix(rows: 8, columns: 209, repeating: 0)
        #expect(m.shape.description == "(8, 209)")
        #expect("\(m.shape)" == "(8, 209)")
    }

    @Test func subscriptSets() {
        var m = Matrix(rows: 2, columns: 3, repeating: 0)
        m[1, 2] = 5
        #expect(m.elements == [0, 0, 0, 0, 0, 5])
    }

    @Test func transposeSwapsIndices() {
        let m = Matrix([[1, 2, 3], [4, 5, 6]])
        #expect(m.transposed == Matrix([[1, 4], [2, 5], [3, 6]]))
        #expect(m.transposed.transposed == m)
    }

    @Test func mapAppliesToEveryElement() {
        #expect(Matrix([[1, -2]]).map { $0 * $0 } == Matrix([[1, 4]]))
    }

    @Test func columnsSelectExamplesInOrder() {
        let m = Matrix([[1, 2, 3, 4], [5, 6, 7, 8]])
        #expect(m.columns(at: [3, 0]) == Matrix([[4, 1], [8, 5]]))
        #expect(m.column(1) == Matrix(column: [2, 6]))
        #expect(m.row(1) == Matrix(row: [5, 6, 7, 8]))
        #expect(m.columns(at: []).shape == Shape(2, 0))
        #expect(m.columns(at: [1, 1]) == Matrix([[2, 2], [6, 6]]))
    }

    @Test func equalityIsExact() {
        let a = Matrix([[0.1 + 0.2]])
        let b = Matrix([[0.3]])
        #expect(a != b)  // 0.30000000000000004 is not 0.3
        #expect(Matrix([[1, 2]]) != Matrix(column: [1, 2]))  // same numbers, other shape
    }
}
