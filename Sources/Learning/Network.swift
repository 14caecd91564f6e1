/// A feed-forward network: layers applied one after another, so the whole network is one
/// function, A^[L] = g^[L](W^[L] ... g^[1](W^[1] X + b^[1]) ... + b^[L]).
///
/// Layer l's input is A^[l-1], with A^[0] = X (features, m), one example per column.
/// `forward` keeps every layer's cache; `backward` walks the layers in reverse, each turning
/// the gradient of its output into the gradients of its parameters (kept) and of its input
/// (handed down).
public struct Network: Sendable {
    /// The layers, input side first.
    public var layers: [Dense]

    /// A network of the given layers; each layer's inputs must equal the previous one's outputs.
    public init(_ layers: [Dense]) {
        for l in layers.indices.dropFirst() where layers[l].inputCount != layers[l - 1].outputCount {
            fatalError(
                "layer \(l) takes \(layers[l].inputCount) inputs but layer \(l - 1) gives \(layers[l - 1].outputCount) outputs")
        }
        self.layers = layers
    }

    /// A network with layer sizes `sizes` (inputs first), `hidden` activation on every hidden
    /// layer and `output` on the last, parameters drawn from `generator` layer by layer
    /// (weights then bias).
    public init(
        sizes: [Int], hidden: some Activation, output: some Activation,
        weights: Initializer = .small, bias: Initializer = .zeros, generator: inout SplitMix64
    ) {
        if sizes.count < 2 { fatalError("a network needs at least 2 sizes (inputs and outputs), got \(sizes)") }
        var layers: [Dense] = []
        for l in 1..<sizes.count {
            let isLast = l == sizes.count - 1
            let activation: any Activation = isLast ? output : hidden
            layers.append(Dense(inputs: sizes[l - 1], outputs: sizes[l], activation: activation,
                                weights: weights, bias: bias, generator: &generator))
        }
        self.init(layers)
    }

    /// The forward pass: every layer's cache, first layer first; the prediction is the last
    /// cache's `output`.
    public func forward(_ inputs: Matrix) -> [DenseCache] {
        var caches: [DenseCache] = []
        caches.reserveCapacity(layers.count)
        var a = inputs
        for layer in layers {
            let cache = layer.forward(a)
            a = cache.output
            caches.append(cache)
        }
        return caches
    }

    /// The network's output A^[L] for `inputs`, one column per example: layer after layer,
    /// or, for many examples, block of columns by block of columns on all the cores, which
    /// gives the same numbers (Network+ColumnBlocks.swift).
    public func predict(_ inputs: Matrix) -> Matrix {
        predictInColumnBlocks(inputs) ?? layers.reduce(inputs) { a, layer in layer(a) }
    }

    /// The cost J of the predictions on `inputs` against `expected`, as `loss` defines it
    /// (for `MeanSquaredError` the book's J = (1/m) Σ_examples ½ Σ_k (a_k - y_k)²: with the
    /// ½, averaged over examples only). For many examples and the library's element-wise
    /// losses, computed block of columns by block of columns on all the cores, with the same
    /// result (Network+ColumnBlocks.swift).
    public func cost(inputs: Matrix, expected: Matrix, loss: some Loss) -> Double {
        costInColumnBlocks(inputs: inputs, expected: expected, loss: loss)
            ?? loss.cost(predicted: predict(inputs), expected: expected)
    }

    /// The backward pass from the loss, given the caches of `forward`: one `DenseBackward`
    /// per layer, first layer first (so `result[l].weightGradient` is layer l's dW).
    ///
    /// It starts from the loss's ∂J/∂A^[L] against `expected`. With `fusedOutput` (the
    /// default), a sigmoid output with binary cross-entropy, or a softmax output with
    /// cross-entropy, starts instead from the combined derivative dZ^[L] = (A - Y) / m, which
    /// is what the chain of the two gives, but stays exact where a saturated output would make
    /// 1/a blow up. (The softmax case assumes every target column sums to 1, as one-hot labels
    /// do.)
    public func backward(loss: some Loss, expected: Matrix, caches: [DenseCache], fusedOutput: Bool = true) -> [DenseBackward] {
        checkCaches(caches)
        guard let last = caches.last else { return [] }
        return backward(
            zGradient: outputZGradient(last, expected: expected, loss: loss, fusedOutput: fusedOutput), caches: caches)
    }

    /// The backward pass from a given dA^[L] = ∂J/∂A^[L] (`outputGradient`, the shape of the
    /// network's output), for a cost that is not one of the `Loss` types: one `DenseBackward`
    /// per layer, first layer first.
    public func backward(outputGradient: Matrix, caches: [DenseCache]) -> [DenseBackward] {
        checkCaches(caches)
        guard let last = caches.last else { return [] }
        if outputGradient.shape != last.output.shape {
            fatalError("shape mismatch: gradient \(outputGradient.shape) must match the network output \(last.output.shape)")
        }
        let activation = layers[layers.count - 1].activation
        return backward(zGradient: activation.backward(outputGradient: outputGradient, output: last.output), caches: caches)
    }

    /// Walks the layers down from the output layer's dZ^[L].
    private func backward(zGradient: Matrix, caches: [DenseCache]) -> [DenseBackward] {
        var steps: [DenseBackward] = []
        steps.reserveCapacity(layers.count)
        let top = layers.count - 1
        var step = layers[top].backward(zGradient: zGradient, cache: caches[top])
        steps.append(step)
        for l in stride(from: top - 1, through: 0, by: -1) {
            step = layers[l].backward(outputGradient: step.inputGradient, cache: caches[l])
            steps.append(step)
        }
        return steps.reversed()
    }

    /// The parameter gradients (dW, db) of every layer, first layer first, for `inputs`:
    /// a forward pass followed by a backward pass.
    public func gradients(inputs: Matrix, expected: Matrix, loss: some Loss, fusedOutput: Bool = true) -> [DenseGradients] {
        parameterGradients(loss: loss, expected: expected, caches: forward(inputs), fusedOutput: fusedOutput)
    }

    /// The parameter gradients of every layer from the loss and the caches of `forward`,
    /// first layer first: the same numbers as `backward(loss:expected:caches:)` gives as
    /// `parameterGradients`, but the first layer's input gradient (of the data, which nothing
    /// updates) is never computed.
    public func parameterGradients(loss: some Loss, expected: Matrix, caches: [DenseCache], fusedOutput: Bool = true) -> [DenseGradients] {
        checkCaches(caches)
        guard let last = caches.last else { return [] }
        let top = layers.count - 1
        var dZ = outputZGradient(last, expected: expected, loss: loss, fusedOutput: fusedOutput)
        var gradients = [DenseGradients](repeating: DenseGradients(weightGradient: dZ, biasGradient: dZ), count: layers.count)
        for l in stride(from: top, through: 0, by: -1) {
            gradients[l] = layers[l].parameterGradients(zGradient: dZ, cache: caches[l])
            if l > 0 {
                let dA = layers[l].inputGradient(zGradient: dZ)
                dZ = layers[l - 1].activation.backward(outputGradient: dA, output: caches[l - 1].output)
            }
        }
        return gradients
    }

    /// Stops with a message unless there is one cache per layer.
    private func checkCaches(_ caches: [DenseCache]) {
        if caches.count != layers.count {
            fatalError("got \(caches.count) caches for \(layers.count) layers: pass the result of forward")
        }
    }

    /// dZ^[L] of the output layer: the fused (A - Y) / m where it applies, otherwise the
    /// activation's backward pass of the loss gradient dA^[L].
    private func outputZGradient(_ last: DenseCache, expected: Matrix, loss: some Loss, fusedOutput: Bool) -> Matrix {
        let activation = layers[layers.count - 1].activation
        if fusedOutput, let dZ = Network.fusedOutputGradient(activation: activation, loss: loss, output: last.output, expected: expected) {
            return dZ
        }
        let dA = loss.gradient(predicted: last.output, expected: expected)
        if dA.shape != last.output.shape {
            fatalError("shape mismatch: gradient \(dA.shape) must match the layer output \(last.output.shape)")
        }
        return activation.backward(outputGradient: dA, output: last.output)
    }

    /// dZ = (A - Y) / m for sigmoid with binary cross-entropy or softmax with cross-entropy;
    /// nil for any other pair.
    static func fusedOutputGradient(activation: any Activation, loss: some Loss, output: Matrix, expected: Matrix) -> Matrix? {
        guard fuses(activation: activation, loss: loss) else { return nil }
        checkSameShape(predicted: output, expected: expected)
        return (output - expected) / Double(output.columns)
    }

    /// Whether the output layer's dZ is the fused (A - Y) / m: sigmoid with binary
    /// cross-entropy, or softmax with cross-entropy.
    static func fuses(activation: any Activation, loss: some Loss) -> Bool {
        (activation is Sigmoid && loss is BinaryCrossEntropy) || (activation is Softmax && loss is CrossEntropy)
    }

    /// Every parameter as a list: W^[1], b^[1], W^[2], b^[2], ...; setting it replaces them
    /// (same order, same shapes).
    public var parameters: [Matrix] {
        get { layers.flatMap { [$0.weights, $0.bias] } }
        set {
            if newValue.count != 2 * layers.count {
                fatalError("expected \(2 * layers.count) parameter matrices (weights and bias per layer), got \(newValue.count)")
            }
            for l in layers.indices {
                let w = newValue[2 * l], b = newValue[2 * l + 1]
                if w.shape != layers[l].weights.shape || b.shape != layers[l].bias.shape {
                    fatalError("shape mismatch: layer \(l) needs weights \(layers[l].weights.shape) and bias \(layers[l].bias.shape), got \(w.shape) and \(b.shape)")
                }
                layers[l].weights = w
                layers[l].bias = b
            }
        }
    }
}

extension Array where Element == DenseGradients {
    /// The gradients as a list in the order of `Network.parameters`: dW^[1], db^[1], dW^[2], ...
    public var flattened: [Matrix] {
        flatMap { [$0.weightGradient, $0.biasGradient] }
    }
}
