/// Mean squared error, for regression (and the book's first worked examples).
///
/// Per example, half the squared distance over the k output units; the cost averages it
/// over the m examples (not over the outputs):
///
///     E_k = ½ (a_k - y_k)²,    L = Σ_k E_k = ½ Σ_k (a_k - y_k)²,    J = (1/m) Σ_examples L
///     ∂J/∂A = (A - Y) / m
///
/// The ½ makes the derivative exactly a - y. With one example and one output, J = ½ (a - y)².
///
/// **This is the book's convention, not every library's.** Keras' and PyTorch's mean
/// squared error is the mean of (a - y)² over every entry, with no ½ and a division by the
/// k outputs as well: theirs = 2J / k (with one output, 2J). Mazur's worked example uses
/// E_total = Σ_k ½ (target - out)², which is L here, with its E_o1, E_o2 the `outputLosses`.
public struct MeanSquaredError: ElementwiseLoss {
    /// The mean squared error, J = (1/m) Σ_examples ½ Σ_k (a_k - y_k)².
    public init() {}

    /// E_k = ½ (a_k - y_k)² for one output unit and example (Mazur's E_o1, E_o2, ...).
    public func outputLoss(predicted a: Double, expected y: Double) -> Double {
        0.5 * (a - y) * (a - y)
    }

    /// ∂E_k/∂a_k = a_k - y_k (the ½ cancels the square's 2), so ∂J/∂A = (A - Y) / m.
    public func outputLossDerivative(predicted a: Double, expected y: Double) -> Double {
        a - y
    }
}
