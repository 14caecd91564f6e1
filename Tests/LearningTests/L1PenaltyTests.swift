import Testing
import Learning

@Suite struct L1PenaltyTests {
    let weights = Matrix([[0.5, -1.0], [2.0, 0.0]])

    @Test func handValues() {
        // λ Σ |w| = 0.1 x (0.5 + 1 + 2 + 0) = 0.35 // by hand
        let penalty = L1Penalty(strength: 0.1)
        #expect(isClose(penalty.cost(weights: weights), 0.35, within: 1e-15))
        // λ sign(W), sign(0) = 0
        #expect(penalty.gradient(weights: weights) == Matrix([[0.1, -0.1], [0.1, 0]]))
    }

    @Test func gradientMatchesCentralDifferencesAwayFromZero() {
        var generator = SplitMix64(seed: 8)
        // |w| ≥ 0.1, so w ± h never crosses the kink at 0.
        let w = Matrix(rows: 3, columns: 4, elements: (0..<12).map { _ in
            let d = generator.normal()
            return d >= 0 ? d + 0.1 : d - 0.1
        })
        let penalty = L1Penalty(strength: 0.3)
        let numerical = GradientCheck.numericalGradient(of: { penalty.cost(weights: $0) }, at: w)
        #expect(GradientCheck.maxRelativeError(penalty.gradient(weights: w), numerical) < 1e-8)
    }

    @Test func stepsAFixedAmountTowardsZero() {
        // One descent step on the penalty alone, α = 0.5, λ = 0.1: every non-zero weight moves
        // αλ = 0.05 towards 0, whatever its size; 0 stays 0.
        var w = weights
        GradientDescent(learningRate: 0.5).update(&w, gradient: L1Penalty(strength: 0.1).gradient(weights: w), index: 0)
        #expect(isClose(w, Matrix([[0.45, -0.95], [1.95, 0]]), within: 1e-15))
    }

    @Test func strengthIsChecked() async {
        await #expect(processExitsWith: .failure) { _ = L1Penalty(strength: -1) }
        await #expect(processExitsWith: .failure) { _ = L1Penalty(strength: .nan) }
    }
}
