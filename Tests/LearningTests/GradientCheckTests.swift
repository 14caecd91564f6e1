import Testing
import Learning

@Suite struct GradientCheckTests {
    @Test func centralDifferenceOfACube() {
        // f(x) = x³, f'(2) = 12; the central difference is exact up to h² = 1e-10 (error h²):
        // ((2 + h)³ - (2 - h)³) / 2h = 12 + h²
        let estimate = GradientCheck.centralDifference(of: { $0 * $0 * $0 }, at: 2)
        #expect(abs(estimate - 12) < 1e-8)
    }

    @Test func chainRuleOfAComposite() {
        // f(x) = σ(3x + 1) at x = 0.2: f' = 3 σ(1.6)(1 - σ(1.6)) = 3 x 0.8320184 x 0.1679816 = 0.4192917
        let s = Sigmoid()
        let numerical = GradientCheck.centralDifference(of: { s.value(3 * $0 + 1) }, at: 0.2)
        #expect(abs(numerical - 3 * s.derivative(at: 1.6)) < 1e-9)
        #expect(abs(numerical - 0.41929) < 1e-5)
    }

    @Test func relativeError() {
        #expect(GradientCheck.relativeError(1.0, 1.0) == 0)
        #expect(GradientCheck.relativeError(2.0, 1.0) == 0.5)  // |2 - 1| / 2
        #expect(GradientCheck.relativeError(0, 0) == 0)
        #expect(isClose(GradientCheck.relativeError(1e-12, 0), 1e-4, within: 1e-18))  // floor 1e-8: 1e-12 / 1e-8
    }

    @Test func detectsAWrongGradient() {
        // A network whose output activation lies about its derivative must fail the check.
        struct WrongSigmoid: ElementwiseActivation {
            func value(_ z: Double) -> Double { Sigmoid().value(z) }
            func derivative(fromOutput a: Double) -> Double { a }  // should be a(1 - a)
        }
        var generator = SplitMix64(seed: 1)
        let network = Network(sizes: [2, 3, 1], hidden: .tanh, output: WrongSigmoid(), weights: .uniform(scale: 1),
                              generator: &generator)
        let data = Dataset.xor()
        #expect(GradientCheck.network(network, inputs: data.features, expected: data.labels, loss: MeanSquaredError()) > 0.1)
        let right = Network(sizes: [2, 3, 1], hidden: .tanh, output: .sigmoid, weights: .uniform(scale: 1),
                            generator: &generator)
        #expect(GradientCheck.network(right, inputs: data.features, expected: data.labels, loss: MeanSquaredError()) < 1e-7)
    }
}
