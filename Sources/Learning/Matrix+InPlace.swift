/// The products and sums training needs, written into a matrix the caller keeps, so that a
/// step of training reuses the storage of the step before instead of allocating new arrays
/// (for a small network, allocating is most of the cost of a step).
///
/// Each gives exactly the numbers of its allocating form (`*`, `transposedTimes`,
/// `timesTransposed`, `rowSums`): the same sums, in the same order.
extension Matrix {
    /// Gives this matrix the shape (rows, columns), keeping its storage when it has that
    /// shape already; otherwise a new matrix of zeros.
    mutating func reuse(rows: Int, columns: Int) {
        if self.rows != rows || self.columns != columns {
            self = Matrix(rows: rows, columns: columns, repeating: 0)
        }
    }

    /// C = A B into `c`, as `a * b`.
    static func multiply(_ a: Matrix, _ b: Matrix, into c: inout Matrix) {
        guard a.columns == b.rows else {
            fatalError("shape mismatch: cannot multiply (\(a.rows), \(a.columns)) by (\(b.rows), \(b.columns))")
        }
        c.reuse(rows: a.rows, columns: b.columns)
        c.elements.withUnsafeMutableBufferPointer { c in
            guard let c = c.baseAddress else { return }
            product(a.elements, aRow: a.columns, aK: 1, b.elements, bK: b.columns, bColumn: 1,
                    m: a.rows, n: a.columns, p: b.columns, into: c)
        }
    }

    /// C = Aᵀ B into `c`, as `transposedTimes(b)`.
    func transposedTimes(_ b: Matrix, into c: inout Matrix) {
        guard rows == b.rows else {
            fatalError("shape mismatch: cannot multiply the transpose of (\(rows), \(columns)) by (\(b.rows), \(b.columns))")
        }
        c.reuse(rows: columns, columns: b.columns)
        c.elements.withUnsafeMutableBufferPointer { c in
            guard let c = c.baseAddress else { return }
            Matrix.product(elements, aRow: 1, aK: columns, b.elements, bK: b.columns, bColumn: 1,
                           m: columns, n: rows, p: b.columns, into: c)
        }
    }

    /// C = A Bᵀ into `c`, as `timesTransposed(b)`.
    func timesTransposed(_ b: Matrix, into c: inout Matrix) {
        guard columns == b.columns else {
            fatalError("shape mismatch: cannot multiply (\(rows), \(columns)) by the transpose of (\(b.rows), \(b.columns))")
        }
        c.reuse(rows: rows, columns: b.rows)
        c.elements.withUnsafeMutableBufferPointer { c in
            guard let c = c.baseAddress else { return }
            Matrix.product(elements, aRow: columns, aK: 1, b.elements, bK: 1, bColumn: columns,
                           m: rows, n: columns, p: b.rows, into: c)
        }
    }

    /// The sum of each row into `sums`, a (rows, 1) column, as `rowSums()`.
    func rowSums(into sums: inout Matrix) {
        sums.reuse(rows: rows, columns: 1)
        let width = columns
        elements.withUnsafeBufferPointer { m in
            sums.elements.withUnsafeMutableBufferPointer { s in
                for i in 0..<rows {
                    var total = 0.0
                    for j in 0..<width { total += m[i &* width &+ j] }
                    s[i] = total
                }
            }
        }
    }
}
