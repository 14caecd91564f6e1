/// Plain gradient descent: step every parameter against its gradient,
///
///     W ← W - α ∂J/∂W
///
/// with learning rate α > 0. The negative gradient is the direction in which the cost falls
/// fastest; α sets how far to go.
///
/// Keeps no state, so a `let` will do: every update method here is non-mutating.
///
///     let descent = GradientDescent(learningRate: 0.1)
///     descent.update(&network, gradients: network.gradients(inputs: x, expected: y, loss: loss))
public struct GradientDescent: Optimizer {
    /// The learning rate α, a positive number (a `Scheduled` optimiser changes it between steps).
    public var learningRate: Double {
        didSet { checkLearningRate(learningRate) }
    }

    /// Gradient descent with learning rate α = `learningRate` (must be > 0).
    public init(learningRate: Double) {
        checkLearningRate(learningRate)
        self.learningRate = learningRate
    }

    /// W ← W - α g, in place.
    public func update(_ parameter: inout Matrix, gradient: Matrix, index: Int) {
        checkGradient(parameter, gradient, index: index)
        let shape = parameter.shape
        parameter.elements.withUnsafeMutableBufferPointer { w in
            gradient.elements.withUnsafeBufferPointer { g in update(w, gradient: g, shape: shape, index: index) }
        }
    }

    /// w_k ← w_k - α g_k for the parameter's numbers w and its gradient's g (`StorageOptimizer`).
    func update(_ w: UnsafeMutableBufferPointer<Double>, gradient g: UnsafeBufferPointer<Double>, shape: Shape, index: Int) {
        let alpha = learningRate
        forEachNumber(w.count) { k in w[k] -= alpha * g[k] }
    }

    /// W ← W - α g for every parameter in the list (same order as the gradients).
    public func update(_ parameters: inout [Matrix], gradients: [Matrix]) {
        ParameterUpdates.list(&parameters, gradients: gradients) { update(&$0, gradient: $1, index: $2) }
    }

    /// W ← W - α dW and b ← b - α db for the selected parameters of every layer (all by default).
    public func update(_ network: inout Network, gradients: [DenseGradients], updating selection: ParameterSelection = .all) {
        ParameterUpdates.network(&network, gradients: gradients, updating: selection) { update(&$0, gradient: $1, index: $2) }
    }

    /// x ← x - α f'(x) for a single number.
    public func update(_ x: inout Double, gradient: Double) {
        ParameterUpdates.scalar(&x, gradient: gradient) { update(&$0, gradient: $1, index: $2) }
    }
}
