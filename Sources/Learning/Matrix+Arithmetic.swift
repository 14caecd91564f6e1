/// Element-wise product, `A .* B`: (A .* B)_ij = A_ij B_ij (the Hadamard product, ⊙).
infix operator .* : MultiplicationPrecedence

/// Element-wise arithmetic: `+`, `-`, `.*`, `/` between matrices, and with a number.
///
/// Both matrices must have the same shape, with one exception, the bias: when the right
/// operand is a column of shape (rows, 1), it is used for every column of the left operand,
///
///     (Z + b)_ij = Z_ij + b_i
///
/// (for `+` either operand may be the column). Any other mismatch stops the program with a
/// message naming both shapes, e.g. `shape mismatch: cannot add (2, 3) and (3, 2)`.
/// The matrix product `W * X` lives in Matrix+Product.swift.
extension Matrix {
    /// Element-wise sum; a (rows, 1) column on either side is added to every column.
    public static func + (a: Matrix, b: Matrix) -> Matrix {
        if b.columns != 1 && a.columns == 1 && a.rows == b.rows && a.rows > 0 {
            return combine(b, a, verb: "add", +)
        }
        return combine(a, b, verb: "add", +)
    }

    /// Element-wise difference; a (rows, 1) column on the right is subtracted from every column.
    public static func - (a: Matrix, b: Matrix) -> Matrix {
        combine(a, b, verb: "subtract", -)
    }

    /// Element-wise (Hadamard) product A ⊙ B; a (rows, 1) column on the right scales every column.
    public static func .* (a: Matrix, b: Matrix) -> Matrix {
        combine(a, b, verb: "multiply element-wise", *)
    }

    /// Element-wise quotient; a (rows, 1) column on the right divides every column.
    public static func / (a: Matrix, b: Matrix) -> Matrix {
        combine(a, b, verb: "divide", /)
    }

    /// The negated matrix, every element times -1.
    public static prefix func - (a: Matrix) -> Matrix {
        a.map { -$0 }
    }

    /// Every element times the number `s`.
    public static func * (s: Double, a: Matrix) -> Matrix { a.map { s * $0 } }
    /// Every element times the number `s`.
    public static func * (a: Matrix, s: Double) -> Matrix { a.map { $0 * s } }
    /// Every element divided by the number `s`.
    public static func / (a: Matrix, s: Double) -> Matrix { a.map { $0 / s } }
    /// The number `s` plus every element.
    public static func + (a: Matrix, s: Double) -> Matrix { a.map { $0 + s } }
    /// The number `s` plus every element.
    public static func + (s: Double, a: Matrix) -> Matrix { a.map { s + $0 } }
    /// Every element minus the number `s`.
    public static func - (a: Matrix, s: Double) -> Matrix { a.map { $0 - s } }
    /// The number `s` minus every element, e.g. `1 - A`.
    public static func - (s: Double, a: Matrix) -> Matrix { a.map { s - $0 } }

    /// Adds `b` element-wise (or a (rows, 1) column to every column), in place.
    public static func += (a: inout Matrix, b: Matrix) {
        if b.columns != 1 && a.columns == 1 && a.rows == b.rows && a.rows > 0 {
            a = a + b  // the column is on the left: the result has b's shape
        } else {
            combineInPlace(&a, b, verb: "add", +)
        }
    }
    /// Subtracts `b` element-wise (or a (rows, 1) column from every column), in place.
    public static func -= (a: inout Matrix, b: Matrix) { combineInPlace(&a, b, verb: "subtract", -) }
    /// Multiplies every element by the number `s`, in place.
    public static func *= (a: inout Matrix, s: Double) { a = a * s }
    /// Divides every element by the number `s`, in place.
    public static func /= (a: inout Matrix, s: Double) { a = a / s }

    /// Applies `operation` element by element: same shapes, or `b` a (a.rows, 1) column.
    @inline(__always)
    static func combine(
        _ a: Matrix, _ b: Matrix, verb: String, _ operation: (Double, Double) -> Double
    ) -> Matrix {
        var result = a
        combineInPlace(&result, b, verb: verb, operation)
        return result
    }

    /// a_ij ← operation(a_ij, b_ij), or operation(a_ij, b_i) when `b` is an (a.rows, 1) column.
    @inline(__always)
    static func combineInPlace(
        _ a: inout Matrix, _ b: Matrix, verb: String, _ operation: (Double, Double) -> Double
    ) {
        let rows = a.rows, width = a.columns
        if rows == b.rows && width == b.columns {
            b.elements.withUnsafeBufferPointer { y in
                a.elements.withUnsafeMutableBufferPointer { x in
                    for k in 0..<x.count { x[k] = operation(x[k], y[k]) }
                }
            }
        } else if b.columns == 1 && b.rows == rows {
            b.elements.withUnsafeBufferPointer { y in
                a.elements.withUnsafeMutableBufferPointer { x in
                    guard let x = x.baseAddress else { return }
                    for i in 0..<rows {
                        // A row at a time through a pointer, so the loop runs on vectors.
                        let yi = y[i], row = x + i &* width
                        for j in 0..<width { row[j] = operation(row[j], yi) }
                    }
                }
            }
        } else {
            fatalError("shape mismatch: cannot \(verb) \(a.shape) and \(b.shape)")
        }
    }
}
