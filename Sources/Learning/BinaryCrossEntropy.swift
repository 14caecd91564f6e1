/// Binary cross-entropy, for a yes/no answer from a sigmoid output a in (0, 1) and a target
/// y of 0 or 1:
///
///     L = -[y ln a + (1 - y) ln(1 - a)],    J = (1/m) Σ_examples L
///     ∂J/∂a = (1/m) (a - y) / (a (1 - a))
///
/// With y = 1 only -ln a is left: near 0 when a is near 1, large when a is near 0; with y = 0,
/// -ln(1 - a) the other way round. With several output rows the losses of a column are summed.
///
/// To stay finite when a prediction is exactly 0 or 1 (a saturated sigmoid), a is first
/// clamped to [ε, 1 - ε] with ε = `BinaryCrossEntropy.epsilon` = 1e-12, in both the loss
/// and the gradient; so L is at most -ln(1e-12) ≈ 27.63.
public struct BinaryCrossEntropy: ElementwiseLoss {
    /// The clamp ε = 1e-12 that keeps ln a and 1/a finite.
    public static let epsilon = 1e-12

    /// Binary cross-entropy.
    public init() {}

    /// E = -[y ln a + (1 - y) ln(1 - a)] for one output, a clamped.
    public func outputLoss(predicted a: Double, expected y: Double) -> Double {
        let a = Self.clamp(a)
        return -(y * Math.logarithm(a) + (1 - y) * Math.logarithm(1 - a))
    }

    /// ∂E/∂a = (a - y) / (a (1 - a)), computed as -y/a + (1 - y)/(1 - a), a clamped.
    public func outputLossDerivative(predicted a: Double, expected y: Double) -> Double {
        let a = Self.clamp(a)
        return -y / a + (1 - y) / (1 - a)
    }

    private static func clamp(_ a: Double) -> Double {
        Swift.min(Swift.max(a, epsilon), 1 - epsilon)
    }
}
