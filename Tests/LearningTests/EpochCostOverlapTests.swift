import Testing
@testable import Learning

/// Mini-batch `train` computes each epoch's cost on another core while it trains the next
/// epoch (`Network.overlapsEpochCosts`). What it returns, throws and leaves behind must be
/// what one epoch after the other gives: the same costs, updates, last gradients, network and
/// generator, also when a cost ends the training early (the target reached, or not finite)
/// and the next epoch, already trained, has to be undone.
@Suite struct EpochCostOverlapTests {
    /// Passes every update to `inner`'s matrix form: the same numbers as `inner` on storage,
    /// but not a `StorageOptimizer`, so `train` takes one epoch after the other.
    struct OneAfterTheOther<Inner: Optimizer>: Optimizer {
        var inner: Inner
        mutating func update(_ parameter: inout Matrix, gradient: Matrix, index: Int) {
            inner.update(&parameter, gradient: gradient, index: index)
        }
    }

    /// A 64-32-10 network on 600 examples: enough work for the cost's column blocks.
    let start: Network = {
        var generator = SplitMix64(seed: 31)
        return Network(sizes: [64, 32, 10], hidden: .tanh, output: .softmax, weights: .uniform(scale: 0.3), generator: &generator)
    }()
    let x: Matrix = {
        var generator = SplitMix64(seed: 32)
        return Initializer.uniform(scale: 1).matrix(rows: 64, columns: 600, generator: &generator)
    }()
    let y = Matrix(columns: (0..<600).map { j in (0..<10).map { $0 == (j * 7) % 10 ? 1.0 : 0.0 } })

    /// The outcome of a training: the history or the error, the network and the generator after it.
    struct Outcome: Equatable {
        var history: TrainingHistory?
        var error: TrainingError?
        var network: [Matrix]
        var nextDraws: [UInt64]
    }

    func train(_ optimizer: some Optimizer, epochs: Int, targetCost: Double? = nil, batchSize: Int = 50,
               network start: Network? = nil, loss: some Loss = CrossEntropy()) -> Outcome {
        var network = start ?? self.start, generator = SplitMix64(seed: 33)
        var outcome = Outcome(history: nil, error: nil, network: [], nextDraws: [])
        do {
            outcome.history = try network.train(inputs: x, expected: y, loss: loss, optimizer: optimizer,
                                                batchSize: batchSize, epochs: epochs, targetCost: targetCost, generator: &generator)
        } catch let error as TrainingError {
            outcome.error = error
        } catch {
            Issue.record("unexpected error \(error)")
        }
        outcome.network = network.parameters
        outcome.nextDraws = (0..<3).map { _ in generator.next() }
        return outcome
    }

    @Test func theOverlapIsTakenForTheLibrarysOptimisersOnly() {
        let twoCores = BackgroundValue<Double>.processors > 1
        #expect(start.overlapsEpochCosts(inputs: x, expected: y, loss: CrossEntropy(), storage: true) == twoCores)
        #expect(!start.overlapsEpochCosts(inputs: x, expected: y, loss: CrossEntropy(), storage: false))
        // Too few examples for two column blocks: the cost is computed on this core.
        let few = x.columns(at: Array(0..<100)), fewTargets = y.columns(at: Array(0..<100))
        #expect(!start.overlapsEpochCosts(inputs: few, expected: fewTargets, loss: CrossEntropy(), storage: true))
    }

    @Test(arguments: [0, 1, 4])
    func sameOutcomeAsOneEpochAfterTheOther(epochs: Int) {
        let momentum = Momentum(learningRate: 0.1, momentum: 0.9)
        let overlapped = train(momentum, epochs: epochs), sequential = train(OneAfterTheOther(inner: momentum), epochs: epochs)
        #expect(overlapped.history?.costs.count == epochs + 1)
        #expect(overlapped == sequential)
    }

    @Test func aTargetReachedUndoesTheEpochTrainedMeanwhile() throws {
        let adam = Adam(learningRate: 0.01)
        let costs = try #require(train(adam, epochs: 6).history?.costs)
        #expect(costs[2] < costs[1] && costs[3] < costs[2])
        // The target is met first after epoch 2, while epoch 3 is being trained.
        let overlapped = train(adam, epochs: 6, targetCost: costs[2])
        let sequential = train(OneAfterTheOther(inner: adam), epochs: 6, targetCost: costs[2])
        #expect(overlapped.history?.reachedTarget == true)
        #expect(overlapped.history?.costs == Array(costs[0...2]))
        #expect(overlapped.history?.updates == 2 * 12)
        #expect(overlapped == sequential)
    }

    @Test func aCostThatIsNotFiniteStopsAtItsEpoch() {
        // Linear outputs, one batch of all the examples, and a learning rate far too large:
        // the cost after some epoch overflows. One epoch after the other stops there; the
        // overlap has drawn the next epoch's order meanwhile, and must put the generator back.
        var generator = SplitMix64(seed: 34)
        let linear = Network(sizes: [64, 32, 10], hidden: .relu, output: .identity, weights: .uniform(scale: 0.3), generator: &generator)
        let rate = GradientDescent(learningRate: 8)
        let overlapped = train(rate, epochs: 10, batchSize: 600, network: linear, loss: MeanSquaredError())
        let sequential = train(OneAfterTheOther(inner: rate), epochs: 10, batchSize: 600, network: linear, loss: MeanSquaredError())
        let error = sequential.error
        #expect(error != nil && error?.epoch == error?.iteration, "the epoch's cost, not a batch's, stops the training")
        #expect(overlapped.error?.iteration == error?.iteration)
        #expect(overlapped.error?.epoch == error?.epoch)
        #expect(overlapped.error?.cost.isNaN == error?.cost.isNaN)
        #expect(overlapped.error?.cost.isInfinite == error?.cost.isInfinite)
        #expect(overlapped.nextDraws == sequential.nextDraws)
        #expect(overlapped.network.count == sequential.network.count)
        #expect(zip(overlapped.network, sequential.network).allSatisfy { sameBits($0, $1) })
    }

    /// Equal to the last bit, NaN included.
    func sameBits(_ a: Matrix, _ b: Matrix) -> Bool {
        a.shape == b.shape && zip(a.elements, b.elements).allSatisfy { $0.bitPattern == $1.bitPattern }
    }
}
