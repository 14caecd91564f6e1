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
public struct CrossEntropy: ElementwiseLoss {
    /// The clamp ε = 1e-12 that keeps ln a and 1/a finite.
    public static let epsilon = 1e-12

    /// Cross-entropy with one-hot targets.
    public init() {}

    /// E_k = -y_k ln a_k for one class, a clamped to at least ε; 0 when y_k = 0, so a zero
    /// target never meets ln 0.
    public func outputLoss(predicted a: Double, expected y: Double) -> Double {
        y == 0 ? 0 : -y * Math.logarithm(Swift.max(a, Self.epsilon))
    }

    /// ∂E_k/∂a_k = -y_k / a_k, a clamped to at least ε.
    public func outputLossDerivative(predicted a: Double, expected y: Double) -> Double {
        -y / Swift.max(a, Self.epsilon)
    }
}
