import Testing
@testable import Learning

/// The in-place products and sums give exactly the numbers of their allocating forms, and
/// keep the storage they are given when its shape fits.
@Suite struct MatrixInPlaceTests {
    func random(_ rows: Int, _ columns: Int, seed: UInt64) -> Matrix {
        var generator = SplitMix64(seed: seed)
        return Initializer.uniform(scale: 1).matrix(rows: rows, columns: columns, generator: &generator)
    }

    @Test(arguments: [(1, 1, 1), (2, 3, 2), (4, 8, 8), (9, 33, 17), (8, 300, 40)])
    func inPlaceFormsMatchTheAllocatingOnes(_ shape: (Int, Int, Int)) {
        let (m, n, p) = shape
        let a = random(m, n, seed: 1), b = random(n, p, seed: 2)
        var c = Matrix(rows: 0, columns: 0, elements: [])
        Matrix.multiply(a, b, into: &c)
        #expect(c == a * b)
        a.transposed.transposedTimes(b, into: &c)
        #expect(c == a.transposed.transposedTimes(b))
        a.timesTransposed(b.transposed, into: &c)
        #expect(c == a.timesTransposed(b.transposed))
        a.rowSums(into: &c)
        #expect(c == a.rowSums())
    }

    @Test func storageIsKeptWhenTheShapeFits() {
        let a = random(3, 4, seed: 3), b = random(4, 5, seed: 4)
        var c = Matrix(rows: 3, columns: 5, repeating: 7)
        let before = c.elements.withUnsafeBufferPointer { $0.baseAddress }
        Matrix.multiply(a, b, into: &c)
        #expect(c.elements.withUnsafeBufferPointer { $0.baseAddress } == before)
        #expect(c == a * b)
    }

    @Test func activationsAndLossesIntoMatchTheirValues() {
        let z = random(3, 4, seed: 5), y = random(3, 4, seed: 6)
        var out = Matrix(rows: 1, columns: 1, repeating: 0)
        for activation in [any Activation](arrayLiteral: Sigmoid(), Tanh(), ReLU(), Identity(), Softmax()) {
            activation.forward(z, into: &out)
            #expect(out == activation.forward(z))
            activation.backward(outputGradient: y, output: activation.forward(z), into: &out)
            #expect(out == activation.backward(outputGradient: y, output: activation.forward(z)))
        }
        MeanSquaredError().gradient(predicted: z, expected: y, into: &out)
        #expect(out == MeanSquaredError().gradient(predicted: z, expected: y))
        CrossEntropy().gradient(predicted: z.map(abs), expected: y, into: &out)
        #expect(out == CrossEntropy().gradient(predicted: z.map(abs), expected: y))
    }
}
