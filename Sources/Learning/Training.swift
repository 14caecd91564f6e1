/// Why training stopped early: the cost became NaN or infinite (usually a learning rate so
/// large that the steps overshoot further and further).
public struct TrainingError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The iteration at which the cost was not finite: the number of updates made before it.
    public let iteration: Int
    /// The epoch (counted from 1) for mini-batch training; nil for full-batch training.
    public let epoch: Int?
    /// The cost that was seen, NaN or ±infinity.
    public let cost: Double

    /// An error for a non-finite `cost` at `iteration` (and `epoch`, for mini-batches).
    public init(iteration: Int, epoch: Int? = nil, cost: Double) {
        self.iteration = iteration
        self.epoch = epoch
        self.cost = cost
    }

    /// For example `cost became nan at iteration 12: lower the learning rate`.
    public var description: String {
        let place = epoch.map { "iteration \(iteration) (epoch \($0))" } ?? "iteration \(iteration)"
        return "cost became \(cost) at \(place): lower the learning rate"
    }
}

/// What a training run did.
public struct TrainingHistory: Equatable, Sendable {
    /// The cost J on the whole training set, as the loss defines it (for `MeanSquaredError`
    /// with the ½ and the mean over examples only): `costs[0]` before any update, then after each
    /// iteration (full batch) or after each epoch (mini-batches).
    public var costs: [Double]
    /// How many parameter updates were made.
    public var updates: Int
    /// Updates per epoch, ⌈m / batchSize⌉, for mini-batch training; nil for full batch.
    public var updatesPerEpoch: Int?
    /// Whether training stopped because the cost reached the target.
    public var reachedTarget: Bool
    /// The gradients of the last update, one per layer, first layer first (for mini-batches,
    /// the last batch's): what the optimiser was given at the last step, computed before that
    /// step moved the parameters. Nil when no update was made.
    public var lastGradients: [DenseGradients]?
}

extension Network {
    /// Full-batch gradient descent: every iteration uses all examples,
    ///
    ///     repeat: A = forward(X), J = cost(A, Y), gradients = backward, optimizer step
    ///
    /// until `iterations` updates are made or the cost is at most `targetCost`.
    /// `optimizer` is copied, so its state (momentum's velocity) starts fresh for this run.
    ///
    /// - Returns: the cost before training and after each update (`costs.count == updates + 1`),
    ///   and the last update's gradients (`lastGradients`).
    /// - Throws: `TrainingError` naming the iteration when the cost becomes NaN or infinite.
    @discardableResult
    public mutating func train(
        inputs: Matrix, expected: Matrix, loss: some Loss, optimizer: some Optimizer,
        iterations: Int, targetCost: Double? = nil
    ) throws -> TrainingHistory {
        if iterations < 0 { fatalError("iterations must be 0 or more, got \(iterations)") }
        var optimizer = optimizer
        // The library's optimisers update on the step's storage (see StorageOptimizer).
        var storageOptimizer = optimizer as? any StorageOptimizer
        let onStorage = storageOptimizer != nil
        var history = TrainingHistory(costs: [], updates: 0, updatesPerEpoch: nil, reachedTarget: false, lastGradients: nil)
        // One set of matrices for every step (see TrainingStep): same numbers as
        // forward + parameterGradients, without allocating on each step.
        var step = TrainingStep(network: self, loss: loss)
        step.keepInputs(inputs, network: self, descent: storageOptimizer as? GradientDescent)
        while true {
            step.forward(&self, inputs: inputs)
            let cost = step.cost(inputs: inputs, expected: expected, loss: loss)
            history.costs.append(cost)
            if !cost.isFinite { throw TrainingError(iteration: history.updates, cost: cost) }
            if let target = targetCost, cost <= target {
                history.reachedTarget = true
            }
            if history.reachedTarget || history.updates == iterations {
                history.lastGradients = history.updates > 0 ? step.gradients : nil
                return history
            }
            step.backward(&self, inputs: inputs, expected: expected, loss: loss)
            if onStorage {
                step.update(&self, by: &storageOptimizer!)
            } else {
                optimizer.update(&self, gradients: step.gradients)
            }
            history.updates += 1
        }
    }

    /// Mini-batch stochastic gradient descent: each epoch shuffles the examples with
    /// `generator` (Fisher–Yates, see `miniBatches`), splits them into batches of `batchSize`
    /// (the last may be smaller) and makes one update per batch.
    ///
    /// Stops after `epochs` epochs, or at the end of an epoch whose cost on the whole training
    /// set is at most `targetCost`. `optimizer` is copied, so its state starts fresh.
    ///
    /// - Returns: the cost on the whole set before training and after each epoch, and the
    ///   last batch's gradients (`lastGradients`).
    /// - Throws: `TrainingError` naming the iteration (updates so far) and epoch when a
    ///   batch's cost becomes NaN or infinite.
    @discardableResult
    public mutating func train(
        inputs: Matrix, expected: Matrix, loss: some Loss, optimizer: some Optimizer,
        batchSize: Int, epochs: Int, targetCost: Double? = nil, generator: inout SplitMix64
    ) throws -> TrainingHistory {
        if epochs < 0 { fatalError("epochs must be 0 or more, got \(epochs)") }
        if batchSize <= 0 { fatalError("batch size must be positive, got \(batchSize)") }
        if inputs.columns != expected.columns {
            fatalError("shape mismatch: inputs \(inputs.shape) and targets \(expected.shape) need the same number of columns")
        }
        var optimizer = optimizer
        var storageOptimizer = optimizer as? any StorageOptimizer
        let onStorage = storageOptimizer != nil
        let perEpoch = (inputs.columns + batchSize - 1) / batchSize
        var history = TrainingHistory(costs: [], updates: 0, updatesPerEpoch: perEpoch, reachedTarget: false, lastGradients: nil)
        /// Appends the cost after `epoch`; throws if it is not finite; true when it reached the target.
        func record(_ cost: Double, epoch: Int) throws -> Bool {
            history.costs.append(cost)
            if !cost.isFinite { throw TrainingError(iteration: history.updates, epoch: epoch, cost: cost) }
            if let target = targetCost, cost <= target {
                history.reachedTarget = true
                return true
            }
            return false
        }
        // One set of matrices for every step (see TrainingStep), and for the batch's columns.
        var step = TrainingStep(network: self, loss: loss)
        var x = Matrix(rows: 0, columns: 0, elements: []), y = x
        // The examples as rows, once: a batch then reads each example's numbers side by side
        // (Matrix.transposedRows) instead of one number from each row of X.
        let examples = inputs.transposed, targets = expected.transposed
        func finish() -> TrainingHistory {
            history.lastGradients = history.updates > 0 ? step.gradients : nil
            return history
        }
        func trainEpoch(_ epoch: Int) throws {
            for batch in miniBatches(count: inputs.columns, size: batchSize, generator: &generator) {
                examples.transposedRows(at: batch, into: &x)
                targets.transposedRows(at: batch, into: &y)
                step.forward(&self, inputs: x)
                let cost = step.cost(inputs: x, expected: y, loss: loss)
                if !cost.isFinite { throw TrainingError(iteration: history.updates, epoch: epoch, cost: cost) }
                step.backward(&self, inputs: x, expected: y, loss: loss)
                if onStorage {
                    step.update(&self, by: &storageOptimizer!)
                } else {
                    optimizer.update(&self, gradients: step.gradients)
                }
                history.updates += 1
            }
        }
        // Each epoch's cost on the whole set can be computed by another core, on a copy of
        // the network, while this one trains the next epoch (`overlapsEpochCosts`). When
        // that cost ends the training (it reached `targetCost`, or is not finite), the
        // network, the generator and the gradients are put back as they were after its epoch,
        // so the result, or the error, is what one epoch after the other gives.
        let overlaps = overlapsEpochCosts(inputs: inputs, expected: expected, loss: loss, storage: onStorage)
        for epoch in 0...epochs {
            if !overlaps || epoch == epochs {
                if try record(cost(inputs: inputs, expected: expected, loss: loss), epoch: epoch) { return finish() }
                if epoch < epochs { try trainEpoch(epoch + 1) }
                continue
            }
            let network = self, drawn = generator, updates = history.updates
            let gradients = updates > 0 ? step.gradients : nil
            let wholeSet = UncheckedLoss(loss)
            let cost = BackgroundValue {
                network.costInColumnBlocks(inputs: inputs, expected: expected, loss: wholeSet.loss, serially: true)!
            }
            var batchError: (any Error)?
            do { try trainEpoch(epoch + 1) } catch { batchError = error }
            let value = cost.value()
            // A cost that ends the training finds the state its epoch left, as `record` reports it.
            if !value.isFinite || targetCost.map({ value <= $0 }) == true {
                self = network
                generator = drawn
                history.updates = updates
            }
            if try record(value, epoch: epoch) {
                history.lastGradients = gradients
                return history
            }
            if let batchError { throw batchError }
        }
        return finish()
    }

    /// Whether `train`'s mini-batch loop computes each epoch's cost on another core while it
    /// trains the next epoch: only where that cannot change what it returns or throws, and
    /// can save time. The optimiser updates on storage (the library's own: a value, whose
    /// state nothing outside sees), the cost is computed in column blocks (the library's
    /// losses and activations that work column by column, which can run beside the training),
    /// and there is a second processor.
    func overlapsEpochCosts(inputs: Matrix, expected: Matrix, loss: some Loss, storage: Bool) -> Bool {
        storage && BackgroundValue<Double>.processors > 1 && costsInColumnBlocks(inputs: inputs, expected: expected, loss: loss)
    }
}

/// A loss handed to the thread that computes an epoch's cost: only the library's losses,
/// which are values with no state (`Network.costsInColumnBlocks`), are.
private struct UncheckedLoss<L: Loss>: @unchecked Sendable {
    let loss: L
    init(_ loss: L) { self.loss = loss }
}

/// The example indices 0..<count, shuffled by Fisher–Yates with `generator`, cut into
/// consecutive batches of `size` (the last one smaller when size does not divide count):
/// one epoch's mini-batches, ⌈count / size⌉ of them.
public func miniBatches(count: Int, size: Int, generator: inout SplitMix64) -> [[Int]] {
    if size <= 0 { fatalError("batch size must be positive, got \(size)") }
    let order = generator.permutation(count)
    return stride(from: 0, to: count, by: size).map { start in
        Array(order[start..<Swift.min(start + size, count)])
    }
}
