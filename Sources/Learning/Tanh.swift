/// The hyperbolic tangent, tanh z = (e^z - e^-z) / (e^z + e^-z): like the sigmoid but centred
/// on 0, with outputs in (-1, 1); tanh z = 2σ(2z) - 1.
///
/// Derivative from the output: tanh'(z) = 1 - t², where t = tanh z.
public struct Tanh: ElementwiseActivation {
    /// The hyperbolic tangent.
    public init() {}

    /// tanh z; exactly ±1 for large |z|, never NaN.
    public func value(_ z: Double) -> Double {
        Math.hyperbolicTangent(z)
    }

    /// tanh'(z) = 1 - t², from the output t = tanh z (not from z).
    public func derivative(fromOutput t: Double) -> Double {
        1 - t * t
    }
}

extension Activation where Self == Tanh {
    /// The hyperbolic tangent, tanh z.
    public static var tanh: Tanh { Tanh() }
}
