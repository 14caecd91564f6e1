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
public struct MeanSquaredError: Loss {
    /// The mean squared error, J = (1/m) Σ_examples ½ Σ_k (a_k - y_k)².
    public init() {}

    /// E_k = ½ (a_k - y_k)² for each output unit and example (Mazur's E_o1, E_o2, ...).
    public func outputLosses(predicted: Matrix, expected: Matrix) -> Matrix {
        elementwise(predicted: predicted, expected: expected) { a, y in 0.5 * (a - y) * (a - y) }
    }

    /// L = ½ Σ_k (a_k - y_k)² for each column.
    public func losses(predicted: Matrix, expected: Matrix) -> Matrix {
        perExample(predicted: predicted, expected: expected) { a, y in 0.5 * (a - y) * (a - y) }
    }

    /// J = (1/m) Σ_examples ½ Σ_k (a_k - y_k)²: with the ½, averaged over examples only.
    public func cost(predicted: Matrix, expected: Matrix) -> Double {
        meanOfExamples(predicted: predicted, expected: expected) { a, y in 0.5 * (a - y) * (a - y) }
    }

    /// ∂J/∂A = (A - Y) / m.
    public func gradient(predicted: Matrix, expected: Matrix) -> Matrix {
        let m = Double(predicted.columns)
        return elementwise(predicted: predicted, expected: expected) { a, y in (a - y) / m }
    }

    /// ∂J/∂A = (A - Y) / m into `result`, as `gradient(predicted:expected:)`.
    public func gradient(predicted: Matrix, expected: Matrix, into result: inout Matrix) {
        let m = Double(predicted.columns)
        elementwise(predicted: predicted, expected: expected, into: &result) { a, y in (a - y) / m }
    }
}
