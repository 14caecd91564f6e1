/// A loss L measures how wrong one prediction is; the cost J is its average over the m
/// examples of a batch:
///
///     J = (1/m) Σ_examples L(a, y)
///
/// Predictions and targets are matrices of the same shape, one example per column.
/// The gradient a loss returns is ∂J/∂A, the derivative of the **cost**, so it already
/// carries the factor 1/m; the layers below do not divide by m again.
public protocol Loss: Sendable {
    /// L for each example: a (1, m) row, entry j the loss of column j.
    func losses(predicted: Matrix, expected: Matrix) -> Matrix

    /// ∂J/∂A, the same shape as the predictions (including the 1/m of the average).
    func gradient(predicted: Matrix, expected: Matrix) -> Matrix
}

extension Loss {
    /// J = (1/m) Σ_examples L: the mean of `losses(predicted:expected:)`.
    public func cost(predicted: Matrix, expected: Matrix) -> Double {
        losses(predicted: predicted, expected: expected).mean()
    }

    /// L for a single prediction of one number: `losses` of 1 x 1 matrices.
    public func loss(predicted: Double, expected: Double) -> Double {
        losses(predicted: Matrix(column: [predicted]), expected: Matrix(column: [expected])).elements[0]
    }
}

/// Stops with both shapes named unless predictions and targets have the same shape.
func checkSameShape(predicted: Matrix, expected: Matrix) {
    if predicted.shape != expected.shape {
        fatalError("shape mismatch: predictions \(predicted.shape) and targets \(expected.shape) must have the same shape")
    }
    if predicted.columns == 0 {
        fatalError("no examples: predictions have shape \(predicted.shape)")
    }
}

/// Sums each column of `m`: the per-example total over output units, a (1, columns) row.
func perExample(_ m: Matrix) -> Matrix {
    m.columnSums()
}
