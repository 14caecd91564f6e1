/// A fully connected layer: every output unit sees every input.
///
/// Forward, for a batch X = A_prev of shape (inputs, m), one example per column:
///
///     Z = W A_prev + b        W: (outputs, inputs), b: (outputs, 1), Z: (outputs, m)
///     A = g(Z)
///
/// Backward, given dA = ∂J/∂A from the layer above (or from the loss):
///
///     dZ      = g'(Z) ⊙ dA               (the activation's `backward`)
///     dW      = dZ A_prevᵀ               stored: the gradient of the parameters
///     db      = Σ_examples dZ            stored (row sums, shape (outputs, 1))
///     dA_prev = Wᵀ dZ                    propagated: the gradient of the input
///
/// Where the 1/m lives: the loss's gradient is the derivative of the **cost**, the mean over
/// examples, so dA and dZ already carry 1/m; hence dW = dZ A_prevᵀ and db = Σ dZ with no
/// extra division. In the chapters' notation, where dZ means the per-example derivative
/// without 1/m, the same numbers read dW = (1/m) dZ A_prevᵀ and db = (1/m) Σ dZ.
public struct Dense: Sendable {
    /// The weights W, shape (outputs, inputs): row i holds the weights into output unit i.
    public var weights: Matrix
    /// The bias b, shape (outputs, 1), added to every column of W A_prev.
    public var bias: Matrix
    /// The activation g applied to Z.
    public var activation: any Activation

    /// A layer from given weights (outputs, inputs) and bias (outputs, 1).
    public init(weights: Matrix, bias: Matrix, activation: some Activation) {
        if bias.columns != 1 || bias.rows != weights.rows {
            fatalError("shape mismatch: bias \(bias.shape) must be (\(weights.rows), 1) for weights \(weights.shape)")
        }
        self.weights = weights
        self.bias = bias
        self.activation = activation
    }

    /// A layer from `inputs` to `outputs` units, weights drawn by `weights` (default small
    /// random, 0.01 x N(0, 1)) and biases by `bias` (default zeros), from `generator`.
    public init(
        inputs: Int, outputs: Int, activation: some Activation,
        weights: Initializer = .small, bias: Initializer = .zeros,
        generator: inout SplitMix64
    ) {
        self.init(
            weights: weights.matrix(rows: outputs, columns: inputs, generator: &generator),
            bias: bias.matrix(rows: outputs, columns: 1, generator: &generator),
            activation: activation)
    }

    /// The number of inputs (columns of W).
    public var inputCount: Int { weights.columns }
    /// The number of output units (rows of W).
    public var outputCount: Int { weights.rows }

    /// Z = W A_prev + b and A = g(Z), keeping everything `backward` needs.
    public func forward(_ input: Matrix) -> DenseCache {
        if input.rows != weights.columns {
            fatalError("shape mismatch: layer with weights \(weights.shape) needs input with \(weights.columns) rows, got \(input.shape)")
        }
        var z = weights * input
        z += bias
        return DenseCache(input: input, z: z, output: activation.forward(z))
    }

    /// The output A = g(W A_prev + b) alone, for prediction.
    public func callAsFunction(_ input: Matrix) -> Matrix {
        forward(input).output
    }

    /// The backward pass from dA = ∂J/∂A (`outputGradient`): first dZ = g'(Z) ⊙ dA, then as
    /// `backward(zGradient:cache:)`.
    public func backward(outputGradient: Matrix, cache: DenseCache) -> DenseBackward {
        if outputGradient.shape != cache.output.shape {
            fatalError("shape mismatch: gradient \(outputGradient.shape) must match the layer output \(cache.output.shape)")
        }
        return backward(zGradient: activation.backward(outputGradient: outputGradient, output: cache.output), cache: cache)
    }

    /// The backward pass from dZ = ∂J/∂Z: dW = dZ A_prevᵀ, db = Σ_examples dZ, dA_prev = Wᵀ dZ.
    public func backward(zGradient dZ: Matrix, cache: DenseCache) -> DenseBackward {
        DenseBackward(zGradient: dZ, parameterGradients: parameterGradients(zGradient: dZ, cache: cache),
                      inputGradient: inputGradient(zGradient: dZ))
    }

    /// The stored half of the backward pass: dW = dZ A_prevᵀ and db = Σ_examples dZ (row sums).
    public func parameterGradients(zGradient dZ: Matrix, cache: DenseCache) -> DenseGradients {
        if dZ.shape != cache.z.shape {
            fatalError("shape mismatch: gradient \(dZ.shape) must match Z \(cache.z.shape)")
        }
        return DenseGradients(weightGradient: dZ.timesTransposed(cache.input), biasGradient: dZ.rowSums())
    }

    /// The propagated half of the backward pass: dA_prev = Wᵀ dZ, shape (inputs, m).
    public func inputGradient(zGradient dZ: Matrix) -> Matrix {
        if dZ.rows != weights.rows {
            fatalError("shape mismatch: gradient \(dZ.shape) needs \(weights.rows) rows for weights \(weights.shape)")
        }
        return weights.transposedTimes(dZ)
    }
}

/// What a layer's forward pass keeps for its backward pass.
public struct DenseCache: Sendable {
    /// The layer's input A_prev, (inputs, m).
    public var input: Matrix
    /// The weighted sums Z = W A_prev + b, (outputs, m).
    public var z: Matrix
    /// The activations A = g(Z), (outputs, m).
    public var output: Matrix

    /// A cache from its three matrices.
    public init(input: Matrix, z: Matrix, output: Matrix) {
        self.input = input
        self.z = z
        self.output = output
    }
}

/// The derivatives of the cost with respect to a layer's **parameters**: stored, and used by
/// the optimiser to update the layer. Same shapes as the weights and the bias.
public struct DenseGradients: Equatable, Sendable {
    /// dW = ∂J/∂W, shape (outputs, inputs): the gradient of the weights, not the weights.
    public var weightGradient: Matrix
    /// db = ∂J/∂b, shape (outputs, 1): the gradient of the bias, not the bias.
    public var biasGradient: Matrix

    /// Gradients from dW and db.
    public init(weightGradient: Matrix, biasGradient: Matrix) {
        self.weightGradient = weightGradient
        self.biasGradient = biasGradient
    }
}

/// Everything one layer's backward pass produces: the parameter gradients it keeps and the
/// input gradient it hands to the layer below. Every field is a gradient of the cost J:
///
///     zGradient      dZ      = ∂J/∂Z        (outputs, m)   δ in the chapters
///     weightGradient dW      = ∂J/∂W        (outputs, inputs)   stored
///     biasGradient   db      = ∂J/∂b        (outputs, 1)   stored
///     inputGradient  dA_prev = ∂J/∂A_prev   (inputs, m)    propagated to the layer below
public struct DenseBackward: Sendable {
    /// dZ = ∂J/∂Z, shape (outputs, m).
    public var zGradient: Matrix
    /// dW and db together, as the optimiser takes them.
    public var parameterGradients: DenseGradients
    /// dA_prev = ∂J/∂A_prev = Wᵀ dZ, shape (inputs, m): propagated to the layer below.
    public var inputGradient: Matrix

    /// A backward pass's results from dZ, the parameter gradients and dA_prev.
    public init(zGradient: Matrix, parameterGradients: DenseGradients, inputGradient: Matrix) {
        self.zGradient = zGradient
        self.parameterGradients = parameterGradients
        self.inputGradient = inputGradient
    }

    /// dW = ∂J/∂W = dZ A_prevᵀ, shape (outputs, inputs): stored, for the update.
    public var weightGradient: Matrix { parameterGradients.weightGradient }
    /// db = ∂J/∂b = Σ_examples dZ, shape (outputs, 1): stored, for the update.
    public var biasGradient: Matrix { parameterGradients.biasGradient }
}
