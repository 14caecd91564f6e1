/// The matrix product and its two transposed forms.
///
/// All three compute sums of products over a shared index k; they differ only in where
/// each factor keeps its k. Storage is row-major: element (i, j) of an r × c matrix is
/// `elements[i * c + j]`.
///
/// The order of the additions is part of the contract, because it decides the last bits of
/// every result and so the digits a chapter prints: `*` and `transposedTimes` add the terms
/// in order of k, as the definition is written; `timesTransposed` does too for at most 32
/// results, and otherwise keeps two running sums, of the even and of the odd k, and adds
/// them at the end. No multiply is fused with its add. The kernels that compute these sums
/// fast (ProductKernel+*.swift) keep exactly that order, so they give the same numbers on
/// every machine and with any vector width.
extension Matrix {
    /// The matrix product C = A B of an (m, n) and an (n, p) matrix, an (m, p) matrix.
    ///
    ///     C_ij = Σ_k A_ik B_kj        (added in order of k)
    ///
    /// Stops with a message naming both shapes when A's columns differ from B's rows.
    public static func * (a: Matrix, b: Matrix) -> Matrix {
        guard a.columns == b.rows else {
            fatalError("shape mismatch: cannot multiply (\(a.rows), \(a.columns)) by (\(b.rows), \(b.columns))")
        }
        return product(a.elements, aRow: a.columns, aK: 1, b.elements, bK: b.columns, bColumn: 1,
                       m: a.rows, n: a.columns, p: b.columns)
    }

    /// The product Aᵀ B of this (n, m) matrix A, transposed, and an (n, p) matrix B,
    /// without building the transpose: an (m, p) matrix.
    ///
    ///     C_ij = Σ_k A_ki B_kj        (added in order of k)
    ///
    /// Stops with a message naming both shapes when the rows of A and B differ.
    public func transposedTimes(_ b: Matrix) -> Matrix {
        guard rows == b.rows else {
            fatalError("shape mismatch: cannot multiply the transpose of (\(rows), \(columns)) by (\(b.rows), \(b.columns))")
        }
        return Matrix.product(elements, aRow: 1, aK: columns, b.elements, bK: b.columns, bColumn: 1,
                              m: columns, n: rows, p: b.columns)
    }

    /// The product A Bᵀ of this (m, n) matrix A and the transpose of a (p, n) matrix B,
    /// without building the transpose: an (m, p) matrix.
    ///
    ///     C_ij = Σ_k A_ik B_jk        (for more than 32 results: Σ over even k + Σ over odd k)
    ///
    /// Stops with a message naming both shapes when the columns of A and B differ.
    public func timesTransposed(_ b: Matrix) -> Matrix {
        guard columns == b.columns else {
            fatalError("shape mismatch: cannot multiply (\(rows), \(columns)) by the transpose of (\(b.rows), \(b.columns))")
        }
        return Matrix.product(elements, aRow: columns, aK: 1, b.elements, bK: 1, bColumn: columns,
                              m: rows, n: columns, p: b.rows)
    }

    /// C = A B, (m, n) times (n, p), reading A_ik = a[i * aRow + k * aK] and
    /// B_kj = b[k * bK + j * bColumn], so that a transposed factor is only read differently.
    private static func product(_ a: [Double], aRow: Int, aK: Int, _ b: [Double], bK: Int, bColumn: Int,
                                m: Int, n: Int, p: Int) -> Matrix {
        if m &* p <= ProductWork.smallCount {
            let elements = a.withUnsafeBufferPointer { a in
                b.withUnsafeBufferPointer { b in
                    smallProduct(a, aRow: aRow, aK: aK, b, bK: bK, bColumn: bColumn, m: m, n: n, p: p)
                }
            }
            return Matrix(rows: m, columns: p, elements: elements)
        }
        let elements = [Double](unsafeUninitializedCapacity: m &* p) { c, count in
            product(a, aRow: aRow, aK: aK, b, bK: bK, bColumn: bColumn, m: m, n: n, p: p, into: c.baseAddress!)
            count = m &* p
        }
        return Matrix(rows: m, columns: p, elements: elements)
    }

    /// C = A B as `product(...) -> Matrix` computes it, written to the m x p numbers at `c`.
    static func product(_ a: [Double], aRow: Int, aK: Int, _ b: [Double], bK: Int, bColumn: Int,
                        m: Int, n: Int, p: Int, into c: UnsafeMutablePointer<Double>) {
        a.withUnsafeBufferPointer { a in
            b.withUnsafeBufferPointer { b in
                product(a.baseAddress, aRow: aRow, aK: aK, b.baseAddress, bK: bK, bColumn: bColumn,
                        m: m, n: n, p: p, into: c)
            }
        }
    }

    /// C = A B as `product(...) -> Matrix` computes it, from storage the caller holds: the
    /// form a training step uses (A or B nil only when it has no elements).
    @inline(__always)
    static func product(_ a: UnsafePointer<Double>?, aRow: Int, aK: Int, _ b: UnsafePointer<Double>?, bK: Int, bColumn: Int,
                        m: Int, n: Int, p: Int, into c: UnsafeMutablePointer<Double>) {
        if m &* p <= ProductWork.smallCount {
            for i in 0..<m {
                for j in 0..<p {
                    var sum = 0.0
                    for k in 0..<n { sum += a.unsafelyUnwrapped[i &* aRow &+ k &* aK] * b.unsafelyUnwrapped[k &* bK &+ j &* bColumn] }
                    c[i &* p &+ j] = sum
                }
            }
            return
        }
        // The kernels write every element, except when there is nothing to sum: then C = 0.
        if n == 0 { c.initialize(repeating: 0, count: m &* p) }
        // B stored transposed (rows of B are its columns) goes to the dot-product kernel.
        let work = ProductWork(a: a, b: b, c: c, m: m, n: n, p: p, rowStride: aRow, kStride: aK)
        work.run(bColumn != 1 ? .dotProducts : .rowUpdates)
    }

    /// A small product element by element, C_ij = Σ_k A_ik B_kj in order of k, appended to an
    /// array of reserved capacity: for a handful of results, allocating the array is most of
    /// the cost, and this is the cheapest way to build one.
    private static func smallProduct(_ a: UnsafeBufferPointer<Double>, aRow: Int, aK: Int,
                                     _ b: UnsafeBufferPointer<Double>, bK: Int, bColumn: Int,
                                     m: Int, n: Int, p: Int) -> [Double] {
        var c: [Double] = []
        c.reserveCapacity(m &* p)
        for i in 0..<m {
            for j in 0..<p {
                var sum = 0.0
                for k in 0..<n { sum += a[i &* aRow &+ k &* aK] * b[k &* bK &+ j &* bColumn] }
                c.append(sum)
            }
        }
        return c
    }
}
