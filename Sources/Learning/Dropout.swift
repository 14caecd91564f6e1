/// Dropout (Srivastava, Hinton, Krizhevsky, Sutskever and Salakhutdinov, 2014) with inverted
/// scaling: while training, every hidden activation is dropped (set to 0) with probability
/// p, the rate, and the ones kept are divided by 1 - p:
///
///     mask_ij = 1 / (1 - p)   with probability 1 - p
///             = 0             with probability p
///     Ã = A ⊙ mask            (the next layer sees Ã instead of A)
///
/// The division keeps every activation's expected value: E[ã] = (1 - p) · a / (1 - p) + p · 0 = a.
/// So prediction uses the trained network as it is, with nothing dropped and nothing rescaled
/// (the original paper instead multiplied the weights by 1 - p after training). Only hidden
/// layers are masked: neither the inputs nor the output.
///
/// Backward, the mask is a constant factor: ∂Ã/∂A = mask, so dA = dÃ ⊙ mask, and a dropped
/// unit passes no gradient back. Every mask is drawn from a seeded `SplitMix64`, one fresh set
/// per training step.
public struct Dropout: Sendable {
    /// The rate p: the probability that a unit is dropped, in [0, 1).
    public let rate: Double

    /// Dropout with rate p = `rate`, 0 ≤ p < 1 (0 keeps every unit; 1 would keep none).
    public init(rate: Double) {
        if !(rate >= 0 && rate < 1) {
            fatalError("dropout rate must be in [0, 1), got \(rate)")
        }
        self.rate = rate
    }

    /// The factor a kept unit is multiplied by, 1 / (1 - p).
    public var keptScale: Double { 1 / (1 - rate) }

    /// One mask: each entry 1 / (1 - p) when a uniform draw u in [0, 1) is at least p (so with
    /// probability 1 - p), otherwise 0; drawn row by row, one draw per entry.
    public func mask(rows: Int, columns: Int, generator: inout SplitMix64) -> Matrix {
        let p = rate, scale = keptScale
        let entries = (0..<rows * columns).map { _ in generator.uniform() >= p ? scale : 0 }
        return Matrix(rows: rows, columns: columns, elements: entries)
    }

    /// A mask for every hidden layer of `network` (all layers but the last), for a batch of
    /// `examples` columns, first hidden layer first.
    public func masks(for network: Network, examples: Int, generator: inout SplitMix64) -> [Matrix] {
        network.layers.dropLast().map { mask(rows: $0.outputCount, columns: examples, generator: &generator) }
    }
}

extension Network {
    /// The forward pass with hidden layer l's output multiplied by `masks[l]` before the next
    /// layer sees it. Cache l keeps its layer's unmasked output A^[l] (what g'(Z) is computed
    /// from); cache l + 1's input is the masked Ã^[l].
    public func forward(_ inputs: Matrix, masks: [Matrix]) -> [DenseCache] {
        checkMasks(masks, examples: inputs.columns)
        var caches: [DenseCache] = []
        var a = inputs
        for l in layers.indices {
            let cache = layers[l].forward(a)
            a = l < masks.count ? cache.output .* masks[l] : cache.output
            caches.append(cache)
        }
        return caches
    }

    /// The cost of the network with the hidden layers masked by `masks`.
    public func cost(inputs: Matrix, expected: Matrix, loss: some Loss, masks: [Matrix]) -> Double {
        loss.cost(predicted: forward(inputs, masks: masks).last!.output, expected: expected)
    }

    /// The parameter gradients of the cost with the hidden layers masked by `masks`, first layer
    /// first: the usual backward pass, with dA^[l] = (W^[l+1]ᵀ dZ^[l+1]) ⊙ masks[l] at each
    /// hidden layer. The output layer starts from the fused (A - Y) / m where it applies
    /// (sigmoid with binary cross-entropy, softmax with cross-entropy), as `gradients` does.
    public func gradients(inputs: Matrix, expected: Matrix, loss: some Loss, masks: [Matrix]) -> [DenseGradients] {
        let caches = forward(inputs, masks: masks)
        let top = layers.count - 1
        let output = caches[top].output
        var dZ: Matrix
        if let fused = Network.fusedOutputGradient(activation: layers[top].activation, loss: loss, output: output, expected: expected) {
            dZ = fused
        } else {
            dZ = layers[top].activation.backward(outputGradient: loss.gradient(predicted: output, expected: expected), output: output)
        }
        var result: [DenseGradients] = []
        for l in stride(from: top, through: 0, by: -1) {
            result.append(layers[l].parameterGradients(zGradient: dZ, cache: caches[l]))
            if l > 0 {
                let dA = layers[l].inputGradient(zGradient: dZ) .* masks[l - 1]
                dZ = layers[l - 1].activation.backward(outputGradient: dA, output: caches[l - 1].output)
            }
        }
        return result.reversed()
    }

    /// Full-batch training with dropout: each of the `iterations` updates draws fresh masks
    /// from `generator`, computes `gradients(inputs:expected:loss:masks:)` and lets `optimizer`
    /// step. The costs recorded are those of the network as it predicts, nothing dropped.
    ///
    /// - Returns: the cost before training and after each update (`costs.count == updates + 1`)
    ///   and the last update's gradients.
    /// - Throws: `TrainingError` naming the iteration when the cost becomes NaN or infinite.
    @discardableResult
    public mutating func train(
        inputs: Matrix, expected: Matrix, loss: some Loss, dropout: Dropout,
        optimizer: some Optimizer, iterations: Int, generator: inout SplitMix64
    ) throws -> TrainingHistory {
        if iterations < 0 { fatalError("iterations must be 0 or more, got \(iterations)") }
        var optimizer = optimizer
        var history = TrainingHistory(costs: [], updates: 0, updatesPerEpoch: nil, reachedTarget: false, lastGradients: nil)
        while true {
            let cost = cost(inputs: inputs, expected: expected, loss: loss)
            history.costs.append(cost)
            if !cost.isFinite { throw TrainingError(iteration: history.updates, cost: cost) }
            if history.updates == iterations { return history }
            let masks = dropout.masks(for: self, examples: inputs.columns, generator: &generator)
            let step = gradients(inputs: inputs, expected: expected, loss: loss, masks: masks)
            optimizer.update(&self, gradients: step)
            history.lastGradients = step
            history.updates += 1
        }
    }

    /// Stops with a message unless there is one mask per hidden layer, each (units, examples).
    private func checkMasks(_ masks: [Matrix], examples: Int) {
        if masks.count != layers.count - 1 {
            fatalError("got \(masks.count) dropout masks for \(layers.count - 1) hidden layers: give one per hidden layer")
        }
        for l in masks.indices where masks[l].shape != Shape(layers[l].outputCount, examples) {
            fatalError("shape mismatch: dropout mask \(l) is \(masks[l].shape) but hidden layer \(l) gives \(Shape(layers[l].outputCount, examples))")
        }
    }
}
