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
    /// Each layer's units, where its slices start and its activation: fixed for the run.
    private let plans: [LayerPlan]
    /// The activations themselves, for those that are `.other`.
    private let layerActivations: [any Activation]
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
    /// X in panels, when the inputs X are the same at every step and the first layer reads
    /// them faster so (`Matrix.readsPanelsFaster`): made once by `keepInputs`.
    private var inputPanels: ColumnPanels?
    /// The first layer's weights packed for that product (`Matrix.pack`), and its result.
    private var packing: [Double] = []
    private var keptProduct = Matrix(rows: 0, columns: 0, elements: [])
    /// The learning rate α when the first layer's weights are moved by gradient descent as
    /// their gradient is computed (`FusedDescent`): `backward` then moves them, in the
    /// network and in `packing`, which stays packed from step to step, and `update` leaves
    /// them alone. Nil otherwise: each `forward` packs them anew.
    private var descentRate: Double?
    /// A helper thread for the first layer's two products, kept for the step's life (`Crew`):
    /// made with the panels, when there is a second processor.
    private var crew: Crew?

    /// What the step knows of one layer: no reference inside, so reading it counts none.
    private struct LayerPlan {
        /// n_l, the layer's units.
        let units: Int
        /// 4 Σ_{j<l} n_j: the layer's slices start at m times this.
        let start: Int
        /// The layer's activation, resolved once.
        let activation: StepActivation

        /// Where the layer's Z (`slice` 0), A (1), dA (2) or dZ (3) starts for m examples.
        @inline(__always)
        func offset(_ slice: Int, _ m: Int) -> Int { m &* (start &+ slice &* units) }
    }

    /// Storage for `network`'s layers (laid out at the first step).
    init(network: Network, loss: some Loss) {
        let empty = Matrix(rows: 0, columns: 0, elements: [])
        let count = network.layers.count
        layerActivations = network.layers.map(\.activation)
        var plans: [LayerPlan] = [], total = 0
        for layer in network.layers {
            plans.append(LayerPlan(units: layer.weights.rows, start: total, activation: StepActivation(layer.activation)))
            total += 4 * layer.weights.rows
        }
        self.plans = plans
        gradients = Array(repeating: DenseGradients(weightGradient: empty, biasGradient: empty), count: count)
        matrixZ = Array(repeating: empty, count: count)
        matrixA = matrixZ
        matrixGradient = matrixZ
        fused = network.layers.last.map { Network.fuses(activation: $0.activation, loss: loss) } ?? false
    }

    /// Tells the step that every `forward` will get these `inputs` (full-batch training):
    /// when the first layer reads them faster in panels, that copy of X is made once here.
    /// With `descent`, the optimiser of every `update` to come, the first layer's weights
    /// are then moved as their gradient is computed (see `descentRate`); the network must
    /// be the one every step gets, and nothing else may change its first layer's weights.
    mutating func keepInputs(_ inputs: Matrix, network: Network, descent: GradientDescent? = nil) {
        guard let first = network.layers.first, first.weights.columns == inputs.rows,
              Matrix.readsPanelsFaster(weights: first.weights, input: inputs) else { return }
        inputPanels = ColumnPanels(inputs)
        if BackgroundValue<Double>.processors > 1 { crew = Crew() }
        // Where `backward` computes dW by the kernel (`firstGradient`), as `Matrix.product` does.
        if let descent, Self.kernelComputesGradient(examples: inputs.columns, weights: first.weights.count) {
            descentRate = descent.learningRate
            Matrix.pack(first.weights, into: &packing)
        }
    }

    /// The network's output after `forward(_:inputs:)` (the inputs themselves for no layers).
    func prediction(inputs: Matrix) -> Matrix {
        plans.isEmpty ? inputs : output
    }

    /// The cost J of `prediction(inputs:)` against `expected`, as `loss` defines it.
    func cost(inputs: Matrix, expected: Matrix, loss: some Loss) -> Double {
        // The output is handed to the loss in place; `prediction` would hand over a copy.
        plans.isEmpty ? loss.cost(predicted: inputs, expected: expected) : loss.cost(predicted: output, expected: expected)
    }

    /// Z = W A_prev + b, A = g(Z), layer after layer, as `Network.forward` computes them.
    /// The network is `inout` only so that its weights are reached in place (they are not
    /// changed): read out of the array of layers as values, they would be retained and released.
    mutating func forward(_ network: inout Network, inputs: Matrix) {
        if network.layers.count != plans.count {
            fatalError("the network has \(network.layers.count) layers but its training step was made for \(plans.count)")
        }
        let m = inputs.columns
        if m != columns {
            columns = m
            let size = Swift.max(1, 4 &* m &* plans.reduce(0) { $0 + $1.units })
            if storage.count < size { storage = [Double](repeating: 0, count: size) }
        }
        if plans.isEmpty { return }
        // Stops with `Dense.forward`'s or `+=`'s message for a layer that does not fit.
        for l in plans.indices {
            let weights = network.layers[l].weights.shape, bias = network.layers[l].bias.shape
            let k = l == 0 ? inputs.rows : plans[l - 1].units
            if k != weights.columns {
                let input = l == 0 ? inputs.shape : Shape(k, m)
                fatalError("shape mismatch: layer with weights \(weights) needs input with \(weights.columns) rows, got \(input)")
            }
            if weights.rows != plans[l].units {
                fatalError("layer \(l) has \(weights.rows) units but its training step was made for \(plans[l].units)")
            }
            if bias != Shape(weights.rows, 1) {
                fatalError("shape mismatch: cannot add \(Shape(weights.rows, m)) and \(bias)")
            }
        }
        let kept = inputPanels != nil
        if let panels = inputPanels {
            if descentRate == nil {
                Matrix.multiply(network.layers[0].weights, panels: panels, into: &keptProduct, packing: &packing, crew: crew)
            } else {
                Matrix.multiply(packed: packing, rows: plans[0].units, panels: panels, into: &keptProduct, crew: crew)
            }
        }
        network.layers.withUnsafeMutableBufferPointer { layers in
            storage.withUnsafeMutableBufferPointer { s in
                let s = s.baseAddress!
                inputs.elements.withUnsafeBufferPointer { x in
                    for l in plans.indices {
                        let plan = plans[l], n = plan.units, z = s + plan.offset(0, m), a = s + plan.offset(1, m)
                        if l == 0 && kept {
                            keptProduct.elements.withUnsafeBufferPointer { z.update(from: $0.baseAddress!, count: n &* m) }
                        } else {
                            let k = l == 0 ? inputs.rows : plans[l - 1].units
                            let input = l == 0 ? x.baseAddress : UnsafePointer(s + plans[l - 1].offset(1, m))
                            layers[l].weights.elements.withUnsafeMutableBufferPointer { w in
                                Matrix.product(w.baseAddress, aRow: k, aK: 1, input, bK: m, bColumn: 1, m: n, n: k, p: m, into: z)
                            }
                        }
                        layers[l].bias.elements.withUnsafeMutableBufferPointer { b in
                            for i in 0..<n {
                                let bi = b[i]
                                for j in 0..<m { z[i &* m &+ j] = z[i &* m &+ j] + bi }
                            }
                        }
                        if case .other = plan.activation {
                            Self.copy(z, into: &matrixZ[l], rows: n, columns: m)
                            layerActivations[l].forward(matrixZ[l], into: &matrixA[l])
                            Self.copy(&matrixA[l], to: a, rows: n, columns: m, what: "activation output")
                        } else {
                            plan.activation.forward(z, into: a, count: n &* m)
                        }
                    }
                    let top = plans[plans.count - 1]
                    Self.copy(s + top.offset(1, m), into: &output, rows: top.units, columns: m)
                }
            }
        }
    }

    /// The parameter gradients of every layer for the last `forward`, as
    /// `Network.parameterGradients(loss:expected:caches:)` computes them (the data's own
    /// gradient, which nothing updates, is not computed).
    /// The network is `inout` for the reason `forward` gives.
    mutating func backward(_ network: inout Network, inputs: Matrix, expected: Matrix, loss: some Loss) {
        guard let top = plans.indices.last else { return }
        let m = columns
        if inputs.columns != m {
            fatalError("backward needs the inputs of the last forward pass: \(m) columns, got \(inputs.shape)")
        }
        if fused {
            checkSameShape(predicted: output, expected: expected)
        } else {
            loss.gradient(predicted: output, expected: expected, into: &outputGradient)
            if outputGradient.shape != output.shape {
                fatalError("shape mismatch: gradient \(outputGradient.shape) must match the layer output \(output.shape)")
            }
        }
        for l in plans.indices {
            gradients[l].weightGradient.reuse(rows: plans[l].units, columns: l == 0 ? inputs.rows : plans[l - 1].units)
            gradients[l].biasGradient.reuse(rows: plans[l].units, columns: 1)
        }
        storage.withUnsafeMutableBufferPointer { s in
            let s = s.baseAddress!
            let last = plans[top], count = last.units &* m
            if fused {
                // dZ = (A - Y) / m, as `(output - expected) / Double(output.columns)`.
                let a = s + last.offset(1, m), dz = s + last.offset(3, m), scale = Double(m)
                expected.elements.withUnsafeBufferPointer { y in
                    for k in 0..<count { dz[k] = (a[k] - y[k]) / scale }
                }
            } else {
                let da = s + last.offset(2, m), dz = s + last.offset(3, m)
                Self.copy(&outputGradient, to: da, rows: last.units, columns: m, what: "gradient")
                if case .other = last.activation {
                    Self.backward(layerActivations[top], da, into: dz, rows: last.units, columns: m,
                                  gradient: &matrixGradient[top], output: matrixA[top], zGradient: &matrixZ[top])
                } else {
                    last.activation.backward(da, output: s + last.offset(1, m), into: dz, count: count)
                }
            }
            network.layers.withUnsafeMutableBufferPointer { layers in
                gradients.withUnsafeMutableBufferPointer { gradients in
                    inputs.elements.withUnsafeBufferPointer { x in
                        for l in stride(from: top, through: 0, by: -1) {
                            let plan = plans[l], n = plan.units, dz = UnsafePointer(s + plan.offset(3, m))
                            let k = l == 0 ? inputs.rows : plans[l - 1].units
                            let previous = l == 0 ? x.baseAddress : UnsafePointer(s + plans[l - 1].offset(1, m))
                            gradients[l].weightGradient.elements.withUnsafeMutableBufferPointer { dw in
                                guard let dw = dw.baseAddress else { return }
                                if l == 0, crew != nil || descentRate != nil, Self.kernelComputesGradient(examples: m, weights: n &* k) {
                                    Self.firstGradient(dz, previous, m: m, units: n, inputs: k, into: dw, rate: descentRate,
                                                       weights: &layers[0].weights, packed: &packing, crew: crew)
                                } else {
                                    Matrix.product(dz, aRow: m, aK: 1, previous, bK: 1, bColumn: m, m: n, n: m, p: k, into: dw)
                                }
                            }
                            gradients[l].biasGradient.elements.withUnsafeMutableBufferPointer { db in
                                for i in 0..<n {
                                    var total = 0.0
                                    for j in 0..<m { total += dz[i &* m &+ j] }
                                    db[i] = total
                                }
                            }
                            if l > 0 {
                                let below = plans[l - 1], da = s + below.offset(2, m), dzBelow = s + below.offset(3, m)
                                layers[l].weights.elements.withUnsafeMutableBufferPointer { w in
                                    Matrix.product(w.baseAddress, aRow: 1, aK: k, dz, bK: m, bColumn: 1, m: k, n: n, p: m, into: da)
                                }
                                if case .other = below.activation {
                                    Self.backward(layerActivations[l - 1], da, into: dzBelow, rows: k, columns: m,
                                                  gradient: &matrixGradient[l - 1], output: matrixA[l - 1], zGradient: &matrixZ[l - 1])
                                } else {
                                    below.activation.backward(da, output: s + below.offset(1, m), into: dzBelow, count: k &* m)
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /// Whether `Matrix.product` computes a layer's dW = dZ A_prevᵀ with `DotProducts` (as
    /// `firstGradient` does): for more than `ProductWork.smallCount` weights (fewer are
    /// summed in order of k) and more than one example (one goes to `RowUpdates`).
    private static func kernelComputesGradient(examples: Int, weights: Int) -> Bool {
        examples > 1 && weights > ProductWork.smallCount
    }

    /// dW = dZ Xᵀ of the first layer (`units` x `inputs`, from m examples, more than
    /// `ProductWork.smallCount` numbers, m > 1) into `dw`, as `Matrix.product` computes it, with
    /// `crew`'s helper if there is one; with a `rate`, also W ← W - α dW on the weights and
    /// their packed copy (`FusedDescent`). The weights are `inout` only to be reached in place.
    private static func firstGradient(
        _ dz: UnsafePointer<Double>, _ x: UnsafePointer<Double>?, m: Int, units: Int, inputs: Int,
        into dw: UnsafeMutablePointer<Double>, rate: Double?, weights: inout Matrix, packed: inout [Double], crew: Crew?
    ) {
        weights.elements.withUnsafeMutableBufferPointer { w in
            packed.withUnsafeMutableBufferPointer { packed in
                var work = ProductWork(a: dz, b: x, c: dw, m: units, n: m, p: inputs, rowStride: m, kStride: 1)
                work.descent = rate.map { FusedDescent(rate: $0, weights: w.baseAddress!, packed: packed.baseAddress!) }
                work.run(.dotProducts, crew: crew)
            }
        }
    }

    /// dZ = g'(Z) ⊙ dA of a layer whose activation is `.other`, by `activation` on matrices:
    /// dA from `da` into `gradient`, dZ into `zGradient` and then to `dz`. `output` still
    /// holds the layer's A from the forward pass.
    private static func backward(
        _ activation: any Activation, _ da: UnsafePointer<Double>, into dz: UnsafeMutablePointer<Double>, rows: Int, columns: Int,
        gradient: inout Matrix, output: Matrix, zGradient: inout Matrix
    ) {
        copy(da, into: &gradient, rows: rows, columns: columns)
        activation.backward(outputGradient: gradient, output: output, into: &zGradient)
        copy(&zGradient, to: dz, rows: rows, columns: columns, what: "activation gradient")
    }

    /// Moves every parameter of `network` against this step's gradients by `optimizer`, on
    /// their storage: the same numbers as `optimizer.update(&network, gradients: gradients)`
    /// (layer l's weights are parameter 2l, its bias 2l + 1).
    mutating func update(_ network: inout Network, by optimizer: inout any StorageOptimizer) {
        if network.layers.count != gradients.count {
            fatalError("got gradients for \(gradients.count) layers but the network has \(network.layers.count)")
        }
        for l in gradients.indices {
            // The first layer's weights moved with their gradient (see `descentRate`).
            if !(l == 0 && descentRate != nil) {
                Self.update(&network.layers[l].weights, gradient: &gradients[l].weightGradient, index: 2 &* l, by: &optimizer)
            }
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

    /// The (rows, columns) numbers at `source` into `matrix`.
    private static func copy(_ source: UnsafePointer<Double>, into matrix: inout Matrix, rows: Int, columns: Int) {
        matrix.reuse(rows: rows, columns: columns)
        matrix.elements.withUnsafeMutableBufferPointer { $0.baseAddress?.update(from: source, count: rows &* columns) }
    }

    /// `matrix`, which must have the shape (rows, columns) (it is `what` for the message), to
    /// `target`. The matrix is `inout` only to be read in place (it is not changed): passed
    /// as a value from the step's own properties, it was retained and released.
    private static func copy(_ matrix: inout Matrix, to target: UnsafeMutablePointer<Double>, rows: Int, columns: Int, what: String) {
        if matrix.shape != Shape(rows, columns) {
            fatalError("shape mismatch: the \(what) is \(matrix.shape) but the layer's Z is \(Shape(rows, columns))")
        }
        matrix.elements.withUnsafeBufferPointer { $0.baseAddress.map { target.update(from: $0, count: rows &* columns) } }
    }
}
