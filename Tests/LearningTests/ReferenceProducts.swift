@testable import Learning

// Matrix products written straight from their definitions, in the orders of addition the
// kernels document, and seeded random matrices: what the product tests compare against.

/// C_ij = Σ_k A_ik B_kj, straight from the definition, adding in order of k.
func inOrderProduct(_ a: Matrix, _ b: Matrix) -> Matrix {
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

/// C_ij = Σ_{even k} A_ik B_kj + Σ_{odd k} A_ik B_kj, each sum in order of k, plus the last
/// term when the inner size is odd: the order `timesTransposed` documents.
func evenOddProduct(_ a: Matrix, _ b: Matrix) -> Matrix {
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
func random(_ rows: Int, _ columns: Int, seed: UInt64) -> Matrix {
    var generator = SplitMix64(seed: seed)
    return Initializer.uniform(scale: 1).matrix(rows: rows, columns: columns, generator: &generator)
}
