/// The identity, g(z) = z (a "linear" or "purelin" unit): the output layer for regression,
/// where predictions may be any real number.
///
/// Derivative: g'(z) = 1, so dZ = dA.
public struct Identity: ElementwiseActivation {
    /// The identity activation.
    public init() {}

    /// z itself.
    public func value(_ z: Double) -> Double {
        z
    }

    /// 1, whatever the output a = z.
    public func derivative(fromOutput a: Double) -> Double {
        1
    }

    /// dZ = dA: the gradient passes through unchanged.
    public func backward(outputGradient: Matrix, output: Matrix) -> Matrix {
        if outputGradient.shape != output.shape {
            fatalError("shape mismatch: gradient \(outputGradient.shape) and output \(output.shape) must have the same shape")
        }
        return outputGradient
    }
}

extension Activation where Self == Identity {
    /// The identity, g(z) = z (a linear output).
    public static var identity: Identity { Identity() }
}
