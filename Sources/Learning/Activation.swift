/// An activation function g, applied to a layer's weighted sums Z to give its output A = g(Z),
/// together with its derivative, so that the backward pass can turn dA into dZ.
///
/// Derivatives are written with the function's own output, as the book does
/// (sigmoid' = s(1 - s), tanh' = 1 - t²), so the backward pass reuses the value the forward
/// pass already computed instead of recomputing it from Z.
///
/// Use the static members where an activation is expected: `activation: .sigmoid`,
/// `.tanh`, `.relu`, `.leakyReLU(slope: 0.01)`, `.identity`, `.softmax`.
public protocol Activation: Sendable {
    /// A = g(Z), column by column (each column is one example).
    func forward(_ z: Matrix) -> Matrix

    /// dZ = ∂cost/∂Z from dA = ∂cost/∂A and the forward output A = g(Z) (chain rule).
    ///
    /// For an element-wise g this is dZ = dA ⊙ g'(Z); for softmax it is the
    /// Jacobian-vector product of each column.
    func backward(_ outputGradient: Matrix, output: Matrix) -> Matrix
}

/// An activation applied to each number on its own: a_ij = g(z_ij).
///
/// Conforming types give the scalar function and its derivative written with the output;
/// the matrix `forward` and `backward` come for free:
///
///     A = g(Z) element by element,   dZ = dA ⊙ g'(A)
public protocol ElementwiseActivation: Activation {
    /// g(z) for one number.
    func value(_ z: Double) -> Double

    /// g'(z) written with the output a = g(z): e.g. a(1 - a) for the sigmoid.
    func derivative(output a: Double) -> Double
}

extension ElementwiseActivation {
    /// g'(z) at an input z, computed as `derivative(output: value(z))`.
    public func derivative(at z: Double) -> Double {
        derivative(output: value(z))
    }

    /// A = g(Z), element by element.
    public func forward(_ z: Matrix) -> Matrix {
        var result = z
        result.elements.withUnsafeMutableBufferPointer { a in
            for k in 0..<a.count { a[k] = value(a[k]) }
        }
        return result
    }

    /// dZ = dA ⊙ g'(A), element by element, from the forward output A.
    public func backward(_ outputGradient: Matrix, output: Matrix) -> Matrix {
        if outputGradient.shape != output.shape {
            fatalError("shape mismatch: gradient \(outputGradient.shape) and output \(output.shape) must have the same shape")
        }
        var result = outputGradient
        output.elements.withUnsafeBufferPointer { a in
            result.elements.withUnsafeMutableBufferPointer { d in
                for k in 0..<d.count { d[k] *= derivative(output: a[k]) }
            }
        }
        return result
    }
}
