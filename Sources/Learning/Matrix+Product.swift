/// The matrix product and its two transposed forms.
///
/// All three compute sums of products over a shared index k; they differ only in where
/// each factor keeps its k. Storage is row-major: element (i, j) of an r × c matrix is
/// `elements[i * c + j]`.
extension Matrix {
    /// The matrix product C = A B of an (m, n) and an (n, p) matrix, an (m, p) matrix.
    ///
    ///     C_ij = Σ_k A_ik B_kj
    ///
    /// Stops with a message naming both shapes when A's columns differ from B's rows.
    public static func * (a: Matrix, b: Matrix) -> Matrix {
        guard a.columns == b.rows else {
            fatalError("shape mismatch: cannot multiply (\(a.rows), \(a.columns)) by (\(b.rows), \(b.columns))")
        }
        let m = a.rows, n = a.columns, p = b.columns
        var c = [Double](repeating: 0, count: m * p)
        for i in 0..<m {
            for k in 0..<n {
                let aik = a.elements[i * n + k]
                for j in 0..<p {
                    c[i * p + j] += aik * b.elements[k * p + j]
                }
            }
        }
        return Matrix(rows: m, columns: p, elements: c)
    }

    /// The product Aᵀ B of this (n, m) matrix A, transposed, and an (n, p) matrix B,
    /// without building the transpose: an (m, p) matrix.
    ///
    ///     C_ij = Σ_k A_ki B_kj
    ///
    /// Stops with a message naming both shapes when the rows of A and B differ.
    public func transposedTimes(_ b: Matrix) -> Matrix {
        guard rows == b.rows else {
            fatalError("shape mismatch: cannot multiply the transpose of (\(rows), \(columns)) by (\(b.rows), \(b.columns))")
        }
        let n = rows, m = columns, p = b.columns
        var c = [Double](repeating: 0, count: m * p)
        for k in 0..<n {
            for i in 0..<m {
                let aki = elements[k * m + i]
                for j in 0..<p {
                    c[i * p + j] += aki * b.elements[k * p + j]
                }
            }
        }
        return Matrix(rows: m, columns: p, elements: c)
    }

    /// The product A Bᵀ of this (m, n) matrix A and the transpose of a (p, n) matrix B,
    /// without building the transpose: an (m, p) matrix.
    ///
    ///     C_ij = Σ_k A_ik B_jk
    ///
    /// Stops with a message naming both shapes when the columns of A and B differ.
    public func timesTransposed(_ b: Matrix) -> Matrix {
        guard columns == b.columns else {
            fatalError("shape mismatch: cannot multiply (\(rows), \(columns)) by the transpose of (\(b.rows), \(b.columns))")
        }
        let m = rows, n = columns, p = b.rows
        var c = [Double](repeating: 0, count: m * p)
        for i in 0..<m {
            for j in 0..<p {
                var sum = 0.0
                for k in 0..<n {
                    sum += elements[i * n + k] * b.elements[j * n + k]
                }
                c[i * p + j] = sum
            }
        }
        return Matrix(rows: m, columns: p, elements: c)
    }
}
