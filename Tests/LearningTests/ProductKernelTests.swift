import Testing
@testable import Learning

/// The three product kernels under both register blockings (`Blocking`): 8-row blocks for
/// AVX-512 and 4-row blocks for AVX2, whichever this processor would pick. Each must give the
/// numbers of plain loops that add the terms in the documented order, to the last bit.
@Suite struct ProductKernelTests {
    /// (m, n, p): row counts around the blocks of 8 and 4 (so 8-, 4- and 1-row blocks and the
    /// 4-column blocks of the in-order dots all occur), odd inner sizes, more inner terms than
    /// a slice of k (128) or a chunk (4096), packed strips of B (n p > 2^18), and products
    /// large enough for several threads (m n p ≥ 2^20); the row-update kernel reads A in place
    /// below 512 inner terms and packs it from 512 (the last two lines: the digits network's
    /// products, and rows of A 511 and 512 numbers apart).
    static let shapes: [(Int, Int, Int)] = [
        (1, 1, 1), (3, 5, 7), (4, 9, 4), (5, 7, 12), (7, 300, 11), (8, 129, 9), (9, 64, 17), (12, 33, 23),
        (13, 517, 70), (16, 130, 13), (8, 700, 209), (6, 2100, 21), (9, 1300, 211), (17, 1, 5), (10, 2, 6),
        (32, 64, 32), (10, 32, 37), (32, 10, 32), (5, 4300, 17),
        (11, 511, 19), (11, 512, 19),
    ]

    static let cases = Blocking.allCases.flatMap { blocking in shapes.map { (blocking, $0) } }

    @Test(arguments: cases) func rowUpdatesAddInOrder(_ blocking: Blocking, _ shape: (Int, Int, Int)) {
        let (m, n, p) = shape
        let a = random(m, n, seed: 1), b = random(n, p, seed: 2)
        let c = run(.rowUpdates, blocking, a: a.elements, b: b.elements, m: m, n: n, p: p, rowStride: n, kStride: 1)
        #expect(c == inOrderProduct(a, b))
        // A read transposed, as `transposedTimes` reads it: A_ik at i + k m.
        let at = a.transposed
        #expect(run(.rowUpdates, blocking, a: at.elements, b: b.elements, m: m, n: n, p: p, rowStride: 1, kStride: m) == c)
    }

    @Test(arguments: cases) func dotProductsAddEvensThenOdds(_ blocking: Blocking, _ shape: (Int, Int, Int)) {
        let (m, n, p) = shape
        let a = random(m, n, seed: 3), b = random(n, p, seed: 4)
        let c = run(.dotProducts, blocking, a: a.elements, b: b.transposed.elements, m: m, n: n, p: p, rowStride: n, kStride: 1)
        #expect(c == evenOddProduct(a, b))
    }

    @Test(arguments: cases) func dotProductsMoveTheWeightsAsGradientDescentDoes(_ blocking: Blocking, _ shape: (Int, Int, Int)) {
        // dW = dZ Xᵀ with the descent fused (`FusedDescent`): dW as without it, and W, in
        // both of its layouts, as `GradientDescent.update` leaves it after the product.
        let (m, n, p) = shape
        let a = random(m, n, seed: 7), b = random(n, p, seed: 8), start = random(m, p, seed: 9)
        var weights = start.elements, packed: [Double] = [], c = [Double](repeating: .nan, count: m * p)
        Matrix.pack(start, into: &packed)
        a.elements.withUnsafeBufferPointer { a in
            b.transposed.elements.withUnsafeBufferPointer { b in
                c.withUnsafeMutableBufferPointer { c in
                    weights.withUnsafeMutableBufferPointer { w in
                        packed.withUnsafeMutableBufferPointer { packed in
                            var work = ProductWork(a: a.baseAddress, b: b.baseAddress, c: c.baseAddress, m: m, n: n, p: p,
                                                   rowStride: n, kStride: 1)
                            work.blocking = blocking
                            work.descent = FusedDescent(rate: 0.3, weights: w.baseAddress!, packed: packed.baseAddress!)
                            work.run(.dotProducts)
                        }
                    }
                }
            }
        }
        let gradient = evenOddProduct(a, b)
        #expect(Matrix(rows: m, columns: p, elements: c) == gradient)
        var moved = start
        GradientDescent(learningRate: 0.3).update(&moved, gradient: gradient, index: 0)
        #expect(Matrix(rows: m, columns: p, elements: weights) == moved)
        // The rows that pad the last block of 8 stay 0: their gradient is 0.
        var expected: [Double] = []
        Matrix.pack(moved, into: &expected)
        #expect(packed == expected)
    }

    @Test(arguments: cases) func inOrderDotsAddInOrder(_ blocking: Blocking, _ shape: (Int, Int, Int)) {
        let (m, n, p) = shape
        let a = random(m, n, seed: 5), b = random(n, p, seed: 6)
        var packed = [Double](repeating: .nan, count: (m + 7) / 8 * 8 * n)
        a.elements.withUnsafeBufferPointer { a in
            packed.withUnsafeMutableBufferPointer { InOrderDots.pack(a.baseAddress!, m: m, n: n, into: $0.baseAddress!) }
        }
        let c = run(.inOrderDots, blocking, a: packed, b: ColumnPanels(b).elements, m: m, n: n, p: p, rowStride: 0, kStride: 0)
        #expect(c == inOrderProduct(a, b))
    }
}

/// C = A B by `kernel` with `blocking`, as a Matrix (m, p).
private func run(_ kernel: ProductWork.Kernel, _ blocking: Blocking, a: [Double], b: [Double],
                 m: Int, n: Int, p: Int, rowStride: Int, kStride: Int) -> Matrix {
    var c = [Double](repeating: .nan, count: m * p)
    a.withUnsafeBufferPointer { a in
        b.withUnsafeBufferPointer { b in
            c.withUnsafeMutableBufferPointer { c in
                var work = ProductWork(a: a.baseAddress, b: b.baseAddress, c: c.baseAddress, m: m, n: n, p: p,
                                       rowStride: rowStride, kStride: kStride)
                work.blocking = blocking
                work.run(kernel)
            }
        }
    }
    return Matrix(rows: m, columns: p, elements: c)
}
