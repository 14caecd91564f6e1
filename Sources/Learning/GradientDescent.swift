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

    /// W ← W - α g for every parameter W and its gradient g.
    public mutating func update(_ parameters: inout [Matrix], gradients: [Matrix]) {
        checkGradients(parameters, gradients)
        for k in parameters.indices {
            parameters[k] = parameters[k] - learningRate * gradients[k]
        }
    }
}
