/// Cross-entropy with one-hot targets, for a softmax output over k classes:
///
///     L = -Σ_k y_k ln a_k,    J = (1/m) Σ_examples L
///     ∂J/∂a_k = -(1/m) y_k / a_k
///
/// With a one-hot y only the true class c counts: L = -ln a_c, near 0 when the network gives
/// the right class probability near 1, and without bound as that probability goes to 0.
///
/// To stay finite when a probability is exactly 0, a is first clamped to at least
/// ε = `CrossEntropy.epsilon` = 1e-12 (in the loss and the gradient), so L ≤ 27.63.
public struct CrossEntropy: Loss {
    /// The clamp ε = 1e-12 that keeps ln a and 1/a finite.
    public static let epsilon = 1e-12

    /// Cross-entropy with one-hot targets.
    public init() {}

    /// L = -Σ_k y_k ln a_k for each column, a clamped to at least ε.
    public func losses(predicted: Matrix, expected: Matrix) -> Matrix {
        checkSameShape(predicted: predicted, expected: expected)
        var terms = predicted.elements
        for k in 0..<terms.count {
            let y = expected.elements[k]
            // 0 x ln(anything) is 0: skip it, so a zero target never meets ln 0.
            terms[k] = y == 0 ? 0 : -y * Math.logarithm(Swift.max(predicted.elements[k], Self.epsilon))
        }
        return perExample(Matrix(rows: predicted.rows, columns: predicted.columns, elements: terms))
    }

    /// ∂J/∂a_k = -(1/m) y_k / a_k, a clamped to at least ε.
    public func gradient(predicted: Matrix, expected: Matrix) -> Matrix {
        checkSameShape(predicted: predicted, expected: expected)
        let m = Double(predicted.columns)
        var result = predicted.elements
        for k in 0..<result.count {
            result[k] = -expected.elements[k] / Swift.max(predicted.elements[k], Self.epsilon) / m
        }
        return Matrix(rows: predicted.rows, columns: predicted.columns, elements: result)
    }
}
