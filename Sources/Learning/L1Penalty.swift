/// The L1 penalty: the absolute weights, times the strength λ,
///
///     Ω(W) = λ Σ_ij |w_ij|,    ∂Ω/∂W = λ sign(W)
///
/// with sign(0) = 0 (|w| has no derivative at 0; 0 lies between its slopes -1 and 1, so it
/// is a valid subgradient, and a weight at exactly 0 is left there by the penalty). The
/// gradient has the same size for every non-zero weight, so a gradient-descent step moves
/// each one a fixed αλ towards 0: small weights reach 0 (or cross it and come back), large
/// ones barely change in proportion. That is why L1 leaves many weights at or near 0 (a
/// sparse network) where L2 makes all of them small.
public struct L1Penalty: Penalty {
    /// The strength λ ≥ 0 (0 is no penalty).
    public let strength: Double

    /// An L1 penalty of strength λ = `strength` (a finite number ≥ 0).
    public init(strength: Double) {
        checkStrength(strength)
        self.strength = strength
    }

    /// λ Σ |w|.
    public func cost(weights: Matrix) -> Double {
        strength * weights.elements.reduce(0) { $0 + Swift.abs($1) }
    }

    /// λ sign(W), with sign(0) = 0.
    public func gradient(weights: Matrix) -> Matrix {
        let lambda = strength
        return weights.map { $0 > 0 ? lambda : $0 < 0 ? -lambda : 0 }
    }
}
