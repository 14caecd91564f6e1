/// A loss L measures how wrong one prediction is; the cost J is its average over the m
/// examples of a batch:
///
///     J = (1/m) Σ_examples L(a, y),    L = Σ_k E_k (a sum over the output units k)
///
/// Predictions and targets are matrices of the same shape, one example per column.
/// Three levels, from fine to coarse: `outputLosses` (E_k per output and example, Mazur's
/// E_o1 and E_o2), `losses` (L per example: the column sums) and `cost` (J: their mean).
/// The gradient a loss returns is ∂J/∂A, the derivative of the **cost**, so it already
/// carries the factor 1/m; the layers below do not divide by m again.
public protocol Loss: Sendable {
    /// E_k for each output unit k and example: the predictions' shape, entry (k, j) output
    /// k's share of example j's loss, so each column sums to that example's L.
    func outputLosses(predicted: Matrix, expected: Matrix) -> Matrix

    /// L for each example: a (1, m) row, entry j the loss of column j (the column sums of
    /// `outputLosses`).
    func losses(predicted: Matrix, expected: Matrix) -> Matrix

    /// J = (1/m) Σ_examples L, the mean of `losses(predicted:expected:)`.
    func cost(predicted: Matrix, expected: Matrix) -> Double

    /// ∂J/∂A, the same shape as the predictions (including the 1/m of the average).
    func gradient(predicted: Matrix, expected: Matrix) -> Matrix

    /// ∂J/∂A written into `result`, reusing its storage when it already has the predictions'
    /// shape: the same numbers as `gradient(predicted:expected:)`, which the default calls.
    func gradient(predicted: Matrix, expected: Matrix, into result: inout Matrix)
}

extension Loss {
    /// ∂J/∂A into `result`, by `gradient(predicted:expected:)`.
    public func gradient(predicted: Matrix, expected: Matrix, into result: inout Matrix) {
        result = gradient(predicted: predicted, expected: expected)
    }

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

/// The (1, m) row of per-example losses: entry j is Σ_i term(a_ij, y_ij).
@inline(__always)
func perExample(predicted: Matrix, expected: Matrix, _ term: (Double, Double) -> Double) -> Matrix {
    checkSameShape(predicted: predicted, expected: expected)
    let rows = predicted.rows, columns = predicted.columns
    var result = [Double](repeating: 0, count: columns)
    predicted.elements.withUnsafeBufferPointer { a in
        expected.elements.withUnsafeBufferPointer { y in
            for i in 0..<rows {
                for j in 0..<columns { result[j] += term(a[i * columns + j], y[i * columns + j]) }
            }
        }
    }
    return Matrix(rows: 1, columns: columns, elements: result)
}

/// The mean of the per-example sums Σ_i term(a_ij, y_ij), added in the same order as
/// `perExample(...).mean()`, so the two agree to the last bit, without building the row.
@inline(__always)
func meanOfExamples(predicted: Matrix, expected: Matrix, _ term: (Double, Double) -> Double) -> Double {
    checkSameShape(predicted: predicted, expected: expected)
    let rows = predicted.rows, columns = predicted.columns
    var total = 0.0
    predicted.elements.withUnsafeBufferPointer { a in
        expected.elements.withUnsafeBufferPointer { y in
            for j in 0..<columns {
                var column = 0.0
                for i in 0..<rows { column += term(a[i * columns + j], y[i * columns + j]) }
                total += column
            }
        }
    }
    return total / Double(columns)
}

/// result_k = gradient(a_k, y_k) for every element, into `result` (kept when it has the shape).
@inline(__always)
func elementwise(predicted: Matrix, expected: Matrix, into result: inout Matrix, _ gradient: (Double, Double) -> Double) {
    checkSameShape(predicted: predicted, expected: expected)
    result.reuse(rows: predicted.rows, columns: predicted.columns)
    predicted.elements.withUnsafeBufferPointer { a in
        expected.elements.withUnsafeBufferPointer { y in
            result.elements.withUnsafeMutableBufferPointer { r in
                for k in 0..<r.count { r[k] = gradient(a[k], y[k]) }
            }
        }
    }
}

/// A matrix of the predictions' shape with entry gradient(a_ij, y_ij) (or any other
/// element-wise term, such as one output's loss).
@inline(__always)
func elementwise(predicted: Matrix, expected: Matrix, _ gradient: (Double, Double) -> Double) -> Matrix {
    checkSameShape(predicted: predicted, expected: expected)
    var result = predicted.elements
    expected.elements.withUnsafeBufferPointer { y in
        result.withUnsafeMutableBufferPointer { a in
            for k in 0..<a.count { a[k] = gradient(a[k], y[k]) }
        }
    }
    return Matrix(rows: predicted.rows, columns: predicted.columns, elements: result)
}
