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
/// The velocities are this value's state: keep using the same `Momentum` across steps. They
/// are created at the first update, one per parameter, in the order given.
public struct Momentum: Optimizer {
    /// The learning rate α, a positive number.
    public let learningRate: Double
    /// The momentum factor β, 0 ≤ β < 1.
    public let momentum: Double
    /// The velocity of each parameter, empty until the first update.
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

    /// v ← β v - α g, then W ← W + v, for every parameter W with gradient g.
    public mutating func update(_ parameters: inout [Matrix], gradients: [Matrix]) {
        checkGradients(parameters, gradients)
        if velocities.isEmpty {
            velocities = parameters.map { Matrix(rows: $0.rows, columns: $0.columns, repeating: 0) }
        }
        if velocities.count != parameters.count || zip(velocities, parameters).contains(where: { $0.shape != $1.shape }) {
            fatalError("momentum was started with other parameters: use a new Momentum for a new network")
        }
        for k in parameters.indices {
            velocities[k] = momentum * velocities[k] - learningRate * gradients[k]
            parameters[k] = parameters[k] + velocities[k]
        }
    }
}
