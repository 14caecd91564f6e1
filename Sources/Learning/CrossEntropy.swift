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

    /// E_k = -y_k ln a_k for each class k and example (0 where y_k = 0), a clamped.
    public func outputLosses(predicted: Matrix, expected: Matrix) -> Matrix {
        elementwise(predicted: predicted, expected: expected, Self.term)
    }

    /// L = -Σ_k y_k ln a_k for each column, a clamped to at least ε.
    public func losses(predicted: Matrix, expected: Matrix) -> Matrix {
        perExample(predicted: predicted, expected: expected, Self.term)
    }

    /// J = (1/m) Σ_examples L.
    public func cost(predicted: Matrix, expected: Matrix) -> Double {
        meanOfExamples(predicted: predicted, expected: expected, Self.term)
    }

    /// ∂J/∂a_k = -(1/m) y_k / a_k, a clamped to at least ε.
    public func gradient(predicted: Matrix, expected: Matrix) -> Matrix {
        let m = Double(predicted.columns)
        return elementwise(predicted: predicted, expected: expected) { a, y in -y / Swift.max(a, Self.epsilon) / m }
    }

    /// -y ln a for one output, a clamped; 0 when y = 0, so a zero target never meets ln 0.
    private static func term(_ a: Double, _ y: Double) -> Double {
        y == 0 ? 0 : -y * Math.logarithm(Swift.max(a, epsilon))
    }
}
