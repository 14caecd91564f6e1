import Testing
import Learning

@Suite struct TanhTests {
    let t = Tanh()

    @Test func handValues() {
        #expect(t.value(0) == 0)
        // tanh 0.5 = (e^0.5 - e^-0.5) / (e^0.5 + e^-0.5) = 1.0421906 / 2.2552519 = 0.4621171573
        #expect(isClose(t.value(0.5), 0.46211715726000974))
        #expect(t.value(-0.5) == -t.value(0.5))
    }

    @Test func derivativeIsOneMinusTSquared() {
        #expect(t.derivative(at: 0) == 1)
        // 1 - 0.4621171573² = 1 - 0.2135522670 = 0.7864477330
        #expect(isClose(t.derivative(at: 0.5), 0.7864477329659274))
        #expect(derivativeMatchesFiniteDifference(t, at: [-2, -0.3, 0, 0.7, 2]))
    }

    @Test func finiteAtPlusMinusThousand() {
        #expect(t.value(1000) == 1)
        #expect(t.value(-1000) == -1)
        #expect(t.derivative(at: 1000) == 0)
    }
}
