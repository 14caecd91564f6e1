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

/// `Matrix.multiply(_:panels:into:packing:)`, the first layer's product from X kept in
/// `ColumnPanels`, and that layout itself.
@Suite struct ColumnPanelsTests {
    /// (m, n, p): fewer and more rows than a block of 8, column counts around 8, more inner
    /// terms than a chunk of k (4096), no inner terms.
    static let shapes: [(Int, Int, Int)] = [
        (1, 1, 1), (3, 5, 7), (8, 300, 8), (8, 129, 9), (9, 64, 17), (17, 33, 70), (5, 700, 209), (3, 2100, 13), (2, 0, 3), (4, 7, 0),
        (3, 4500, 13),
    ]

    @Test(arguments: shapes) func sameNumbersAsTheProduct(_ shape: (Int, Int, Int)) {
        let (m, n, p) = shape
        var generator = SplitMix64(seed: UInt64(m * 1000 + n * 10 + p))
        let a = Matrix(rows: m, columns: n, elements: (0..<m * n).map { _ in generator.uniform(in: -1..<1) })
        let b = Matrix(rows: n, columns: p, elements: (0..<n * p).map { _ in generator.uniform(in: -1..<1) })
        var c = Matrix(rows: 1, columns: 1, elements: [5]), packing: [Double] = []
        Matrix.multiply(a, panels: ColumnPanels(b), into: &c, packing: &packing)
        #expect(c == a * b)
        // Again with the scratch storage and C of the first call: nothing left over from it.
        Matrix.multiply(a, panels: ColumnPanels(b), into: &c, packing: &packing)
        #expect(c == a * b)
    }

    @Test(arguments: [(3, 1), (5, 8), (4, 19), (2, 16), (0, 5), (3, 0)])
    func panelsHoldEightColumnsSideBySide(_ shape: (Int, Int)) {
        // B_kj = 1000 k + j, so every number says where it came from.
        let (n, p) = shape
        let b = Matrix(rows: n, columns: p, elements: (0..<n * p).map { Double(1000 * ($0 / p) + $0 % p) })
        var expected: [Double] = []
        for panel in stride(from: 0, to: p, by: 8) {
            for k in 0..<n {
                for j in panel..<min(panel + 8, p) { expected.append(Double(1000 * k + j)) }
            }
        }
        let panels = ColumnPanels(b)
        #expect(panels.elements == expected)
        #expect(panels.rows == n && panels.columns == p)
    }

    @Test func onlyNarrowLayersOnLargeInputs() {
        let x = Matrix(rows: 1300, columns: 211, repeating: 0)
        #expect(Matrix.readsPanelsFaster(weights: Matrix(rows: 8, columns: 1300, repeating: 0), input: x))
        #expect(!Matrix.readsPanelsFaster(weights: Matrix(rows: 9, columns: 1300, repeating: 0), input: x))
        #expect(!Matrix.readsPanelsFaster(weights: Matrix(rows: 8, columns: 64, repeating: 0),
                                             input: Matrix(rows: 64, columns: 32, repeating: 0)))
    }
}
