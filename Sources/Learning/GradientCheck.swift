/// Gradient checking: compare a derivative worked out analytically (by backpropagation) with
/// one measured numerically by central differences,
///
///     f'(x) ≈ (f(x + h) - f(x - h)) / (2h)
///
/// whose error shrinks like h² (h = 1e-5 by default). The two are compared by their
/// relative error, |a - n| / max(|a|, |n|, 1e-8): about 1e-7 or less means they agree; the
/// floor 1e-8 keeps two tiny gradients (both nearly 0) from counting as a disagreement.
public enum GradientCheck {
    /// The central difference (f(x + h) - f(x - h)) / (2h): the numerical derivative of f at x.
    public static func centralDifference(of f: (Double) -> Double, at x: Double, step h: Double = 1e-5) -> Double {
        (f(x + h) - f(x - h)) / (2 * h)
    }

    /// |a - n| / max(|a|, |n|, 1e-8): how far an analytic derivative a is from a numerical n.
    public static func relativeError(_ a: Double, _ n: Double) -> Double {
        Swift.abs(a - n) / Swift.max(Swift.abs(a), Swift.abs(n), 1e-8)
    }

    /// The numerical gradient of a scalar function of a matrix: one central difference per
    /// element, the others held fixed.
    public static func numericalGradient(of f: (Matrix) -> Double, at x: Matrix, step h: Double = 1e-5) -> Matrix {
        var gradient = Matrix(rows: x.rows, columns: x.columns, repeating: 0)
        var probe = x
        for k in 0..<x.count {
            let original = probe.elements[k]
            probe.elements[k] = original + h
            let up = f(probe)
            probe.elements[k] = original - h
            let down = f(probe)
            probe.elements[k] = original
            gradient.elements[k] = (up - down) / (2 * h)
        }
        return gradient
    }

    /// The largest relative error between two gradients of the same shape, element by element.
    public static func maxRelativeError(_ analytic: Matrix, _ numerical: Matrix) -> Double {
        if analytic.shape != numerical.shape {
            fatalError("shape mismatch: cannot compare gradients \(analytic.shape) and \(numerical.shape)")
        }
        return zip(analytic.elements, numerical.elements).map { relativeError($0, $1) }.max() ?? 0
    }

    /// Checks a whole network: backpropagation's gradient of every weight and bias against
    /// central differences of the cost J(inputs, expected). Returns the largest relative error
    /// over all parameters.
    ///
    /// Uses the generic chain of derivatives (no fused output shortcut), so each activation
    /// and the loss are checked on their own merits.
    public static func network(
        _ network: Network, inputs: Matrix, expected: Matrix, loss: some Loss, step h: Double = 1e-5
    ) -> Double {
        let analytic = network.gradients(inputs: inputs, expected: expected, loss: loss, fusedOutput: false).flattened
        let parameters = network.parameters
        var worst = 0.0
        for p in parameters.indices {
            let numerical = numericalGradient(of: { value in
                var probe = network
                var changed = parameters
                changed[p] = value
                probe.parameters = changed
                return probe.cost(inputs: inputs, expected: expected, loss: loss)
            }, at: parameters[p], step: h)
            worst = Swift.max(worst, maxRelativeError(analytic[p], numerical))
        }
        return worst
    }
}
