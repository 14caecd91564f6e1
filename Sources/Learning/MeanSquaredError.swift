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
        checkSameShape(predicted: predicted, expected: expected)
        let difference = predicted - expected
        return perExample(difference .* difference) * 0.5
    }

    /// ∂J/∂A = (A - Y) / m.
    public func gradient(predicted: Matrix, expected: Matrix) -> Matrix {
        checkSameShape(predicted: predicted, expected: expected)
        return (predicted - expected) / Double(predicted.columns)
    }
}
