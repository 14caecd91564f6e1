import Testing
import Learning

@Suite struct ReLUTests {
    @Test func reluHandValues() {
        let r = ReLU()
        #expect(r.value(2.5) == 2.5)
        #expect(r.value(-3) == 0)
        #expect(r.derivative(at: 2.5) == 1)
        #expect(r.derivative(at: -3) == 0)
        #expect(r.derivative(at: 0) == 0)  // the slope at exactly 0 is set to 0
        #expect(derivativeMatchesFiniteDifference(r, at: [-2, -0.1, 0.1, 2]))
    }

    @Test func deadUnitPassesNoGradient() {
        // A large negative bias keeps every z negative: every output and every slope is 0.
        let z = Matrix([[-5.2, -7.1, -6.0]])
        let a = ReLU().forward(z)
        #expect(a == Matrix([[0, 0, 0]]))
        #expect(ReLU().backward(outputGradient: Matrix([[0.3, -1, 2]]), output: a) == Matrix([[0, 0, 0]]))
    }

    @Test func leakyHandValues() {
        let l = LeakyReLU(slope: 0.1)
        #expect(l.value(2) == 2)
        #expect(l.value(-3) == -0.30000000000000004)  // 0.1 x -3 in binary floating point
        #expect(l.derivative(at: 2) == 1)
        #expect(l.derivative(at: -3) == 0.1)
        #expect(l.derivative(at: 0) == 0.1)
        #expect(derivativeMatchesFiniteDifference(l, at: [-2, -0.1, 0.1, 2]))
    }

    @Test func leakySlopeMustBeBelowOne() async {
        await #expect(processExitsWith: .failure) { _ = LeakyReLU(slope: 1.5) }
    }

    @Test func finiteAtPlusMinusThousand() {
        #expect(ReLU().value(1000) == 1000)
        #expect(ReLU().value(-1000) == 0)
        #expect(LeakyReLU(slope: 0.01).value(-1000) == -10)
    }
}
