/// A penalty on the weights, added to the cost to keep the weights small:
///
///     J_total = J + Σ_l Ω(W^[l])
///
/// Only the weights are penalised, never the biases (a bias shifts a unit but does not make
/// its output more sensitive to the input; Nielsen's *Neural Networks and Deep Learning*,
/// chapter 3, does the same). A penalty knows its value Ω(W) for one weight matrix and its
/// gradient ∂Ω/∂W, which training adds to the loss's dW:
///
///     dW_total = dW + ∂Ω/∂W,    db_total = db
///
/// `L2Penalty` (weight decay) and `L1Penalty` conform. Their strength λ is not divided by the
/// number of examples m: Nielsen writes (λ/2n) Σ w², so his λ is this λ times n.
public protocol Penalty: Sendable {
    /// Ω(W): the penalty of one weight matrix.
    func cost(weights: Matrix) -> Double
    /// ∂Ω/∂W: the penalty's gradient, the shape of the weights.
    func gradient(weights: Matrix) -> Matrix
}

extension Network {
    /// Σ_l Ω(W^[l]): the penalty of every layer's weights (biases are not penalised).
    public func penaltyCost(_ penalty: some Penalty) -> Double {
        layers.reduce(0) { $0 + penalty.cost(weights: $1.weights) }
    }

    /// J + Σ_l Ω(W^[l]): the cost of the predictions on `inputs` plus the weights' penalty.
    public func cost(inputs: Matrix, expected: Matrix, loss: some Loss, penalty: some Penalty) -> Double {
        cost(inputs: inputs, expected: expected, loss: loss) + penaltyCost(penalty)
    }

    /// The gradients of J + Σ_l Ω(W^[l]), first layer first: backpropagation's dW plus ∂Ω/∂W
    /// for every weight matrix; the bias gradients are the loss's alone.
    public func gradients(inputs: Matrix, expected: Matrix, loss: some Loss, penalty: some Penalty) -> [DenseGradients] {
        var result = gradients(inputs: inputs, expected: expected, loss: loss)
        for l in layers.indices {
            result[l].weightGradient += penalty.gradient(weights: layers[l].weights)
        }
        return result
    }

    /// Full-batch training on J + Σ_l Ω(W^[l]): `iterations` updates of `optimizer` from
    /// `gradients(inputs:expected:loss:penalty:)`. With `GradientDescent` and an `L2Penalty`
    /// each step is W ← (1 - αλ) W - α dW: the weights decay by the factor 1 - αλ on top of
    /// the usual step.
    ///
    /// - Returns: the penalised cost before training and after each update
    ///   (`costs.count == updates + 1`) and the last update's gradients, penalty included.
    /// - Throws: `TrainingError` naming the iteration when the cost becomes NaN or infinite.
    @discardableResult
    public mutating func train(
        inputs: Matrix, expected: Matrix, loss: some Loss, penalty: some Penalty,
        optimizer: some Optimizer, iterations: Int
    ) throws -> TrainingHistory {
        if iterations < 0 { fatalError("iterations must be 0 or more, got \(iterations)") }
        var optimizer = optimizer
        var history = TrainingHistory(costs: [], updates: 0, updatesPerEpoch: nil, reachedTarget: false, lastGradients: nil)
        while true {
            let cost = cost(inputs: inputs, expected: expected, loss: loss, penalty: penalty)
            history.costs.append(cost)
            if !cost.isFinite { throw TrainingError(iteration: history.updates, cost: cost) }
            if history.updates == iterations { return history }
            let step = gradients(inputs: inputs, expected: expected, loss: loss, penalty: penalty)
            optimizer.update(&self, gradients: step)
            history.lastGradients = step
            history.updates += 1
        }
    }
}

/// Stops with a message unless the penalty's strength λ is a finite number ≥ 0.
func checkStrength(_ strength: Double) {
    if !(strength >= 0 && strength.isFinite) {
        fatalError("penalty strength λ must be a finite number ≥ 0, got \(strength)")
    }
}
