import Testing
import Learning

@Suite struct L2PenaltyTests {
    let weights = Matrix([[0.5, -1.0], [2.0, 0.0]])

    @Test func handValues() {
        // (λ/2) Σ w² = 0.05 x (0.25 + 1 + 4 + 0) = 0.05 x 5.25 = 0.2625 // by hand
        let penalty = L2Penalty(strength: 0.1)
        #expect(isClose(penalty.cost(weights: weights), 0.2625, within: 1e-15))
        // λ W = 0.1 x W
        #expect(isClose(penalty.gradient(weights: weights), Matrix([[0.05, -0.1], [0.2, 0]]), within: 1e-15))
    }

    @Test func strengthZeroIsNoPenalty() {
        let penalty = L2Penalty(strength: 0)
        #expect(penalty.cost(weights: weights) == 0)
        #expect(penalty.gradient(weights: weights).elements.allSatisfy { $0 == 0 })
    }

    @Test func gradientMatchesCentralDifferences() {
        var generator = SplitMix64(seed: 7)
        let w = Matrix(rows: 3, columns: 4, elements: (0..<12).map { _ in generator.normal() })
        let penalty = L2Penalty(strength: 0.3)
        let numerical = GradientCheck.numericalGradient(of: { penalty.cost(weights: $0) }, at: w)
        #expect(GradientCheck.maxRelativeError(penalty.gradient(weights: w), numerical) < 1e-8)
    }

    @Test func strengthIsChecked() async {
        await #expect(processExitsWith: .failure) { _ = L2Penalty(strength: -0.1) }
        await #expect(processExitsWith: .failure) { _ = L2Penalty(strength: .nan) }
        await #expect(processExitsWith: .failure) { _ = L2Penalty(strength: .infinity) }
    }
}
