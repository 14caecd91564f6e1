/// A rule that moves parameters against their gradients, keeping whatever state it needs
/// between steps (momentum keeps a velocity per parameter).
///
/// A conforming type updates one parameter matrix at a time, in place; `index` is the
/// parameter's place in the list of all parameters (for a network: W^[1], b^[1], W^[2],
/// b^[2], ..., see `Network.parameters`), which is how an optimiser with state (momentum's
/// velocity) tells its parameters apart. Each gradient has the shape of its parameter.
///
/// Callers rarely need the index: `update(&network, gradients:)` numbers the parameters,
/// and `update(&network, gradients:, updating: .weights)` leaves the biases alone.
public protocol Optimizer: Sendable {
    /// One update step of parameter number `index` from its gradient, in place.
    mutating func update(_ parameter: inout Matrix, gradient: Matrix, index: Int)
}

/// Which of each layer's parameters a network update changes: `.weights`, `.biases`, or
/// `.all` (both, the default). The parameters left out keep their values, and an optimiser's
/// state for them (momentum's velocity) is neither created nor changed.
public struct ParameterSelection: OptionSet, Sendable {
    /// The bits of the selection: 1 for the weights, 2 for the biases.
    public let rawValue: Int

    /// A selection from its bits (1: weights, 2: biases).
    public init(rawValue: Int) { self.rawValue = rawValue }

    /// Every layer's weights W^[l].
    public static let weights = ParameterSelection(rawValue: 1)
    /// Every layer's bias b^[l].
    public static let biases = ParameterSelection(rawValue: 2)
    /// Weights and biases.
    public static let all: ParameterSelection = [.weights, .biases]
}

extension Optimizer {
    /// One update step of every parameter in the list from its gradient (same order).
    public mutating func update(_ parameters: inout [Matrix], gradients: [Matrix]) {
        ParameterUpdates.list(&parameters, gradients: gradients) { update(&$0, gradient: $1, index: $2) }
    }

    /// One update step of the selected parameters of `network` (all of them by default) from
    /// its layers' gradients, as `Network.gradients` or `TrainingHistory.lastGradients` give
    /// them.
    public mutating func update(_ network: inout Network, gradients: [DenseGradients], updating selection: ParameterSelection = .all) {
        ParameterUpdates.network(&network, gradients: gradients, updating: selection) { update(&$0, gradient: $1, index: $2) }
    }

    /// One update step of a single number x from its derivative (a 1-D problem).
    public mutating func update(_ x: inout Double, gradient: Double) {
        ParameterUpdates.scalar(&x, gradient: gradient) { update(&$0, gradient: $1, index: $2) }
    }
}

/// The bookkeeping shared by every optimiser's list, network and scalar updates: checking
/// counts and numbering parameters. `step` is the optimiser's `update(_:gradient:index:)`.
enum ParameterUpdates {
    static func list(_ parameters: inout [Matrix], gradients: [Matrix], step: (inout Matrix, Matrix, Int) -> Void) {
        if parameters.count != gradients.count {
            fatalError("got \(gradients.count) gradients for \(parameters.count) parameters: give one gradient per parameter")
        }
        for k in parameters.indices {
            step(&parameters[k], gradients[k], k)
        }
    }

    /// Layer l's weights are parameter 2l and its bias 2l + 1, as in `Network.parameters`.
    static func network(
        _ network: inout Network, gradients: [DenseGradients], updating selection: ParameterSelection,
        step: (inout Matrix, Matrix, Int) -> Void
    ) {
        if network.layers.count != gradients.count {
            fatalError("got gradients for \(gradients.count) layers but the network has \(network.layers.count)")
        }
        for l in network.layers.indices {
            if selection.contains(.weights) {
                step(&network.layers[l].weights, gradients[l].weightGradient, 2 * l)
            }
            if selection.contains(.biases) {
                step(&network.layers[l].bias, gradients[l].biasGradient, 2 * l + 1)
            }
        }
    }

    static func scalar(_ x: inout Double, gradient: Double, step: (inout Matrix, Matrix, Int) -> Void) {
        var parameter = Matrix(column: [x])
        step(&parameter, Matrix(column: [gradient]), 0)
        x = parameter.elements[0]
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
