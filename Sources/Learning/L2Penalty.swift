/// The L2 penalty, or weight decay: half the squared weights, times the strength λ,
///
///     Ω(W) = (λ/2) Σ_ij w_ij²,    ∂Ω/∂W = λ W
///
/// The gradient is proportional to each weight, so a gradient-descent step
/// W ← W - α (dW + λ W) = (1 - αλ) W - α dW shrinks every weight by the same factor
/// 1 - αλ before the loss's step: large weights lose much, small ones little, and none is
/// pushed exactly to 0. The ½ makes the gradient λ W rather than 2λ W.
///
///     let decay = L2Penalty(strength: 0.01)
///     try network.train(inputs: x, expected: y, loss: BinaryCrossEntropy(), penalty: decay,
///                       optimizer: GradientDescent(learningRate: 0.1), iterations: 1000)
public struct L2Penalty: Penalty {
    /// The strength λ ≥ 0 (0 is no penalty).
    public let strength: Double

    /// An L2 penalty of strength λ = `strength` (a finite number ≥ 0).
    public init(strength: Double) {
        checkStrength(strength)
        self.strength = strength
    }

    /// (λ/2) Σ w².
    public func cost(weights: Matrix) -> Double {
        0.5 * strength * weights.elements.reduce(0) { $0 + $1 * $1 }
    }

    /// λ W.
    public func gradient(weights: Matrix) -> Matrix {
        strength * weights
    }
}
