extension Matrix {
    /// A 1 x 1 matrix holding the single number `value`: one prediction, one bias, one weight.
    public init(scalar value: Double) {
        self.init(rows: 1, columns: 1, elements: [value])
    }

    /// The only number of a 1 x 1 matrix, such as one prediction of a one-output network
    /// (`network.predict(x).scalar`) or a single weight (`layer.weights.scalar += 0.01`).
    ///
    /// Stops with the shape named for any other matrix: pick an element with `m[i, j]`.
    public var scalar: Double {
        get {
            checkScalar()
            return elements[0]
        }
        set {
            checkScalar()
            elements[0] = newValue
        }
    }

    private func checkScalar() {
        if rows != 1 || columns != 1 {
            fatalError("not a scalar: a \(shape) matrix has \(count) numbers; use m[i, j] to pick one")
        }
    }
}
