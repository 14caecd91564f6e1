import Testing
@testable import Learning

/// The three product kernels under both register blockings (`Blocking`): 8-row blocks for
/// AVX-512 and 4-row blocks for AVX2, whichever this processor would pick. Each must give the
/// numbers of plain loops that add the terms in the documented order, to the last bit.
@Suite struct ProductKernelTests {
    /// (m, n, p): row counts around the blocks of 8 and 4 (so 8-, 4- and 1-row blocks and the
    /// 4-column blocks of the in-order dots all occur), odd inner sizes, more inner terms than
    /// a slice of k (128) or a chunk (1024), packed strips of B (n p > 2^18), and products
    /// large enough for several threads (m n p ≥ 2^20).
    static let shapes: [(Int, Int, Int)] = [
        (1, 1, 1), (3, 5, 7), (4, 9, 4), (5, 7, 12), (7, 300, 11), (8, 129, 9), (9, 64, 17), (12, 33, 23),
        (13, 517, 70), (16, 130, 13), (8, 700, 209), (6, 2100, 21), (9, 1300, 211),
    ]

    static let cases = Blocking.allCases.flatMap { blocking in shapes.map { (blocking, $0) } }

    @Test(arguments: cases) func rowUpdatesAddInOrder(_ blocking: Blocking, _ shape: (Int, Int, Int)) {
        let (m, n, p) = shape
        let a = random(m, n, seed: 1), b = random(n, p, seed: 2)
        let c = run(.rowUpdates, blocking, a: a.elements, b: b.elements, m: m, n: n, p: p, rowStride: n, kStride: 1)
        #expect(c == inOrder(a, b))
        // A read transposed, as `transposedTimes` reads it: A_ik at i + k m.
        let at = a.transposed
        #expect(run(.rowUpdates, blocking, a: at.elements, b: b.elements, m: m, n: n, p: p, rowStride: 1, kStride: m) == c)
    }

    @Test(arguments: cases) func dotProductsAddEvensThenOdds(_ blocking: Blocking, _ shape: (Int, Int, Int)) {
        let (m, n, p) = shape
        let a = random(m, n, seed: 3), b = random(n, p, seed: 4)
        let c = run(.dotProducts, blocking, a: a.elements, b: b.transposed.elements, m: m, n: n, p: p, rowStride: n, kStride: 1)
        #expect(c == evenOdd(a, b))
    }

    @Test(arguments: cases) func inOrderDotsAddInOrder(_ blocking: Blocking, _ shape: (Int, Int, Int)) {
        let (m, n, p) = shape
        let a = random(m, n, seed: 5), b = random(n, p, seed: 6)
        var packed = [Double](repeating: .nan, count: (m + 7) / 8 * 8 * n)
        a.elements.withUnsafeBufferPointer { a in
            packed.withUnsafeMutableBufferPointer { InOrderDots.pack(a.baseAddress!, m: m, n: n, into: $0.baseAddress!) }
        }
        let c = run(.inOrderDots, blocking, a: packed, b: b.transposed.elements, m: m, n: n, p: p, rowStride: 0, kStride: 0)
        #expect(c == inOrder(a, b))
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

/// C_ij = Σ_k A_ik B_kj, adding in order of k.
private func inOrder(_ a: Matrix, _ b: Matrix) -> Matrix {
    var c = Matrix(rows: a.rows, columns: b.columns, repeating: 0)
    for i in 0..<a.rows {
        for j in 0..<b.columns {
            var sum = 0.0
            for k in 0..<a.columns { sum += a[i, k] * b[k, j] }
            c[i, j] = sum
        }
    }
    return c
}

/// C_ij = Σ_{even k} A_ik B_kj + Σ_{odd k} A_ik B_kj, then the last term when n is odd.
private func evenOdd(_ a: Matrix, _ b: Matrix) -> Matrix {
    var c = Matrix(rows: a.rows, columns: b.columns, repeating: 0)
    let n = a.columns, even = n - n % 2
    for i in 0..<a.rows {
        for j in 0..<b.columns {
            var evens = 0.0, odds = 0.0
            for k in stride(from: 0, to: even, by: 2) {
                evens += a[i, k] * b[k, j]
                odds += a[i, k + 1] * b[k + 1, j]
            }
            var sum = evens + odds
            if even < n { sum += a[i, even] * b[even, j] }
            c[i, j] = sum
        }
    }
    return c
}

/// A (rows, columns) matrix of uniform draws from [-1, 1), fixed by `seed`.
private func random(_ rows: Int, _ columns: Int, seed: UInt64) -> Matrix {
    var generator = SplitMix64(seed: seed)
    return Initializer.uniform(scale: 1).matrix(rows: rows, columns: columns, generator: &generator)
}
