import Testing
import Learning

@Suite struct FormattingTests {
    @Test func fixedDecimals() {
        #expect(0.586646.formatted(decimals: 4) == "0.5866")
        #expect(0.58665.formatted(decimals: 4) == "0.5867")  // half away from zero on "0.58665"
        #expect((-0.58665).formatted(decimals: 4) == "-0.5867")
        #expect(2.0.formatted(decimals: 3) == "2.000")
        #expect(12.5.formatted(decimals: 0) == "13")
        #expect(0.9999.formatted(decimals: 2) == "1.00")
        #expect(99.96.formatted(decimals: 1) == "100.0")
        #expect(123456.789.formatted(decimals: 2) == "123456.79")
    }

    @Test func tinyAndHugeNumbers() {
        #expect(1e-5.formatted(decimals: 4) == "0.0000")
        #expect(5e-5.formatted(decimals: 4) == "0.0001")  // "5e-05" rounds up
        #expect(1.5e-7.formatted(decimals: 8) == "0.00000015")
        #expect(1e20.formatted(decimals: 1) == "100000000000000000000.0")
    }

    @Test func negativeZeroPrintsWithoutSign() {
        #expect((-0.00004).formatted(decimals: 4) == "0.0000")
        #expect((-0.0).formatted(decimals: 2) == "0.00")
        #expect((-0.00005).formatted(decimals: 4) == "-0.0001")
    }

    @Test func nonFinite() {
        #expect(Double.nan.formatted(decimals: 2) == "nan")
        #expect((-Double.infinity).formatted(decimals: 2) == "-inf")
    }

    @Test func matricesAlignTheirColumns() {
        let m = Matrix([[1, -2.5], [10, 4]])
        #expect(m.description == "[[ 1.0, -2.5],\n [10.0,  4.0]]")
        #expect(m.formatted(decimals: 2) == "[[ 1.00, -2.50],\n [10.00,  4.00]]")
        #expect(Matrix(row: [0.12345]).formatted(decimals: 4) == "[[0.1235]]")
    }

    @Test func oneLineForms() {
        let column = Matrix(column: [0.5, 1])
        #expect(column.oneLineDescription == "[[0.5], [1.0]]")
        #expect(column.formatted(decimals: 2, oneLine: true) == "[[0.50], [1.00]]")
        #expect(Matrix([[1, -2.5], [10, 4]]).oneLineDescription == "[[1.0, -2.5], [10.0, 4.0]]")
        #expect(Matrix(rows: 0, columns: 3, elements: []).oneLineDescription == "[] (0, 3)")
        #expect(column.description == "[[0.5],\n [1.0]]")  // the default stays one row a line
    }
}
