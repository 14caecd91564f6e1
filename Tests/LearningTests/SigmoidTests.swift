import Testing
import Learning

@Suite struct SigmoidTests {
    let s = Sigmoid()

    @Test func handValues() {
        #expect(s.value(0) == 0.5)  // 1 / (1 + e^0) = 1/2
        #expect(isClose(s.value(1), 0.7310585786300049))  // 1 / (1 + e^-1) = 1 / 1.3678794412 = 0.7310585786
        #expect(isClose(s.value(-1), 0.2689414213699951))  // 1 - σ(1)
    }

    @Test func derivativeIsSTimesOneMinusS() {
        #expect(s.derivative(at: 0) == 0.25)  // 0.5 x (1 - 0.5)
        #expect(s.derivative(fromOutput: 0.8) == 0.8 * (1 - 0.8))
        // σ(10) = 0.9999546021, σ'(10) = 0.9999546021 x 0.0000453979 = 4.5396e-5: vanishing
        #expect(isClose(s.derivative(at: 10), 4.5395807735907655e-05, within: 1e-15))
        #expect(derivativeMatchesFiniteDifference(s, at: [-3, -0.5, 0, 0.5, 3]))
    }

    @Test func finiteAtPlusMinusThousand() {
        #expect(s.value(1000) == 1)
        #expect(s.value(-1000) == 0)
        #expect(s.derivative(at: 1000) == 0)
        #expect(s.derivative(at: -1000) == 0)
        #expect(Sigmoid().forward(Matrix([[1000, -1000]])) == Matrix([[1, 0]]))
    }
}
