/// One step of training, forward and backward, computed into matrices that live from step
/// to step: each layer's weighted sums and output, the gradients flowing down, and the
/// parameter gradients the optimiser reads. A step of a small network then allocates
/// nothing; the numbers are exactly those of `Network.forward` followed by
/// `Network.parameterGradients(loss:expected:caches:)` (same operations, same order), which
/// is what `train` did before.
///
/// Indices are layers, first layer 0: `outputs[l]` is A^[l+1] in the chapters' numbering.
struct TrainingStep {
    /// Z = W A_prev + b of each layer.
    private var weightedSums: [Matrix]
    /// A = g(Z) of each layer; the last is the prediction.
    private var outputs: [Matrix]
    /// dA = ∂J/∂A of each layer's output.
    private var outputGradients: [Matrix]
    /// dZ = ∂J/∂Z of each layer.
    private var zGradients: [Matrix]
    /// dW and db of each layer, first layer first: what the optimiser reads after `backward`.
    private(set) var gradients: [DenseGradients]
    /// Whether the output layer starts from the fused dZ = (A - Y) / m.
    private let fused: Bool
    /// Xᵀ, when the inputs X are the same at every step and the first layer reads them
    /// faster so (`Matrix.readsTransposeFaster`): made once by `keepInputs`.
    private var transposedInputs: Matrix?
    /// Scratch storage for the first layer's weights in that product.
    private var packing: [Double] = []

    /// Empty matrices for `network`'s layers (each gets its storage at the first step).
    init(network: Network, loss: some Loss) {
        let empty = Matrix(rows: 0, columns: 0, elements: [])
        let count = network.layers.count
        weightedSums = Array(repeating: empty, count: count)
        outputs = weightedSums
        outputGradients = weightedSums
        zGradients = weightedSums
        gradients = Array(repeating: DenseGradients(weightGradient: empty, biasGradient: empty), count: count)
        fused = network.layers.last.map { Network.fuses(activation: $0.activation, loss: loss) } ?? false
    }

    /// Tells the step that every `forward` will get these `inputs` (full-batch training):
    /// when the first layer reads them faster transposed, a copy of Xᵀ is made once here.
    mutating func keepInputs(_ inputs: Matrix, network: Network) {
        guard let first = network.layers.first, first.weights.columns == inputs.rows,
              Matrix.readsTransposeFaster(weights: first.weights, input: inputs) else { return }
        transposedInputs = inputs.transposed
    }

    /// The network's output after `forward(_:inputs:)` (the inputs themselves for no layers).
    func prediction(inputs: Matrix) -> Matrix {
        outputs.last ?? inputs
    }

    /// Z = W A_prev + b, A = g(Z), layer after layer, as `Network.forward` computes them.
    mutating func forward(_ network: Network, inputs: Matrix) {
        // The layers are read in place: copying a `Dense` costs a generic copy of its activation.
        for l in network.layers.indices {
            let weights = network.layers[l].weights
            if l == 0, let transposed = transposedInputs {
                checkInput(inputs, weights)
                Matrix.multiply(weights, transposed: transposed, into: &weightedSums[l], packing: &packing)
            } else if l == 0 {
                checkInput(inputs, weights)
                Matrix.multiply(weights, inputs, into: &weightedSums[l])
            } else {
                checkInput(outputs[l - 1], weights)
                Matrix.multiply(weights, outputs[l - 1], into: &weightedSums[l])
            }
            weightedSums[l] += network.layers[l].bias
            network.layers[l].activation.forward(weightedSums[l], into: &outputs[l])
        }
    }

    /// Stops with `Dense.forward`'s message unless `input` has a row per column of `weights`.
    private func checkInput(_ input: Matrix, _ weights: Matrix) {
        if input.rows != weights.columns {
            fatalError("shape mismatch: layer with weights \(weights.shape) needs input with \(weights.columns) rows, got \(input.shape)")
        }
    }

    /// The parameter gradients of every layer for the last `forward`, as
    /// `Network.parameterGradients(loss:expected:caches:)` computes them (the data's own
    /// gradient, which nothing updates, is not computed).
    mutating func backward(_ network: Network, inputs: Matrix, expected: Matrix, loss: some Loss) {
        guard let top = network.layers.indices.last else { return }
        if fused {
            checkSameShape(predicted: outputs[top], expected: expected)
            fusedGradient(output: outputs[top], expected: expected, into: &zGradients[top])
        } else {
            loss.gradient(predicted: outputs[top], expected: expected, into: &outputGradients[top])
            if outputGradients[top].shape != outputs[top].shape {
                fatalError("shape mismatch: gradient \(outputGradients[top].shape) must match the layer output \(outputs[top].shape)")
            }
            network.layers[top].activation.backward(
                outputGradient: outputGradients[top], output: outputs[top], into: &zGradients[top])
        }
        for l in stride(from: top, through: 0, by: -1) {
            if l == 0 {
                zGradients[l].timesTransposed(inputs, into: &gradients[l].weightGradient)
            } else {
                zGradients[l].timesTransposed(outputs[l - 1], into: &gradients[l].weightGradient)
            }
            zGradients[l].rowSums(into: &gradients[l].biasGradient)
            if l > 0 {
                network.layers[l].weights.transposedTimes(zGradients[l], into: &outputGradients[l - 1])
                network.layers[l - 1].activation.backward(
                    outputGradient: outputGradients[l - 1], output: outputs[l - 1], into: &zGradients[l - 1])
            }
        }
    }

    /// dZ = (A - Y) / m into `zGradient`, as `(output - expected) / Double(output.columns)`.
    private func fusedGradient(output: Matrix, expected: Matrix, into zGradient: inout Matrix) {
        zGradient.reuse(rows: output.rows, columns: output.columns)
        let m = Double(output.columns)
        output.elements.withUnsafeBufferPointer { a in
            expected.elements.withUnsafeBufferPointer { y in
                zGradient.elements.withUnsafeMutableBufferPointer { dz in
                    for k in 0..<dz.count { dz[k] = (a[k] - y[k]) / m }
                }
            }
        }
    }
}
