/// Gradient descent with momentum: each parameter keeps a velocity v (starting at 0) that
/// accumulates past steps,
///
///     v ← β v - α ∂J/∂W
///     W ← W + v
///
/// with learning rate α > 0 and momentum factor 0 ≤ β < 1. Steps that agree add up; steps
/// that flip sign cancel, which smooths a zig-zagging path. With β = 0, v = -α ∂J/∂W and this
/// is exactly `GradientDescent`.
///
/// The velocities are this value's state: keep using the same `Momentum` across steps. Each
/// is created, as zeros, at the first update of its parameter (parameters are numbered in
/// the order of `Network.parameters`).
public struct Momentum: Optimizer {
    /// The learning rate α, a positive number.
    public let learningRate: Double
    /// The momentum factor β, 0 ≤ β < 1.
    public let momentum: Double
    /// The velocity of each parameter, by parameter index; empty until the first update.
    public private(set) var velocities: [Matrix] = []

    /// Momentum with learning rate α = `learningRate` (> 0) and factor β = `momentum` in [0, 1).
    public init(learningRate: Double, momentum: Double) {
        checkLearningRate(learningRate)
        if !(momentum >= 0 && momentum < 1) {
            fatalError("momentum must be in [0, 1), got \(momentum)")
        }
        self.learningRate = learningRate
        self.momentum = momentum
    }

    /// v ← β v - α g, then W ← W + v, in place, with v the velocity of parameter `index`.
    public mutating func update(_ parameter: inout Matrix, gradient: Matrix, index: Int) {
        checkGradient(parameter, gradient, index: index)
        if index == velocities.count {
            velocities.append(Matrix(rows: parameter.rows, columns: parameter.columns, repeating: 0))
        }
        if index > velocities.count || velocities[index].shape != parameter.shape {
            fatalError("momentum has no velocity for a \(parameter.shape) parameter \(index): use a new Momentum for a new network")
        }
        let alpha = learningRate, beta = momentum
        velocities[index].elements.withUnsafeMutableBufferPointer { v in
            parameter.elements.withUnsafeMutableBufferPointer { w in
                gradient.elements.withUnsafeBufferPointer { g in
                    for k in 0..<w.count {
                        v[k] = beta * v[k] - alpha * g[k]
                        w[k] += v[k]
                    }
                }
            }
        }
    }
}
