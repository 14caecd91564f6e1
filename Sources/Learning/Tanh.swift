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

    /// A = tanh Z, sixteen numbers at a time (the same numbers as `value` gives one by one).
    public func forward(_ z: Matrix) -> Matrix {
        var a = z
        forward(z, into: &a)
        return a
    }

    /// A = tanh Z into `output` (kept when it has Z's shape), sixteen numbers at a time.
    public func forward(_ z: Matrix, into output: inout Matrix) {
        output.reuse(rows: z.rows, columns: z.columns)
        z.elements.withUnsafeBufferPointer { z in
            output.elements.withUnsafeMutableBufferPointer { a in Tanh.forward(z, into: a) }
        }
    }

    /// a_k = tanh z_k for every number of `z`, into `a` (as many), sixteen at a time (the
    /// last few in one vector filled up with zeros: each lane's result is its own): the loop
    /// of `forward(_:into:)`, which `TrainingStep` runs on its own storage.
    @inline(__always)
    static func forward(_ z: UnsafeBufferPointer<Double>, into a: UnsafeMutableBufferPointer<Double>) {
        let width = HyperbolicTangent.Vector.scalarCount, full = z.count / width * width
        var k = 0
        while k < full {
            let x = HyperbolicTangent.Vector.load(z.baseAddress! + k)
            HyperbolicTangent.of(x).store(a.baseAddress! + k)
            k += width
        }
        if k < z.count {
            var x = HyperbolicTangent.Vector()
            for lane in 0..<z.count &- k { x[lane] = z[k &+ lane] }
            let t = HyperbolicTangent.of(x)
            for lane in 0..<z.count &- k { a[k &+ lane] = t[lane] }
        }
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
