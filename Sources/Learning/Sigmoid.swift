/// The logistic sigmoid, σ(z) = 1 / (1 + e^-z): squashes any number into (0, 1), so its output
/// reads as a probability (the usual output for a yes/no answer).
///
/// Derivative from the output: σ'(z) = σ(z) (1 - σ(z)), at most 0.25 (at z = 0) and close to
/// 0 for large |z| (the vanishing gradient).
///
/// Stable for any input: for z < 0 it computes e^z / (1 + e^z), so e^-z never overflows,
/// and σ(±1000) is exactly 1 or 0, never NaN.
public struct Sigmoid: ElementwiseActivation {
    /// The sigmoid function.
    public init() {}

    /// σ(z) = 1 / (1 + e^-z).
    public func value(_ z: Double) -> Double {
        if z >= 0 {
            return 1 / (1 + Math.exponential(-z))
        }
        let e = Math.exponential(z)
        return e / (1 + e)
    }

    /// σ'(z) = a (1 - a), from the output a = σ(z) (not from z).
    public func derivative(fromOutput a: Double) -> Double {
        a * (1 - a)
    }
}

extension Activation where Self == Sigmoid {
    /// The sigmoid, σ(z) = 1 / (1 + e^-z).
    public static var sigmoid: Sigmoid { Sigmoid() }
}
