/// The functions of `Value` that a neuron needs, each with its local derivative. Where the
/// derivative is simplest written with the result (e^a, tanh, σ), it is computed from the
/// result, as the activations of `Learning` do.
extension Value {
    /// aⁿ for a constant exponent n; ∂/∂a = n aⁿ⁻¹.
    ///
    /// Whole exponents are products (so a negative a is fine: (-2)² = 4); n = 0.5 is the
    /// square root and n = -0.5 its reciprocal; any other n needs a > 0 and is computed as
    /// e^(n ln a).
    public func pow(_ n: Double) -> Value {
        Value(Value.power(data, n), inputs: [self], localDerivatives: [n * Value.power(data, n - 1)], operation: "pow \(n)")
    }

    /// e^a; ∂/∂a = e^a (the result itself).
    public func exp() -> Value {
        let e = Math.exponential(data)
        return Value(e, inputs: [self], localDerivatives: [e], operation: "exp")
    }

    /// ln a, for a > 0; ∂/∂a = 1/a.
    public func log() -> Value {
        if !(data > 0) { fatalError("log needs a positive number, got \(data)") }
        return Value(Math.logarithm(data), inputs: [self], localDerivatives: [1 / data], operation: "log")
    }

    /// tanh a; ∂/∂a = 1 - t², with t = tanh a the result.
    public func tanh() -> Value {
        let t = Tanh().value(data)
        return Value(t, inputs: [self], localDerivatives: [1 - t * t], operation: "tanh")
    }

    /// σ(a) = 1 / (1 + e^-a); ∂/∂a = s (1 - s), with s = σ(a) the result.
    public func sigmoid() -> Value {
        let s = Sigmoid().value(data)
        return Value(s, inputs: [self], localDerivatives: [s * (1 - s)], operation: "sigmoid")
    }

    /// max(0, a); ∂/∂a = 1 for a > 0 and 0 otherwise (0 at exactly a = 0, as `ReLU` uses).
    public func relu() -> Value {
        Value(data > 0 ? data : 0, inputs: [self], localDerivatives: [data > 0 ? 1 : 0], operation: "relu")
    }

    /// xⁿ: exact products for whole n (by repeated squaring), √x and 1/√x for n = ±0.5, else
    /// e^(n ln x).
    static func power(_ x: Double, _ n: Double) -> Double {
        if n == n.rounded(), Swift.abs(n) <= 1_073_741_824 {
            var result = 1.0, base = x, k = Int(Swift.abs(n))
            while k > 0 {
                if k & 1 == 1 { result *= base }
                base *= base
                k >>= 1
            }
            return n < 0 ? 1 / result : result
        }
        if n == 0.5 || n == -0.5 {
            if x < 0 { fatalError("pow \(n) needs a number ≥ 0, got \(x)") }
            return n > 0 ? x.squareRoot() : 1 / x.squareRoot()
        }
        if !(x > 0) { fatalError("pow \(n) needs a positive number (or a whole exponent), got \(x)") }
        return Math.exponential(n * Math.logarithm(x))
    }
}
