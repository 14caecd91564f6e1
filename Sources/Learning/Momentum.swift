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
/// **Sign convention.** This v is the step itself, already scaled by -α: the form of
/// Sutskever et al. (2013) and of Goodfellow, Bengio and Courville's *Deep Learning*
/// (algorithm 8.2). Many texts and PyTorch's `SGD` keep instead a velocity u of summed
/// gradients and subtract it:
///
///     u ← β u + ∂J/∂W,   W ← W - α u        then v = -α u   (u = -v / α)
///
/// and the two give the same weights at every step (for a fixed α). The exponential-average
/// form u ← β u + (1 - β) ∂J/∂W, W ← W - α u is this one with learning rate α (1 - β).
///
/// The velocities are this value's state: keep using the same `Momentum` across steps. Each
/// is created, as zeros, at the first update of its parameter (parameters are numbered in
/// the order of `Network.parameters`; one left out of an update gets no velocity).
public struct Momentum: Optimizer {
    /// The learning rate α, a positive number (a `Scheduled` optimiser changes it between steps).
    public var learningRate: Double {
        didSet { checkLearningRate(learningRate) }
    }
    /// The momentum factor β, 0 ≤ β < 1.
    public let momentum: Double
    /// The velocity v of each parameter updated so far, by parameter index (for a network,
    /// layer l's weights are 2l and its bias 2l + 1); empty until the first update.
    /// (Chapters written before December 2026 read `velocities[i]`, an array: see
    /// `Renamed.swift`.)
    public private(set) var velocitiesByParameter: [Int: Matrix] = [:]

    /// Momentum with learning rate α = `learningRate` (> 0) and factor β = `momentum` in [0, 1).
    public init(learningRate: Double, momentum: Double) {
        checkLearningRate(learningRate)
        if !(momentum >= 0 && momentum < 1) {
            fatalError("momentum must be in [0, 1), got \(momentum)")
        }
        self.learningRate = learningRate
        self.momentum = momentum
    }

    /// The velocity v of parameter `index` (0 for a single number updated with
    /// `update(_:gradient:)`); stops with a message if that parameter was never updated.
    public func velocity(ofParameter index: Int) -> Matrix {
        guard let v = velocitiesByParameter[index] else {
            fatalError("no velocity for parameter \(index) yet: momentum creates it at the parameter's first update")
        }
        return v
    }

    /// v ← β v - α g, then W ← W + v, in place, with v the velocity of parameter `index`.
    public mutating func update(_ parameter: inout Matrix, gradient: Matrix, index: Int) {
        checkGradient(parameter, gradient, index: index)
        let shape = parameter.shape
        parameter.elements.withUnsafeMutableBufferPointer { w in
            gradient.elements.withUnsafeBufferPointer { g in update(w, gradient: g, shape: shape, index: index) }
        }
    }

    /// v_k ← β v_k - α g_k, then w_k ← w_k + v_k, for the parameter's numbers w and its
    /// gradient's g (`StorageOptimizer`), with v the velocity of parameter `index`.
    mutating func update(_ w: UnsafeMutableBufferPointer<Double>, gradient g: UnsafeBufferPointer<Double>, shape: Shape, index: Int) {
        let alpha = learningRate, beta = momentum
        Momentum.step(&velocitiesByParameter[index, default: Matrix(rows: shape.rows, columns: shape.columns, repeating: 0)],
                      w, g, shape: shape, index: index, alpha: alpha, beta: beta)
    }

    /// The update with the velocity `velocity`, changed in place where the dictionary keeps it.
    private static func step(_ velocity: inout Matrix, _ w: UnsafeMutableBufferPointer<Double>, _ g: UnsafeBufferPointer<Double>,
                             shape: Shape, index: Int, alpha: Double, beta: Double) {
        if velocity.shape != shape {
            fatalError("momentum has a \(velocity.shape) velocity for the \(shape) parameter \(index): use a new Momentum for a new network")
        }
        velocity.elements.withUnsafeMutableBufferPointer { v in
            forEachNumber(w.count) { k in
                v[k] = beta * v[k] - alpha * g[k]
                w[k] += v[k]
            }
        }
    }
}
