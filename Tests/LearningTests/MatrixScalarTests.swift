import Testing
import Learning

@Suite struct MatrixScalarTests {
    @Test func readsAndWritesTheOnlyNumber() {
        var m = Matrix(scalar: 0.25)
        #expect(m == Matrix([[0.25]]))
        #expect(m.scalar == 0.25)
        m.scalar += 0.5
        #expect(m.elements == [0.75])
    }

    @Test func aOneOutputPredictionIsAScalar() {
        // Identity unit, W = [1, 2], b = 0.5, x = (3, 4): a = 3 + 8 + 0.5 = 11.5
        let network = Network([Dense(weights: Matrix([[1, 2]]), bias: Matrix(scalar: 0.5), activation: .identity)])
        #expect(network.predict(Matrix(column: [3, 4])).scalar == 11.5)
    }

    @Test func onlyAOneByOneMatrixHasAScalar() async {
        await #expect(processExitsWith: .failure) { _ = Matrix(column: [1, 2]).scalar }
        await #expect(processExitsWith: .failure) {
            var empty = Matrix(rows: 0, columns: 0, elements: [])
            empty.scalar = 1
        }
    }
}
