/// Nesterov's accelerated gradient, in the momentum form of Sutskever, Martens, Dahl and
/// Hinton (2013), "On the importance of initialization and momentum in deep learning",
/// equations (3) and (4): the gradient is taken where momentum is about to carry the weights,
/// not where they are,
///
///     v ← β v - α ∇J(w + β v)
///     w ← w + v
///
/// with learning rate α > 0 and momentum factor 0 ≤ β < 1. When the velocity is about to
/// carry w past the bottom, the gradient at the look-ahead point w + β v already points
/// back, so the step brakes one step earlier than `Momentum`'s.
///
/// **What is stored.** An optimiser is given the gradient at the parameters it holds, so this
/// one holds the look-ahead point w̃ = w + β v in place of w (as PyTorch's and Keras's Nesterov
/// options do, following Bengio, Boulanger-Lewandowski and Pascanu 2013). Substituting
/// w̃_t = w_t + β v_t into the two lines above gives the rule this type applies:
///
///     v ← β v - α ∇J(w̃)
///     w̃ ← w̃ + β v - α ∇J(w̃)          (the new v)
///
/// so after every step the parameters are w + β v of the form above, and at the end, when the
/// velocity has died away, they are w. With β = 0 this is exactly `GradientDescent`.
///
/// The velocities are this value's state, one per parameter, created as zeros at the
/// parameter's first update (numbered as in `Network.parameters`).
public struct NesterovMomentum: Optimizer {
    /// The learning rate α, a positive number.
    public var learningRate: Double {
        didSet { checkLearningRate(learningRate) }
    }
    /// The momentum factor β, 0 ≤ β < 1.
    public let momentum: Double
    /// The velocity v of each parameter updated so far, by parameter index; empty until the
    /// first update.
    public private(set) var velocitiesByParameter: [Int: Matrix] = [:]

    /// Nesterov momentum with learning rate α = `learningRate` (> 0) and factor β = `momentum`
    /// in [0, 1).
    public init(learningRate: Double, momentum: Double) {
        checkLearningRate(learningRate)
        if !(momentum >= 0 && momentum < 1) {
            fatalError("momentum must be in [0, 1), got \(momentum)")
        }
        self.learningRate = learningRate
        self.momentum = momentum
    }

    /// The velocity v of parameter `index` (0 for a single number); stops with a message if
    /// that parameter was never updated.
    public func velocity(ofParameter index: Int) -> Matrix {
        guard let v = velocitiesByParameter[index] else {
            fatalError("no velocity for parameter \(index) yet: Nesterov momentum creates it at the parameter's first update")
        }
        return v
    }

    /// v ← β v - α g, then w̃ ← w̃ + β v - α g, in place, with g the gradient at the stored w̃.
    public mutating func update(_ parameter: inout Matrix, gradient: Matrix, index: Int) {
        checkGradient(parameter, gradient, index: index)
        let shape = parameter.shape
        parameter.elements.withUnsafeMutableBufferPointer { w in
            gradient.elements.withUnsafeBufferPointer { g in update(w, gradient: g, shape: shape, index: index) }
        }
    }

    /// v_k ← β v_k - α g_k, then w̃_k ← w̃_k + β v_k - α g_k, for the parameter's numbers w̃
    /// and its gradient's g (`StorageOptimizer`), with v the velocity of parameter `index`.
    mutating func update(_ w: UnsafeMutableBufferPointer<Double>, gradient g: UnsafeBufferPointer<Double>, shape: Shape, index: Int) {
        let alpha = learningRate, beta = momentum
        NesterovMomentum.step(&velocitiesByParameter[index, default: Matrix(rows: shape.rows, columns: shape.columns, repeating: 0)],
                              w, g, shape: shape, index: index, alpha: alpha, beta: beta)
    }

    /// The update with the velocity `velocity`, changed in place where the dictionary keeps it.
    private static func step(_ velocity: inout Matrix, _ w: UnsafeMutableBufferPointer<Double>, _ g: UnsafeBufferPointer<Double>,
                             shape: Shape, index: Int, alpha: Double, beta: Double) {
        checkState(velocity.shape, of: shape, index: index, optimizer: "Nesterov momentum")
        velocity.elements.withUnsafeMutableBufferPointer { v in
            forEachNumber(w.count) { k in
                v[k] = beta * v[k] - alpha * g[k]
                w[k] += beta * v[k] - alpha * g[k]
            }
        }
    }
}

/// Stops with a message when an optimiser's state for parameter `index` has another shape than
/// the parameter: the optimiser was used on a different network.
func checkState(_ state: Matrix?, of parameter: Matrix, index: Int, optimizer: String) {
    if let state, state.shape != parameter.shape {
        fatalError("\(optimizer) has \(state.shape) state for the \(parameter.shape) parameter \(index): use a new optimiser for a new network")
    }
}

/// Stops with the same message when an optimiser's state for parameter `index` has the shape
/// `state` and the parameter another: the optimiser was used on a different network.
func checkState(_ state: Shape, of parameter: Shape, index: Int, optimizer: String) {
    if state != parameter {
        fatalError("\(optimizer) has \(state) state for the \(parameter) parameter \(index): use a new optimiser for a new network")
    }
}
