import Testing
import Learning

/// The derivative of `f` at `x` found by `Value.backward()`, and the central difference of
/// f's data: both ways of measuring one local derivative.
func valueDerivatives(_ f: (Value) -> Value, at x: Double) -> (analytic: Double, numerical: Double) {
    let input = Value(x)
    let output = f(input)
    output.backward()
    return (input.grad, GradientCheck.centralDifference(of: { f(Value($0)).data }, at: x))
}

@Suite struct ValueOperationsTests {
    @Test func operatorsByHand() {
        // At a = 3, b = 4, by hand:
        // a + b = 7,  ∂/∂a = 1,     ∂/∂b = 1
        // a - b = -1, ∂/∂a = 1,     ∂/∂b = -1
        // a · b = 12, ∂/∂a = b = 4, ∂/∂b = a = 3
        // a / b = 0.75, ∂/∂a = 1/b = 0.25, ∂/∂b = -a/b² = -3/16 = -0.1875
        let cases: [(Value, Value) -> Value] = [{ $0 + $1 }, { $0 - $1 }, { $0 * $1 }, { $0 / $1 }]
        let expected: [(Double, Double, Double)] = [(7, 1, 1), (-1, 1, -1), (12, 4, 3), (0.75, 0.25, -0.1875)]
        for (operation, (value, da, db)) in zip(cases, expected) {
            let a = Value(3), b = Value(4)
            let result = operation(a, b)
            result.backward()
            #expect(result.data == value)
            #expect(a.grad == da)
            #expect(b.grad == db)
            #expect(result.localDerivatives == [da, db])
        }
    }

    @Test func constantsOnEitherSide() {
        // At x = 4, by hand: 2x = 8 (∂ 2), x·2 = 8 (2), x + 1 = 5 (1), 1 + x = 5 (1), x - 1 = 3 (1),
        // 1 - x = -3 (-1), x/2 = 2 (0.5), 2/x = 0.5 (-2/x² = -0.125), -x = -4 (-1).
        let cases: [((Value) -> Value, Double, Double)] = [
            ({ 2 * $0 }, 8, 2), ({ $0 * 2 }, 8, 2), ({ $0 + 1 }, 5, 1), ({ 1 + $0 }, 5, 1),
            ({ $0 - 1 }, 3, 1), ({ 1 - $0 }, -3, -1), ({ $0 / 2 }, 2, 0.5), ({ 2 / $0 }, 0.5, -0.125),
            ({ -$0 }, -4, -1),
        ]
        for (f, value, derivative) in cases {
            let x = Value(4)
            let y = f(x)
            y.backward()
            #expect(y.data == value)
            #expect(x.grad == derivative)
            #expect(y.inputs.count == 1)  // the constant is no node
        }
    }

    @Test func compoundAssignmentsBuildNewNodes() {
        // t = ((x + 2) · x - x) / 2 at x = 3: ((5 · 3) - 3) / 2 = 6; t = (x² + x)/2,
        // so by hand ∂t/∂x = (2x + 1)/2 = 3.5.
        let x = Value(3)
        var t = x
        t += 2
        t *= x
        t -= x
        t /= 2
        t.backward()
        #expect(t.data == 6)
        #expect(x.grad == 3.5)
    }

    @Test func sumIsOneNode() {
        // Σ (x, y, x) at x = 2, y = 5: 9; ∂/∂x = 2 (listed twice), ∂/∂y = 1.
        let x = Value(2), y = Value(5)
        let total = [x, y, x].sum()
        total.backward()
        #expect(total.data == 9)
        #expect(total.inputs.count == 3)
        #expect(x.grad == 2)
        #expect(y.grad == 1)
        #expect([Value]().sum().data == 0)
    }

    @Test func everyOperatorAgreesWithCentralDifferences() {
        let b = Value(-1.7)
        let fs: [(Value) -> Value] = [
            { $0 + b }, { $0 - b }, { $0 * b }, { $0 / b }, { b / $0 },
            { 3 - $0 }, { 1.5 / $0 }, { -$0 * $0 },
        ]
        for f in fs {
            let (analytic, numerical) = valueDerivatives(f, at: 0.8)
            #expect(GradientCheck.relativeError(analytic, numerical) < 1e-8)
        }
    }
}
