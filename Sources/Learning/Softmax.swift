/// Softmax over each column: turns a column of scores z into probabilities, one per class,
/// all positive and summing to 1:
///
///     a_k = e^(z_k) / Σ_j e^(z_j)
///
/// The largest a_k is the predicted class (see `Matrix.columnArgmax()`).
///
/// Stable for large inputs: the column's maximum is subtracted first, which leaves the result
/// unchanged (the factor e^-max cancels) but keeps e^(z_k - max) ≤ 1, so scores like 1000
/// or -1000 give exact probabilities instead of inf / inf = NaN.
///
/// Softmax is not element-wise: every output depends on every input of its column. Its
/// backward pass is the Jacobian-vector product, per column,
///
///     dz_k = Σ_i (∂a_i/∂z_k) da_i = a_k (da_k - Σ_i a_i da_i)
///
/// using ∂a_i/∂z_k = a_i (δ_ik - a_k).
public struct Softmax: Activation {
    /// The softmax activation.
    public init() {}

    /// a = softmax(z) for every column.
    public func forward(_ z: Matrix) -> Matrix {
        var a = Matrix(rows: 0, columns: 0, elements: [])
        forward(z, into: &a)
        return a
    }

    /// a = softmax(z) for every column, into `output` (kept when it has Z's shape).
    ///
    /// Eight columns at a time, one per lane of a vector: rows are contiguous in the storage,
    /// so a vector reads a row's entries of eight columns at once. Each lane takes its
    /// column's maximum, sum and quotients with the very operations, in the very order, of one
    /// column alone (the maximum as `Swift.max` keeps it, e^ one number at a time), so the
    /// numbers are the same to the last bit.
    public func forward(_ z: Matrix, into output: inout Matrix) {
        output.reuse(rows: z.rows, columns: z.columns)
        let rows = z.rows, columns = z.columns
        typealias Vector = SIMD8<Double>
        z.elements.withUnsafeBufferPointer { z in
            output.elements.withUnsafeMutableBufferPointer { a in
                guard let z = z.baseAddress, let a = a.baseAddress else { return }
                var j = 0
                while j &+ Vector.scalarCount <= columns {
                    var largest = Vector(repeating: -.infinity)
                    for i in 0..<rows {
                        let x = Vector.load(z + (i &* columns &+ j))
                        largest = largest.replacing(with: x, where: x .>= largest)
                    }
                    var total = Vector()
                    for i in 0..<rows {
                        let shifted = Vector.load(z + (i &* columns &+ j)) - largest
                        var e = Vector()
                        for lane in 0..<Vector.scalarCount { e[lane] = Math.exponential(shifted[lane]) }
                        e.store(a + (i &* columns &+ j))
                        total += e
                    }
                    for i in 0..<rows { (Vector.load(a + (i &* columns &+ j)) / total).store(a + (i &* columns &+ j)) }
                    j &+= Vector.scalarCount
                }
                // The last columns (fewer than eight), one at a time.
                while j < columns {
                    var largest = -Double.infinity
                    for i in 0..<rows { largest = Swift.max(largest, z[i &* columns &+ j]) }
                    var total = 0.0
                    for i in 0..<rows {
                        let e = Math.exponential(z[i &* columns &+ j] - largest)
                        a[i &* columns &+ j] = e
                        total += e
                    }
                    for i in 0..<rows { a[i &* columns &+ j] /= total }
                    j &+= 1
                }
            }
        }
    }

    /// dz_k = a_k (da_k - Σ_i a_i da_i), column by column.
    public func backward(outputGradient: Matrix, output: Matrix) -> Matrix {
        if outputGradient.shape != output.shape {
            fatalError("shape mismatch: gradient \(outputGradient.shape) and output \(output.shape) must have the same shape")
        }
        let rows = output.rows, columns = output.columns
        var result = outputGradient
        output.elements.withUnsafeBufferPointer { a in
            result.elements.withUnsafeMutableBufferPointer { d in
                for j in 0..<columns {
                    var dot = 0.0
                    for i in 0..<rows { dot += a[i * columns + j] * d[i * columns + j] }
                    for i in 0..<rows { d[i * columns + j] = a[i * columns + j] * (d[i * columns + j] - dot) }
                }
            }
        }
        return result
    }
}

extension Activation where Self == Softmax {
    /// Softmax over each column: positive outputs that sum to 1.
    public static var softmax: Softmax { Softmax() }
}
