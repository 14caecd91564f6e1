/// A rule that moves parameters against their gradients, keeping whatever state it needs
/// between steps (momentum keeps a velocity per parameter).
///
/// A conforming type updates one parameter matrix at a time, in place; `index` is the
/// parameter's place in the list of all parameters (for a network: W^[1], b^[1], W^[2],
/// b^[2], ..., see `Network.parameters`), which is how an optimiser with state (momentum's
/// velocity) tells its parameters apart. Each gradient has the shape of its parameter.
public protocol Optimizer: Sendable {
    /// One update step of parameter number `index` from its gradient, in place.
    mutating func update(_ parameter: inout Matrix, gradient: Matrix, index: Int)
}

extension Optimizer {
    /// One update step of every parameter in the list from its gradient (same order).
    public mutating func update(_ parameters: inout [Matrix], gradients: [Matrix]) {
        if parameters.count != gradients.count {
            fatalError("got \(gradients.count) gradients for \(parameters.count) parameters: give one gradient per parameter")
        }
        for k in parameters.indices {
            update(&parameters[k], gradient: gradients[k], index: k)
        }
    }

    /// One update step of every weight and bias of `network` from its layers' gradients
    /// (parameter indices in the order of `Network.parameters`).
    public mutating func update(_ network: inout Network, gradients: [DenseGradients]) {
        if network.layers.count != gradients.count {
            fatalError("got gradients for \(gradients.count) layers but the network has \(network.layers.count)")
        }
        for l in network.layers.indices {
            update(&network.layers[l].weights, gradient: gradients[l].weights, index: 2 * l)
            update(&network.layers[l].bias, gradient: gradients[l].bias, index: 2 * l + 1)
        }
    }

    /// One update step of a single number x from its derivative (a 1-D problem).
    public mutating func update(_ x: inout Double, gradient: Double) {
        var parameters = [Matrix(column: [x])]
        update(&parameters, gradients: [Matrix(column: [gradient])])
        x = parameters[0].elements[0]
    }
}

/// Stops with a message unless the gradient has its parameter's shape.
func checkGradient(_ parameter: Matrix, _ gradient: Matrix, index: Int) {
    if parameter.rows != gradient.rows || parameter.columns != gradient.columns {
        fatalError("shape mismatch: parameter \(index) is \(parameter.shape) but its gradient is \(gradient.shape)")
    }
}

/// Stops with a message unless the learning rate is a positive finite number.
func checkLearningRate(_ learningRate: Double) {
    if !(learningRate > 0 && learningRate.isFinite) {
        fatalError("learning rate must be a positive number, got \(learningRate)")
    }
}
