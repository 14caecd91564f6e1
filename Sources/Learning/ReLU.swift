/// The rectified linear unit, ReLU(z) = max(0, z).
///
/// Derivative: 1 for z > 0 and 0 for z < 0; at exactly z = 0, where it has no derivative,
/// we use 0. From the output a: 1 when a > 0, else 0.
public struct ReLU: ElementwiseActivation {
    /// The rectified linear unit.
    public init() {}

    /// max(0, z).
    public func value(_ z: Double) -> Double {
        z > 0 ? z : 0
    }

    /// From the output a = max(0, z): 1 when a > 0, else 0 (so the slope at exactly z = 0 is 0).
    public func derivative(fromOutput a: Double) -> Double {
        a > 0 ? 1 : 0
    }
}

/// The leaky ReLU: z for z > 0, and `slope` x z otherwise, so a negative input still passes
/// a small gradient (a unit cannot "die" completely).
///
/// Derivative: 1 for z > 0 and `slope` for z ≤ 0 (at exactly 0 we use `slope`, the left
/// slope, as ReLU uses 0). From the output a: 1 when a > 0, else `slope`, which works because
/// 0 ≤ slope < 1 keeps the sign of the output equal to the sign of the input.
public struct LeakyReLU: ElementwiseActivation {
    /// The slope for negative inputs, 0 ≤ slope < 1 (often 0.01).
    public let slope: Double

    /// A leaky ReLU with `slope` for negative inputs; 0 ≤ slope < 1.
    public init(slope: Double = 0.01) {
        if !(slope >= 0 && slope < 1) {
            fatalError("leaky relu slope must be in [0, 1), got \(slope)")
        }
        self.slope = slope
    }

    /// z for z > 0, slope x z otherwise.
    public func value(_ z: Double) -> Double {
        z > 0 ? z : slope * z
    }

    /// From the output a (not from z): 1 when a > 0, else `slope`.
    public func derivative(fromOutput a: Double) -> Double {
        a > 0 ? 1 : slope
    }
}

extension Activation where Self == ReLU {
    /// The rectified linear unit, max(0, z).
    public static var relu: ReLU { ReLU() }
}

extension Activation where Self == LeakyReLU {
    /// The leaky ReLU: z for z > 0, `slope` x z otherwise.
    public static func leakyReLU(slope: Double = 0.01) -> LeakyReLU { LeakyReLU(slope: slope) }
}
