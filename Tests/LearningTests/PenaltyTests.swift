import Testing
import Learning

@Suite struct PenaltyTests {
    /// A 2-3-2 network (tanh hidden, sigmoid output) and three examples.
    func smallProblem() -> (Network, Matrix, Matrix) {
        var generator = SplitMix64(seed: 11)
        let network = Network(sizes: [2, 3, 2], hidden: .tanh, output: .sigmoid, weights: .uniform(scale: 1),
                              bias: .uniform(scale: 0.5), generator: &generator)
        return (network, Matrix([[0.5, -1, 2], [1, 0.3, -0.7]]), Matrix([[1, 0, 1], [0, 1, 0]]))
    }

    @Test func penaltyCostSumsTheWeightsOnly() {
        let (network, _, _) = smallProblem()
        let penalty = L2Penalty(strength: 0.2)
        let byHand = network.layers.map { 0.1 * $0.weights.elements.map { $0 * $0 }.reduce(0, +) }.reduce(0, +)
        #expect(isClose(network.penaltyCost(penalty), byHand, within: 1e-15))
        var zeroBias = network
        for l in zeroBias.layers.indices { zeroBias.layers[l].bias = zeroBias.layers[l].bias.map { _ in 0 } }
        #expect(zeroBias.penaltyCost(penalty) == network.penaltyCost(penalty))
    }

    @Test func penalisedGradientsPassAGradientCheck() {
        let (network, x, y) = smallProblem()
        let penalties: [any Penalty] = [L2Penalty(strength: 0.3), L1Penalty(strength: 0.3)]
        for penalty in penalties {
            let analytic = network.gradients(inputs: x, expected: y, loss: MeanSquaredError(), penalty: penalty).flattened
            let parameters = network.parameters
            for p in parameters.indices {
                let numerical = GradientCheck.numericalGradient(of: { value in
                    var probe = network
                    var changed = parameters
                    changed[p] = value
                    probe.parameters = changed
                    return probe.cost(inputs: x, expected: y, loss: MeanSquaredError(), penalty: penalty)
                }, at: parameters[p])
                #expect(GradientCheck.maxRelativeError(analytic[p], numerical) < 1e-7)
            }
        }
    }

    @Test func biasGradientsAreTheLossesAlone() {
        let (network, x, y) = smallProblem()
        let plain = network.gradients(inputs: x, expected: y, loss: MeanSquaredError())
        let penalised = network.gradients(inputs: x, expected: y, loss: MeanSquaredError(), penalty: L2Penalty(strength: 0.5))
        for l in plain.indices {
            #expect(plain[l].biasGradient == penalised[l].biasGradient)
            #expect(plain[l].weightGradient != penalised[l].weightGradient)
        }
    }

    @Test func oneWeightDecayStepByHand() throws {
        // ŷ = w x + b with x = 1, y = 0, w = 2, b = 0; J = ½ (ŷ - y)² = 2, dJ/dw = 2, dJ/db = 2.
        // λ = 0.1: J_total = 2 + 0.05 x 4 = 2.2; dw = 2 + 0.1 x 2 = 2.2.
        // α = 0.1: w ← 2 - 0.1 x 2.2 = 1.78 (= (1 - 0.01) x 2 - 0.1 x 2); b ← 0 - 0.1 x 2 = -0.2.
        var network = Network([Dense(weights: Matrix([[2]]), bias: Matrix([[0]]), activation: .identity)])
        let history = try network.train(inputs: Matrix([[1]]), expected: Matrix([[0]]), loss: MeanSquaredError(),
                                        penalty: L2Penalty(strength: 0.1), optimizer: GradientDescent(learningRate: 0.1),
                                        iterations: 1)
        #expect(isClose(history.costs[0], 2.2, within: 1e-15))
        #expect(isClose(network.layers[0].weights.scalar, 1.78, within: 1e-15))
        #expect(isClose(network.layers[0].bias.scalar, -0.2, within: 1e-15))
        #expect(history.updates == 1 && history.costs.count == 2)
    }

    @Test func strengthZeroTrainsLikePlainTraining() throws {
        let (start, x, y) = smallProblem()
        var plain = start, penalised = start
        try plain.train(inputs: x, expected: y, loss: MeanSquaredError(), optimizer: GradientDescent(learningRate: 0.5), iterations: 20)
        try penalised.train(inputs: x, expected: y, loss: MeanSquaredError(), penalty: L2Penalty(strength: 0),
                            optimizer: GradientDescent(learningRate: 0.5), iterations: 20)
        #expect(isClose(plain.parameters.flatMap(\.elements).reduce(0, +),
                        penalised.parameters.flatMap(\.elements).reduce(0, +), within: 1e-12))
    }

    @Test func aStrongerPenaltyLeavesSmallerWeights() throws {
        let (start, x, y) = smallProblem()
        func squaredWeights(_ lambda: Double) throws -> Double {
            var network = start
            try network.train(inputs: x, expected: y, loss: MeanSquaredError(), penalty: L2Penalty(strength: lambda),
                              optimizer: GradientDescent(learningRate: 0.5), iterations: 200)
            return network.penaltyCost(L2Penalty(strength: 2))
        }
        let none = try squaredWeights(0), some = try squaredWeights(0.01), strong = try squaredWeights(0.1)
        #expect(none > some && some > strong)
    }
}
