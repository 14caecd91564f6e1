/// The arithmetic of `Value`: each operator makes a node holding its result and the local
/// derivative with respect to each `Value` input. A plain `Double` on either side is a
/// constant (no node, no gradient), so `2 * x`, `x - 1` and `1 / x` read as written.
extension Value {
    /// a + b; local derivatives ∂/∂a = 1, ∂/∂b = 1.
    public static func + (a: Value, b: Value) -> Value {
        Value(a.data + b.data, inputs: [a, b], localDerivatives: [1, 1], operation: "+")
    }

    /// a + c for a constant c; ∂/∂a = 1.
    public static func + (a: Value, c: Double) -> Value {
        Value(a.data + c, inputs: [a], localDerivatives: [1], operation: "+")
    }

    /// c + a for a constant c; ∂/∂a = 1.
    public static func + (c: Double, a: Value) -> Value {
        a + c
    }

    /// a - b; ∂/∂a = 1, ∂/∂b = -1.
    public static func - (a: Value, b: Value) -> Value {
        Value(a.data - b.data, inputs: [a, b], localDerivatives: [1, -1], operation: "-")
    }

    /// a - c for a constant c; ∂/∂a = 1.
    public static func - (a: Value, c: Double) -> Value {
        Value(a.data - c, inputs: [a], localDerivatives: [1], operation: "-")
    }

    /// c - a for a constant c; ∂/∂a = -1.
    public static func - (c: Double, a: Value) -> Value {
        Value(c - a.data, inputs: [a], localDerivatives: [-1], operation: "-")
    }

    /// -a; ∂/∂a = -1.
    public static prefix func - (a: Value) -> Value {
        Value(-a.data, inputs: [a], localDerivatives: [-1], operation: "neg")
    }

    /// a · b; ∂/∂a = b, ∂/∂b = a (each factor's slope is the other factor). For x · x the
    /// one node appears twice and collects both: ∂/∂x = 2x.
    public static func * (a: Value, b: Value) -> Value {
        Value(a.data * b.data, inputs: [a, b], localDerivatives: [b.data, a.data], operation: "*")
    }

    /// a · c for a constant c; ∂/∂a = c.
    public static func * (a: Value, c: Double) -> Value {
        Value(a.data * c, inputs: [a], localDerivatives: [c], operation: "*")
    }

    /// c · a for a constant c; ∂/∂a = c.
    public static func * (c: Double, a: Value) -> Value {
        a * c
    }

    /// a / b; ∂/∂a = 1/b, ∂/∂b = -a/b².
    public static func / (a: Value, b: Value) -> Value {
        Value(a.data / b.data, inputs: [a, b], localDerivatives: [1 / b.data, -a.data / (b.data * b.data)], operation: "/")
    }

    /// a / c for a constant c; ∂/∂a = 1/c.
    public static func / (a: Value, c: Double) -> Value {
        Value(a.data / c, inputs: [a], localDerivatives: [1 / c], operation: "/")
    }

    /// c / a for a constant c; ∂/∂a = -c/a².
    public static func / (c: Double, a: Value) -> Value {
        Value(c / a.data, inputs: [a], localDerivatives: [-c / (a.data * a.data)], operation: "/")
    }

    /// a = a + b, as a new node (the old one stays in the graph as an input).
    public static func += (a: inout Value, b: Value) { a = a + b }
    /// a = a + c for a constant c.
    public static func += (a: inout Value, c: Double) { a = a + c }
    /// a = a - b, as a new node.
    public static func -= (a: inout Value, b: Value) { a = a - b }
    /// a = a - c for a constant c.
    public static func -= (a: inout Value, c: Double) { a = a - c }
    /// a = a · b, as a new node.
    public static func *= (a: inout Value, b: Value) { a = a * b }
    /// a = a · c for a constant c.
    public static func *= (a: inout Value, c: Double) { a = a * c }
    /// a = a / b, as a new node.
    public static func /= (a: inout Value, b: Value) { a = a / b }
    /// a = a / c for a constant c.
    public static func /= (a: inout Value, c: Double) { a = a / c }
}

extension Sequence where Element == Value {
    /// Σ of the values as one node with every value an input (each local derivative 1), so
    /// a long sum is one step of the graph rather than a chain of additions. Empty: 0, a leaf.
    public func sum() -> Value {
        let values = Array(self)
        if values.isEmpty { return Value(0) }
        let total = values.reduce(0.0) { $0 + $1.data }
        return Value(total, inputs: values, localDerivatives: [Double](repeating: 1, count: values.count), operation: "sum")
    }
}
