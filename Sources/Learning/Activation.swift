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

    /// dZ = ∂cost/∂Z from dA = ∂cost/∂A (`outputGradient`) and the forward output A = g(Z)
    /// (chain rule).
    ///
    /// For an element-wise g this is dZ = dA ⊙ g'(Z); for softmax it is the
    /// Jacobian-vector product of each column. Like every backward pass in `Learning`
    /// (`Dense.backward(outputGradient:cache:)`, `Network.backward(loss:expected:caches:)`),
    /// it names the gradient coming in first and what the forward pass kept second.
    func backward(outputGradient: Matrix, output: Matrix) -> Matrix

    /// A = g(Z) written into `output`, reusing its storage when it already has Z's shape:
    /// the same numbers as `forward(_:)`, without a new array on every step of training.
    /// The default calls `forward(_:)`.
    func forward(_ z: Matrix, into output: inout Matrix)

    /// dZ written into `zGradient`, reusing its storage when it already has dA's shape:
    /// the same numbers as `backward(outputGradient:output:)`. The default calls it.
    func backward(outputGradient: Matrix, output: Matrix, into zGradient: inout Matrix)
}

extension Activation {
    /// A = g(Z) into `output`, by `forward(_:)`.
    public func forward(_ z: Matrix, into output: inout Matrix) {
        output = forward(z)
    }

    /// dZ into `zGradient`, by `backward(outputGradient:output:)`.
    public func backward(outputGradient: Matrix, output: Matrix, into zGradient: inout Matrix) {
        zGradient = backward(outputGradient: outputGradient, output: output)
    }
}

/// An activation applied to each number on its own: a_ij = g(z_ij).
///
/// Conforming types give the scalar function and its derivative written with the output;
/// the matrix `forward` and `backward` come for free:
///
///     A = g(Z) element by element,   dZ = dA ⊙ g'(Z), with g'(Z) computed from A
///
/// Two ways to ask for the slope, labelled so they cannot be mixed up:
///
///     Sigmoid().derivative(at: 0)          // σ'(0) = 0.25: the slope at an input z
///     Sigmoid().derivative(fromOutput: 0.5) // the same slope, given the output a = σ(z) = 0.5
public protocol ElementwiseActivation: Activation {
    /// g(z) for one number.
    func value(_ z: Double) -> Double

    /// g'(z) computed from the output a = g(z), **not** from z: e.g. a (1 - a) for the
    /// sigmoid, so `derivative(fromOutput: 0.5)` is σ'(0) = 0.25. For the slope at an input,
    /// use `derivative(at:)`.
    func derivative(fromOutput a: Double) -> Double
}

extension ElementwiseActivation {
    /// g'(z) at an input z, computed as `derivative(fromOutput: value(z))`.
    public func derivative(at z: Double) -> Double {
        derivative(fromOutput: value(z))
    }

    /// A = g(Z), element by element.
    public func forward(_ z: Matrix) -> Matrix {
        var result = z
        result.elements.withUnsafeMutableBufferPointer { a in
            for k in 0..<a.count { a[k] = value(a[k]) }
        }
        return result
    }

    /// A = g(Z), element by element, into `output` (kept when it has Z's shape).
    public func forward(_ z: Matrix, into output: inout Matrix) {
        output.reuse(rows: z.rows, columns: z.columns)
        z.elements.withUnsafeBufferPointer { z in
            output.elements.withUnsafeMutableBufferPointer { a in
                for k in 0..<a.count { a[k] = value(z[k]) }
            }
        }
    }

    /// dZ = dA ⊙ g'(Z), element by element, into `zGradient` (kept when it has dA's shape).
    public func backward(outputGradient: Matrix, output: Matrix, into zGradient: inout Matrix) {
        if outputGradient.shape != output.shape {
            fatalError("shape mismatch: gradient \(outputGradient.shape) and output \(output.shape) must have the same shape")
        }
        zGradient.reuse(rows: output.rows, columns: output.columns)
        outputGradient.elements.withUnsafeBufferPointer { d in
            output.elements.withUnsafeBufferPointer { a in
                zGradient.elements.withUnsafeMutableBufferPointer { dz in
                    for k in 0..<dz.count { dz[k] = d[k] * derivative(fromOutput: a[k]) }
                }
            }
        }
    }

    /// dZ = dA ⊙ g'(Z), element by element, with g'(Z) computed from the forward output A.
    public func backward(outputGradient: Matrix, output: Matrix) -> Matrix {
        if outputGradient.shape != output.shape {
            fatalError("shape mismatch: gradient \(outputGradient.shape) and output \(output.shape) must have the same shape")
        }
        var result = outputGradient
        output.elements.withUnsafeBufferPointer { a in
            result.elements.withUnsafeMutableBufferPointer { d in
                for k in 0..<d.count { d[k] *= derivative(fromOutput: a[k]) }
            }
        }
        return result
    }
}
