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
        var result = z
        let rows = z.rows, columns = z.columns
        result.elements.withUnsafeMutableBufferPointer { a in
            for j in 0..<columns {
                var largest = -Double.infinity
                for i in 0..<rows { largest = Swift.max(largest, a[i * columns + j]) }
                var total = 0.0
                for i in 0..<rows {
                    let e = Math.exponential(a[i * columns + j] - largest)
                    a[i * columns + j] = e
                    total += e
                }
                for i in 0..<rows { a[i * columns + j] /= total }
            }
        }
        return result
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
