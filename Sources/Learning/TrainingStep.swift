/// One step of training, forward and backward, computed into storage that lives from step to
/// step: each layer's weighted sums Z and output A, the gradients dA and dZ flowing down, and
/// the parameter gradients dW and db the optimiser reads. The numbers are exactly those of
/// `Network.forward` followed by `Network.parameterGradients(loss:expected:caches:)` (same
/// operations, same order), which is what `train` did before.
///
/// Z, A, dA and dZ of every layer are slices of one array, `storage`, which a step reaches
/// through a pointer: a step of a small network then allocates nothing and counts no
/// references, which for a 2-2-2 network was most of its cost (reading a `Matrix` out of an
/// array while another is written retains and releases its storage). Products are computed
/// by `Matrix.product` on that storage, activations by `StepActivation`.
///
/// Indices are layers, first layer 0: layer l's A is A^[l+1] in the chapters' numbering.
/// For a batch of m columns and n_l units in layer l, layer l's slices are, one after another,
///
///     Z (n_l x m), A (n_l x m), dA (n_l x m), dZ (n_l x m),   starting at 4 m Σ_{j<l} n_j
struct TrainingStep {
    /// Every layer's Z, A, dA and dZ, laid out for `columns` examples as above.
    private var storage: [Double] = [0]
    /// The number of examples the storage is laid out for (-1 before the first step).
    private var columns = -1
    /// n_l, the units of each layer.
    private let units: [Int]
    /// 4 Σ_{j<l} n_j for each layer: its slices start at m times this.
    private let starts: [Int]
    /// Each layer's activation, resolved once, and the activations themselves (for `.other`).
    private let activations: [StepActivation], layerActivations: [any Activation]
    /// The last layer's A as a matrix: the prediction, for the loss.
    private var output = Matrix(rows: 0, columns: 0, elements: [])
    /// dA = ∂J/∂A of the last layer, from the loss (when the output is not fused).
    private var outputGradient = Matrix(rows: 0, columns: 0, elements: [])
    /// dW and db of each layer, first layer first: what the optimiser reads after `backward`.
    private(set) var gradients: [DenseGradients]
    /// Z, A and a gradient of each layer whose activation is `.other`, as matrices.
    private var matrixZ: [Matrix], matrixA: [Matrix], matrixGradient: [Matrix]
    /// Whether the output layer starts from the fused dZ = (A - Y) / m.
    private let fused: Bool
    /// Xᵀ, when the inputs X are the same at every step and the first layer reads them
    /// faster so (`Matrix.readsTransposeFaster`): made once by `keepInputs`.
    private var transposedInputs: Matrix?
    /// Scratch storage for the first layer's weights in that product, and its result.
    private var packing: [Double] = []
    private var keptProduct = Matrix(rows: 0, columns: 0, elements: [])

    /// Which slice of a layer: Z, A, dA or dZ.
    private enum Slice: Int { case z = 0, a, outputGradient, zGradient }

    /// Storage for `network`'s layers (laid out at the first step).
    init(network: Network, loss: some Loss) {
        let empty = Matrix(rows: 0, columns: 0, elements: [])
        let count = network.layers.count
        units = network.layers.map(\.weights.rows)
        var starts: [Int] = [], total = 0
        for n in units {
            starts.append(total)
            total += 4 * n
        }
        self.starts = starts
        layerActivations = network.layers.map(\.activation)
        activations = layerActivations.map(StepActivation.init)
        gradients = Array(repeating: DenseGradients(weightGradient: empty, biasGradient: empty), count: count)
        matrixZ = Array(repeating: empty, count: count)
        matrixA = matrixZ
        matrixGradient = matrixZ
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
        units.isEmpty ? inputs : output
    }

    /// Where `slice` of layer `l` starts in `storage`.
    @inline(__always)
    private func offset(_ l: Int, _ slice: Slice) -> Int {
        columns &* (starts[l] &+ slice.rawValue &* units[l])
    }

    /// Z = W A_prev + b, A = g(Z), layer after layer, as `Network.forward` computes them.
    mutating func forward(_ network: Network, inputs: Matrix) {
        let layers = network.layers
        if layers.count != units.count {
            fatalError("the network has \(layers.count) layers but its training step was made for \(units.count)")
        }
        let m = inputs.columns
        if m != columns {
            columns = m
            let size = Swift.max(1, 4 &* m &* (units.reduce(0, +)))
            if storage.count < size { storage = [Double](repeating: 0, count: size) }
        }
        for l in layers.indices {
            let n = units[l], k = l == 0 ? inputs.rows : units[l - 1]
            checkLayer(l, weights: layers[l].weights.shape, bias: layers[l].bias.shape,
                       inputRows: k, inputShape: l == 0 ? inputs.shape : Shape(k, m))
            let z = offset(l, .z), a = offset(l, .a), previous = l > 0 ? offset(l - 1, .a) : 0
            if l == 0, let transposed = transposedInputs {
                Matrix.multiply(layers[l].weights, transposed: transposed, into: &keptProduct, packing: &packing)
                storage.withUnsafeMutableBufferPointer { s in
                    keptProduct.elements.withUnsafeBufferPointer { (s.baseAddress! + z).update(from: $0.baseAddress!, count: n &* m) }
                }
            } else {
                storage.withUnsafeMutableBufferPointer { s in
                    let s = s.baseAddress!
                    layers[l].weights.elements.withUnsafeBufferPointer { w in
                        if l == 0 {
                            inputs.elements.withUnsafeBufferPointer { x in
                                Matrix.product(w.baseAddress, aRow: k, aK: 1, x.baseAddress, bK: m, bColumn: 1, m: n, n: k, p: m, into: s + z)
                            }
                        } else {
                            Matrix.product(w.baseAddress, aRow: k, aK: 1, UnsafePointer(s + previous), bK: m, bColumn: 1,
                                           m: n, n: k, p: m, into: s + z)
                        }
                    }
                }
            }
            storage.withUnsafeMutableBufferPointer { s in
                let zs = s.baseAddress! + z
                layers[l].bias.elements.withUnsafeBufferPointer { b in
                    for i in 0..<n {
                        let bi = b[i]
                        for j in 0..<m { zs[i &* m &+ j] = zs[i &* m &+ j] + bi }
                    }
                }
                if case .other = activations[l] { return }
                activations[l].forward(zs, into: s.baseAddress! + a, count: n &* m)
            }
            if case .other = activations[l] {
                storage.withUnsafeBufferPointer { Self.copy($0.baseAddress! + z, into: &matrixZ[l], rows: n, columns: m) }
                layerActivations[l].forward(matrixZ[l], into: &matrixA[l])
                copyIn(matrixA[l], at: a, rows: n, columns: m, what: "activation output")
            }
        }
        if let top = layers.indices.last {
            let a = offset(top, .a), n = units[top]
            storage.withUnsafeBufferPointer { Self.copy($0.baseAddress! + a, into: &output, rows: n, columns: m) }
        }
    }

    /// Stops with `Dense.forward`'s message unless the layer's weights take an input of
    /// `inputRows` rows, and with `+=`'s unless its bias is a column of a bias per unit.
    private func checkLayer(_ l: Int, weights: Shape, bias: Shape, inputRows: Int, inputShape: Shape) {
        if inputRows != weights.columns {
            fatalError("shape mismatch: layer with weights \(weights) needs input with \(weights.columns) rows, got \(inputShape)")
        }
        if weights.rows != units[l] {
            fatalError("layer \(l) has \(weights.rows) units but its training step was made for \(units[l])")
        }
        if bias != Shape(weights.rows, 1) {
            fatalError("shape mismatch: cannot add \(Shape(weights.rows, columns)) and \(bias)")
        }
    }

    /// The parameter gradients of every layer for the last `forward`, as
    /// `Network.parameterGradients(loss:expected:caches:)` computes them (the data's own
    /// gradient, which nothing updates, is not computed).
    mutating func backward(_ network: Network, inputs: Matrix, expected: Matrix, loss: some Loss) {
        guard let top = units.indices.last else { return }
        let layers = network.layers, m = columns
        if inputs.columns != m {
            fatalError("backward needs the inputs of the last forward pass: \(m) columns, got \(inputs.shape)")
        }
        if fused {
            checkSameShape(predicted: output, expected: expected)
            let a = offset(top, .a), dz = offset(top, .zGradient), count = units[top] &* m, scale = Double(m)
            storage.withUnsafeMutableBufferPointer { s in
                let s = s.baseAddress!
                expected.elements.withUnsafeBufferPointer { y in
                    for k in 0..<count { s[dz &+ k] = (s[a &+ k] - y[k]) / scale }
                }
            }
        } else {
            loss.gradient(predicted: output, expected: expected, into: &outputGradient)
            if outputGradient.shape != output.shape {
                fatalError("shape mismatch: gradient \(outputGradient.shape) must match the layer output \(output.shape)")
            }
            copyIn(outputGradient, at: offset(top, .outputGradient), rows: units[top], columns: m, what: "gradient")
            activationBackward(top)
        }
        for l in stride(from: top, through: 0, by: -1) {
            let n = units[l], k = l == 0 ? inputs.rows : units[l - 1]
            let dz = offset(l, .zGradient)
            let previous = l > 0 ? offset(l - 1, .a) : 0, below = l > 0 ? offset(l - 1, .outputGradient) : 0
            gradients[l].weightGradient.reuse(rows: n, columns: k)
            gradients[l].biasGradient.reuse(rows: n, columns: 1)
            storage.withUnsafeMutableBufferPointer { s in
                let s = s.baseAddress!
                let dZ = UnsafePointer(s + dz)
                gradients[l].weightGradient.elements.withUnsafeMutableBufferPointer { dw in
                    guard let dw = dw.baseAddress else { return }
                    if l == 0 {
                        inputs.elements.withUnsafeBufferPointer { x in
                            Matrix.product(dZ, aRow: m, aK: 1, x.baseAddress, bK: 1, bColumn: m, m: n, n: m, p: k, into: dw)
                        }
                    } else {
                        Matrix.product(dZ, aRow: m, aK: 1, UnsafePointer(s + previous), bK: 1, bColumn: m,
                                       m: n, n: m, p: k, into: dw)
                    }
                }
                gradients[l].biasGradient.elements.withUnsafeMutableBufferPointer { db in
                    for i in 0..<n {
                        var total = 0.0
                        for j in 0..<m { total += dZ[i &* m &+ j] }
                        db[i] = total
                    }
                }
                if l > 0 {
                    layers[l].weights.elements.withUnsafeBufferPointer { w in
                        Matrix.product(w.baseAddress, aRow: 1, aK: k, dZ, bK: m, bColumn: 1, m: k, n: n, p: m,
                                       into: s + below)
                    }
                }
            }
            if l > 0 { activationBackward(l - 1) }
        }
    }

    /// Moves every parameter of `network` against this step's gradients by `optimizer`, on
    /// their storage: the same numbers as `optimizer.update(&network, gradients: gradients)`
    /// (layer l's weights are parameter 2l, its bias 2l + 1).
    mutating func update(_ network: inout Network, by optimizer: inout any StorageOptimizer) {
        if network.layers.count != gradients.count {
            fatalError("got gradients for \(gradients.count) layers but the network has \(network.layers.count)")
        }
        for l in gradients.indices {
            Self.update(&network.layers[l].weights, gradient: &gradients[l].weightGradient, index: 2 &* l, by: &optimizer)
            Self.update(&network.layers[l].bias, gradient: &gradients[l].biasGradient, index: 2 &* l &+ 1, by: &optimizer)
        }
    }

    /// One parameter's update. The gradient is `inout` only to be reached in place (it is not
    /// changed): read as a value, it would be retained and released.
    private static func update(_ parameter: inout Matrix, gradient: inout Matrix, index: Int, by optimizer: inout any StorageOptimizer) {
        checkGradient(parameter, gradient, index: index)
        let shape = parameter.shape
        parameter.elements.withUnsafeMutableBufferPointer { w in
            gradient.elements.withUnsafeMutableBufferPointer { g in
                optimizer.update(w, gradient: UnsafeBufferPointer(g), shape: shape, index: index)
            }
        }
    }

    /// dZ = g'(Z) ⊙ dA of layer `l`, from its dA and A, by its activation.
    private mutating func activationBackward(_ l: Int) {
        let n = units[l], m = columns
        let da = offset(l, .outputGradient), a = offset(l, .a), dz = offset(l, .zGradient)
        if case .other = activations[l] {
            // matrixA[l] still holds this layer's A from the forward pass.
            storage.withUnsafeBufferPointer { Self.copy($0.baseAddress! + da, into: &matrixGradient[l], rows: n, columns: m) }
            layerActivations[l].backward(outputGradient: matrixGradient[l], output: matrixA[l], into: &matrixZ[l])
            copyIn(matrixZ[l], at: dz, rows: n, columns: m, what: "activation gradient")
            return
        }
        storage.withUnsafeMutableBufferPointer { s in
            let s = s.baseAddress!
            activations[l].backward(s + da, output: s + a, into: s + dz, count: n &* m)
        }
    }

    /// The (rows, columns) numbers at `source` into `matrix`.
    private static func copy(_ source: UnsafePointer<Double>, into matrix: inout Matrix, rows: Int, columns: Int) {
        matrix.reuse(rows: rows, columns: columns)
        matrix.elements.withUnsafeMutableBufferPointer { $0.baseAddress?.update(from: source, count: rows &* columns) }
    }

    /// `matrix`, which must have the shape (rows, columns), into `storage` at `start`.
    private mutating func copyIn(_ matrix: Matrix, at start: Int, rows: Int, columns: Int, what: String) {
        if matrix.shape != Shape(rows, columns) {
            fatalError("shape mismatch: the \(what) is \(matrix.shape) but the layer's Z is \(Shape(rows, columns))")
        }
        storage.withUnsafeMutableBufferPointer { s in
            matrix.elements.withUnsafeBufferPointer { $0.baseAddress.map { (s.baseAddress! + start).update(from: $0, count: rows &* columns) } }
        }
    }
}
