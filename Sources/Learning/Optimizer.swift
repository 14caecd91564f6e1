/// A rule that moves parameters against their gradients, keeping whatever state it needs
/// between steps (momentum keeps a velocity per parameter).
///
/// Parameters and gradients are lists of matrices in the same order (for a network:
/// W^[1], b^[1], W^[2], b^[2], ..., see `Network.parameters`); each gradient has the shape
/// of its parameter.
public protocol Optimizer: Sendable {
    /// One update step of every parameter from its gradient.
    mutating func update(_ parameters: inout [Matrix], gradients: [Matrix])
}

extension Optimizer {
    /// One update step of every weight and bias of `network` from its layers' gradients.
    public mutating func update(_ network: inout Network, gradients: [DenseGradients]) {
        var parameters = network.parameters
        update(&parameters, gradients: gradients.flattened)
        network.parameters = parameters
    }

    /// One update step of a single number x from its derivative (a 1-D problem).
    public mutating func update(_ x: inout Double, gradient: Double) {
        var parameters = [Matrix(column: [x])]
        update(&parameters, gradients: [Matrix(column: [gradient])])
        x = parameters[0].elements[0]
    }
}

/// Stops with a message unless every gradient matches its parameter's shape.
func checkGradients(_ parameters: [Matrix], _ gradients: [Matrix]) {
    if parameters.count != gradients.count {
        fatalError("got \(gradients.count) gradients for \(parameters.count) parameters: give one gradient per parameter")
    }
    for k in parameters.indices where parameters[k].shape != gradients[k].shape {
        fatalError("shape mismatch: parameter \(k) is \(parameters[k].shape) but its gradient is \(gradients[k].shape)")
    }
}

/// Stops with a message unless the learning rate is a positive finite number.
func checkLearningRate(_ learningRate: Double) {
    if !(learningRate > 0 && learningRate.isFinite) {
        fatalError("learning rate must be a positive number, got \(learningRate)")
    }
}
