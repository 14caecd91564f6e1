/// Mean squared error, for regression (and the book's first worked examples).
///
/// Per example, half the squared distance over the k output units; the cost averages it:
///
///     L = ½ Σ_k (a_k - y_k)²,    J = (1/m) Σ_examples L
///     ∂J/∂A = (A - Y) / m
///
/// The ½ makes the derivative exactly a - y. With one example and one output, J = ½ (a - y)².
public struct MeanSquaredError: Loss {
    /// The mean squared error.
    public init() {}

    /// L = ½ Σ_k (a_k - y_k)² for each column.
    public func losses(predicted: Matrix, expected: Matrix) -> Matrix {
        perExample(predicted: predicted, expected: expected) { a, y in 0.5 * (a - y) * (a - y) }
    }

    /// J = (1/m) Σ_examples ½ Σ_k (a_k - y_k)².
    public func cost(predicted: Matrix, expected: Matrix) -> Double {
        meanOfExamples(predicted: predicted, expected: expected) { a, y in 0.5 * (a - y) * (a - y) }
    }

    /// ∂J/∂A = (A - Y) / m.
    public func gradient(predicted: Matrix, expected: Matrix) -> Matrix {
        let m = Double(predicted.columns)
        return elementwise(predicted: predicted, expected: expected) { a, y in (a - y) / m }
    }
}
