/// Plain gradient descent: step every parameter against its gradient,
///
///     W ← W - α ∂J/∂W
///
/// with learning rate α > 0. The negative gradient is the direction in which the cost falls
/// fastest; α sets how far to go. Keeps no state.
public struct GradientDescent: Optimizer {
    /// The learning rate α, a positive number.
    public let learningRate: Double

    /// Gradient descent with learning rate α = `learningRate` (must be > 0).
    public init(learningRate: Double) {
        checkLearningRate(learningRate)
        self.learningRate = learningRate
    }

    /// W ← W - α g, in place.
    public mutating func update(_ parameter: inout Matrix, gradient: Matrix, index: Int) {
        checkGradient(parameter, gradient, index: index)
        let alpha = learningRate
        parameter.elements.withUnsafeMutableBufferPointer { w in
            gradient.elements.withUnsafeBufferPointer { g in
                for k in 0..<w.count { w[k] -= alpha * g[k] }
            }
        }
    }
}
