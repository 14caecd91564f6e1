/// A loss made of one term per output unit and example, like the activations'
/// `ElementwiseActivation`: conforming types give the scalar term E(a, y) and its derivative
/// ∂E/∂a, and the matrix members come for free:
///
///     E_kj = E(a_kj, y_kj),    L_j = Σ_k E_kj,    J = (1/m) Σ_j L_j,    ∂J/∂a_kj = ∂E/∂a (a_kj, y_kj) / m
///
/// Every member adds in the same order as `losses(...).mean()`, so `cost` and `losses` agree
/// to the last bit.
public protocol ElementwiseLoss: Loss {
    /// E(a, y): one output unit's share of one example's loss.
    func outputLoss(predicted a: Double, expected y: Double) -> Double

    /// ∂E/∂a at (a, y); the cost's gradient divides it by the m examples.
    func outputLossDerivative(predicted a: Double, expected y: Double) -> Double
}

extension ElementwiseLoss {
    /// E_k for each output unit and example.
    public func outputLosses(predicted: Matrix, expected: Matrix) -> Matrix {
        elementwise(predicted: predicted, expected: expected) { a, y in outputLoss(predicted: a, expected: y) }
    }

    /// L = Σ_k E_k for each column.
    public func losses(predicted: Matrix, expected: Matrix) -> Matrix {
        perExample(predicted: predicted, expected: expected) { a, y in outputLoss(predicted: a, expected: y) }
    }

    /// J = (1/m) Σ_examples L.
    public func cost(predicted: Matrix, expected: Matrix) -> Double {
        meanOfExamples(predicted: predicted, expected: expected) { a, y in outputLoss(predicted: a, expected: y) }
    }

    /// ∂J/∂A: entry (k, j) is ∂E/∂a (a_kj, y_kj) / m.
    public func gradient(predicted: Matrix, expected: Matrix) -> Matrix {
        let m = Double(predicted.columns)
        return elementwise(predicted: predicted, expected: expected) { a, y in outputLossDerivative(predicted: a, expected: y) / m }
    }

    /// ∂J/∂A into `result`, reusing its storage: the same numbers as `gradient(predicted:expected:)`.
    public func gradient(predicted: Matrix, expected: Matrix, into result: inout Matrix) {
        let m = Double(predicted.columns)
        elementwise(predicted: predicted, expected: expected, into: &result) { a, y in outputLossDerivative(predicted: a, expected: y) / m }
    }
}
