import Foundation
import Testing
import Learning

@Suite struct ValueTests {
    @Test func productPlusAFork() {
        // f = x y + x at x = 2, y = 3: f = 6 + 2 = 8. By hand: ∂f/∂x = y + 1 = 4 (x is used
        // twice, the two paths add), ∂f/∂y = x = 2.
        let x = Value(2, label: "x"), y = Value(3, label: "y")
        let f = x * y + x
        f.backward()
        #expect(f.data == 8)
        #expect(f.grad == 1)
        #expect(x.grad == 4)
        #expect(y.grad == 2)
    }

    @Test func aNodeUsedTwiceInOneOperation() {
        // x · x at x = 3: 9; the one node is both inputs, so ∂/∂x = 3 + 3 = 6.
        let x = Value(3)
        let square = x * x
        square.backward()
        #expect(square.data == 9)
        #expect(x.grad == 6)
    }

    @Test func differenceOfSquares() {
        // g = (x + y)(x - y) at x = 3, y = 1: 4 · 2 = 8. By hand: ∂g/∂x = (x - y) + (x + y) = 2 + 4 = 6,
        // ∂g/∂y = (x - y) · 1 + (x + y) · (-1) = 2 - 4 = -2.
        let x = Value(3), y = Value(1)
        let g = (x + y) * (x - y)
        g.backward()
        #expect(g.data == 8)
        #expect(x.grad == 6)
        #expect(y.grad == -2)
    }

    @Test func aTanhNeuron() {
        // o = tanh(x1 w1 + x2 w2 + b), x = (2, 0), w = (-3, 1), b = 6 + ln(1 + √2):
        // n = -6 + 0 + 6 + ln(1 + √2) = ln(1 + √2), and tanh(ln(1 + √2)) = 1/√2 = 0.70710678.
        // By hand: ∂o/∂n = 1 - o² = 1 - ½ = 0.5; ∂o/∂w1 = x1 · 0.5 = 1; ∂o/∂x1 = w1 · 0.5 = -1.5;
        // ∂o/∂w2 = x2 · 0.5 = 0; ∂o/∂x2 = w2 · 0.5 = 0.5; ∂o/∂b = 0.5.
        let x1 = Value(2), x2 = Value(0), w1 = Value(-3), w2 = Value(1)
        let b = Value(6 + log(1 + 2.0.squareRoot()))
        let o = (x1 * w1 + x2 * w2 + b).tanh()
        o.backward()
        #expect(isClose(o.data, 1 / 2.0.squareRoot(), within: 1e-15))
        #expect(isClose(w1.grad, 1, within: 1e-15))
        #expect(isClose(x1.grad, -1.5, within: 1e-15))
        #expect(w2.grad == 0)
        #expect(isClose(x2.grad, 0.5, within: 1e-15))
        #expect(isClose(b.grad, 0.5, within: 1e-15))
    }

    @Test func backwardTwiceGivesTheSameGradients() {
        let x = Value(2), y = Value(3)
        let f = x * y + x
        f.backward()
        f.backward()
        #expect(x.grad == 4)
        #expect(y.grad == 2)
    }

    @Test func topologicalOrderPutsInputsFirst() {
        let x = Value(2, label: "x"), y = Value(3, label: "y")
        let product = x * y
        let f = product + x
        let order = f.topologicalOrder()
        #expect(order.count == 4)  // x, y, x·y, f: x once although used twice
        #expect(order.last === f)
        for (k, node) in order.enumerated() {
            for input in node.inputs {
                #expect(order.prefix(k).contains { $0 === input })
            }
        }
    }

    @Test func aLongChainDoesNotOverflowTheStack() {
        // 100 000 additions of 1: ∂(x + 1 + 1 + ...)/∂x = 1, and the result is x + 100 000.
        let x = Value(0.5)
        var total = x
        for _ in 0..<100_000 { total += 1 }
        total.backward()
        #expect(total.data == 100_000.5)
        #expect(x.grad == 1)
    }

    @Test func leavesAndDescriptions() {
        let x = Value(2, label: "x")
        #expect(x.inputs.isEmpty && x.operation == "")
        let f = x * 3
        f.backward()
        #expect(f.operation == "*")
        #expect(f.localDerivatives == [3])
        #expect(x.description == "Value(x = 2.0, grad 3.0)")
        #expect(f.description == "Value(6.0, grad 1.0)")
    }

    @Test func aNewOperationNeedsOneLocalDerivativePerInput() async {
        await #expect(processExitsWith: .failure) {
            _ = Value(1, inputs: [Value(1), Value(2)], localDerivatives: [1], operation: "broken")
        }
    }

    /// The cost of a 2-2-1 network (tanh hidden, sigmoid output) on two examples, written
    /// with `Value`s: J = (1/m) Σ_examples ½ (a - y)², the book's mean squared error.
    /// `p` holds W1 (row by row), b1, W2, b2: 9 numbers, in the order of `Network.parameters`.
    static func twoTwoOneCost(_ p: [Value]) -> Value {
        let examples: [([Double], Double)] = [([0.5, -1.2], 1), ([-0.3, 0.8], 0)]
        var terms: [Value] = []
        for (x, y) in examples {
            let h1 = (p[0] * x[0] + p[1] * x[1] + p[4]).tanh()
            let h2 = (p[2] * x[0] + p[3] * x[1] + p[5]).tanh()
            let a = (p[6] * h1 + p[7] * h2 + p[8]).sigmoid()
            terms.append(0.5 * (a - y).pow(2))
        }
        return terms.sum() / Double(examples.count)
    }

    static let start: [Double] = [0.4, -0.7, 0.2, 0.9, 0.1, -0.3, 1.1, -0.6, 0.05]

    @Test func networkLossAgainstCentralDifferences() {
        let parameters = Self.start.map { Value($0) }
        let cost = Self.twoTwoOneCost(parameters)
        cost.backward()
        for k in parameters.indices {
            let numerical = GradientCheck.centralDifference(of: { value in
                var probe = Self.start
                probe[k] = value
                return Self.twoTwoOneCost(probe.map { Value($0) }).data
            }, at: Self.start[k])
            #expect(GradientCheck.relativeError(parameters[k].grad, numerical) < 1e-7)
        }
        #expect(parameters.allSatisfy { $0.grad != 0 })
    }

    @Test func networkLossAgainstLearningsBackpropagation() {
        // The same network as Dense layers: backpropagation by matrices and by Values agree.
        let p = Self.start
        let network = Network([
            Dense(weights: Matrix([[p[0], p[1]], [p[2], p[3]]]), bias: Matrix(column: [p[4], p[5]]), activation: .tanh),
            Dense(weights: Matrix([[p[6], p[7]]]), bias: Matrix(column: [p[8]]), activation: .sigmoid),
        ])
        let inputs = Matrix(columns: [[0.5, -1.2], [-0.3, 0.8]]), expected = Matrix([[1, 0]])
        let matrices = network.gradients(inputs: inputs, expected: expected, loss: MeanSquaredError()).flattened
        let parameters = p.map { Value($0) }
        let cost = Self.twoTwoOneCost(parameters)
        cost.backward()
        #expect(isClose(cost.data, network.cost(inputs: inputs, expected: expected, loss: MeanSquaredError()), within: 1e-15))
        let byMatrices = matrices.flatMap(\.elements)
        for k in p.indices {
            #expect(isClose(parameters[k].grad, byMatrices[k], within: 1e-15))
        }
    }
}
