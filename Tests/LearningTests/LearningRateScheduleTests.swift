import Testing
import Learning

@Suite struct LearningRateScheduleTests {
    @Test func ratesByHand() {
        let step = LearningRateSchedule.stepDecay(factor: 0.5, every: 10)
        // α₀ 0.5^⌊t/10⌋: t = 0 and 9 give 0.8, t = 10 gives 0.4, t = 25 gives 0.8 · 0.25 = 0.2.
        #expect(step.rate(initial: 0.8, after: 0) == 0.8)
        #expect(step.rate(initial: 0.8, after: 9) == 0.8)
        #expect(step.rate(initial: 0.8, after: 10) == 0.4)
        #expect(step.rate(initial: 0.8, after: 25) == 0.2)
        // α₀ γ^t: 0.9³ = 0.729.
        #expect(isClose(LearningRateSchedule.exponential(factor: 0.9).rate(initial: 1, after: 3), 0.729, within: 1e-15))
        // α₀ / (1 + k t): 0.3 / (1 + 0.5 · 4) = 0.1.
        #expect(isClose(LearningRateSchedule.inverseTime(decay: 0.5).rate(initial: 0.3, after: 4), 0.1, within: 1e-15))
        #expect(LearningRateSchedule.constant.rate(initial: 0.3, after: 1000) == 0.3)
    }

    @Test func oneOverTMakesTheRunningMean() {
        // J_i(w) = ½(w - x_i)², gradient w - x_i, with α_t = 1/(1 + t): from w = 0 the samples
        // 2, 4, 9 give w = 0 + 1·2 = 2, then 2 - ½(2 - 4) = 3, then 3 - ⅓(3 - 9) = 5, the mean of 2, 4, 9.
        var optimizer = Scheduled(GradientDescent(learningRate: 1), schedule: .inverseTime(decay: 1))
        var w = 0.0
        var path: [Double] = []
        for x in [2.0, 4, 9] {
            optimizer.update(&w, gradient: w - x)
            path.append(w)
        }
        #expect(isClose(path[0], 2, within: 1e-15))
        #expect(isClose(path[1], 3, within: 1e-15))
        #expect(isClose(path[2], 5, within: 1e-15))
        #expect(isClose(optimizer.learningRate(ofParameter: 0), 0.25, within: 1e-15))
        #expect(optimizer.updates[0] == 3)
    }

    @Test func scheduledMomentumKeepsItsVelocity() {
        // Momentum with α halved after 2 steps, against the rule written out:
        // v ← β v - α_t g, w ← w + v on f(w) = w², from w = 1, α₀ = 0.1, β = 0.5.
        var optimizer = Scheduled(Momentum(learningRate: 0.1, momentum: 0.5), schedule: .stepDecay(factor: 0.5, every: 2))
        var w = 1.0, byHand = 1.0, v = 0.0
        for t in 0..<6 {
            let alpha = t < 2 ? 0.1 : t < 4 ? 0.05 : 0.025
            v = 0.5 * v - alpha * 2 * byHand
            byHand += v
            optimizer.update(&w, gradient: 2 * w)
            #expect(isClose(w, byHand, within: 1e-15))
        }
        #expect(isClose(optimizer.base.velocity(ofParameter: 0)[0, 0], v, within: 1e-15))
    }

    @Test func decayQuietsTheNoiseOfSingleExamples() throws {
        // Regression y = 2x + 1 + noise, one example per update: a constant rate keeps the
        // weights jittering; the same start with 1/t decay ends with a lower cost.
        var generator = SplitMix64(seed: 11)
        let data = Dataset.noisyLine(count: 200, slope: 2, intercept: 1, noise: 0.5, generator: &generator)
        func finalCost(_ optimizer: some Optimizer) throws -> Double {
            var generator = SplitMix64(seed: 12)
            var network = Network(sizes: [1, 1], hidden: .identity, output: .identity, generator: &generator)
            return try network.train(inputs: data.features, expected: data.labels, loss: MeanSquaredError(),
                                     optimizer: optimizer, batchSize: 1, epochs: 30, generator: &generator).costs.last!
        }
        let constant = try finalCost(GradientDescent(learningRate: 0.2))
        let decayed = try finalCost(Scheduled(GradientDescent(learningRate: 0.2), schedule: .inverseTime(decay: 0.01)))
        #expect(decayed < constant)
    }

    @Test func schedulesAreChecked() async {
        await #expect(processExitsWith: .failure) { _ = Scheduled(Adam(learningRate: 0.1), schedule: .stepDecay(factor: 0, every: 5)) }
        await #expect(processExitsWith: .failure) { _ = Scheduled(Adam(learningRate: 0.1), schedule: .stepDecay(factor: 0.5, every: 0)) }
        await #expect(processExitsWith: .failure) { _ = Scheduled(Adam(learningRate: 0.1), schedule: .exponential(factor: 1.5)) }
        await #expect(processExitsWith: .failure) { _ = Scheduled(Adam(learningRate: 0.1), schedule: .inverseTime(decay: -1)) }
    }
}
