import Foundation
import Testing
import Learning

@Suite struct ValueFunctionsTests {
    @Test func functionsByHand() {
        // By hand:
        // exp at 0: e⁰ = 1, slope e⁰ = 1;   log at 2: ln 2, slope 1/2
        // sigmoid at 0: 0.5, slope 0.5 (1 - 0.5) = 0.25;   tanh at 0: 0, slope 1 - 0² = 1
        // relu at 2: 2, slope 1;   relu at -1: 0, slope 0;   relu at 0: 0, slope 0 (as ReLU)
        // pow 2 at 3: 9, slope 2 · 3 = 6;   pow -1 at 4: 0.25, slope -1/16 = -0.0625
        // pow 0.5 at 4: 2, slope 0.5 / √4 = 0.25;   pow 3 at -2: -8, slope 3 · 4 = 12
        let cases: [(Double, (Value) -> Value, Double, Double)] = [
            (0, { $0.exp() }, 1, 1), (2, { $0.log() }, log(2), 0.5),
            (0, { $0.sigmoid() }, 0.5, 0.25), (0, { $0.tanh() }, 0, 1),
            (2, { $0.relu() }, 2, 1), (-1, { $0.relu() }, 0, 0), (0, { $0.relu() }, 0, 0),
            (3, { $0.pow(2) }, 9, 6), (4, { $0.pow(-1) }, 0.25, -0.0625),
            (4, { $0.pow(0.5) }, 2, 0.25), (-2, { $0.pow(3) }, -8, 12),
        ]
        for (x, f, value, slope) in cases {
            let input = Value(x)
            let output = f(input)
            output.backward()
            #expect(output.data == value)
            #expect(input.grad == slope)
        }
    }

    @Test func slopesAgreeWithTheActivations() {
        // The same local derivative as Learning's activation types, at several inputs.
        for z in [-3.0, -0.4, 0.7, 2.5] {
            let (s, t) = (Value(z), Value(z))
            s.sigmoid().backward()
            t.tanh().backward()
            #expect(s.grad == Sigmoid().derivative(at: z))
            #expect(t.grad == Tanh().derivative(at: z))
        }
    }

    @Test func everyFunctionAgreesWithCentralDifferences() {
        let fs: [(Value) -> Value] = [
            { $0.exp() }, { $0.log() }, { $0.tanh() }, { $0.sigmoid() }, { $0.relu() },
            { $0.pow(3) }, { $0.pow(-2) }, { $0.pow(0.5) }, { $0.pow(1.7) },
        ]
        for f in fs {
            let (analytic, numerical) = valueDerivatives(f, at: 1.3)
            #expect(GradientCheck.relativeError(analytic, numerical) < 1e-8)
        }
    }

    @Test func outsideTheDomainStops() async {
        await #expect(processExitsWith: .failure) { _ = Value(0).log() }
        await #expect(processExitsWith: .failure) { _ = Value(-2).pow(1.5) }
    }
}
