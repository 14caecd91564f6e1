/// One number in a computation, remembering how it was computed, so that `backward()` can
/// find the derivative of a result with respect to every number that went into it:
/// reverse-mode automatic differentiation of scalar expressions (the design of Karpathy's
/// micrograd).
///
///     let x = Value(2, label: "x"), y = Value(3, label: "y")
///     let f = x * y + x          // f = 2 · 3 + 2 = 8
///     f.backward()
///     x.grad                      // ∂f/∂x = y + 1 = 4 (x is used twice: the paths add)
///     y.grad                      // ∂f/∂y = x = 2
///
/// Every operation (`+ - * /`, `pow`, `exp`, `log`, `tanh`, `sigmoid`, `relu`; see
/// Value+Operations.swift) makes a new node that keeps its inputs and, beside each, the
/// **local derivative** ∂(this node)/∂(that input), worked out when the node is made. The
/// chain rule then needs one rule only, applied from the result back to the leaves:
///
///     input.grad += localDerivative × node.grad
///
/// A node used twice (a fork) receives one such term from each use, so its gradient is the
/// sum over every path, as the multivariable chain rule says.
///
/// `Value` is a class: a node is shared by every expression that uses it, and `grad` is
/// written by `backward()`. Numbers that are not `Value`s (`2 * x`, `x - 1`) are constants:
/// they get no node and no gradient.
public final class Value {
    /// The number this node holds, computed when the node was made. Changing a leaf's data
    /// (a gradient-descent step on a weight) does not recompute the nodes made from it:
    /// build the expression again.
    public var data: Double
    /// ∂(result)/∂(this node), for the result whose `backward()` ran last; 0 before that.
    public var grad: Double = 0
    /// The nodes this one was computed from, in the operation's order (empty for a leaf).
    public private(set) var inputs: [Value]
    /// ∂(this node)/∂(inputs[k]) for each input, evaluated at the inputs' data.
    public let localDerivatives: [Double]
    /// The operation that made this node: `"+"`, `"*"`, `"tanh"`, ...; `""` for a leaf.
    public let operation: String
    /// A name for printing and drawing the graph, such as `"x"` or `"w1"`.
    public var label: String

    /// A leaf: a number given from outside (an input, a weight), with no inputs of its own.
    public init(_ data: Double, label: String = "") {
        self.data = data
        self.inputs = []
        self.localDerivatives = []
        self.operation = ""
        self.label = label
    }

    /// A node computed by `operation` from `inputs`, with ∂(node)/∂(inputs[k]) =
    /// `localDerivatives[k]`: how every operation makes its result, and how a new
    /// operation can be added outside this file.
    public init(_ data: Double, inputs: [Value], localDerivatives: [Double], operation: String, label: String = "") {
        if inputs.count != localDerivatives.count {
            fatalError("got \(localDerivatives.count) local derivatives for \(inputs.count) inputs: give one per input")
        }
        self.data = data
        self.inputs = inputs
        self.localDerivatives = localDerivatives
        self.operation = operation
        self.label = label
    }

    /// Releases a long chain of nodes one by one: the automatic release recurses once per
    /// node (each freeing its inputs), and a chain of 100 000 additions overflowed the stack.
    deinit {
        var pending = inputs
        inputs = []
        while var node = pending.popLast() {
            if isKnownUniquelyReferenced(&node) {
                pending.append(contentsOf: node.inputs)
                node.inputs = []
            }
        }
    }

    /// Every node this one depends on, itself included, each once, in an order in which
    /// every node comes after all of its inputs (a topological order; this node is last).
    public func topologicalOrder() -> [Value] {
        var order: [Value] = []
        var visited = Set<ObjectIdentifier>()
        // Depth first without recursion, so a long chain cannot overflow the stack:
        // a node is placed once all of its inputs have been placed.
        var stack: [(node: Value, nextInput: Int)] = [(self, 0)]
        visited.insert(ObjectIdentifier(self))
        while let top = stack.last {
            let node = top.node
            if top.nextInput < node.inputs.count {
                let input = node.inputs[top.nextInput]
                stack[stack.count - 1].nextInput += 1
                if visited.insert(ObjectIdentifier(input)).inserted {
                    stack.append((input, 0))
                }
            } else {
                order.append(node)
                stack.removeLast()
            }
        }
        return order
    }

    /// Backpropagation: sets `grad` of every node in this one's graph to ∂(this node)/∂(that
    /// node).
    ///
    /// Starts from ∂self/∂self = 1 and visits the nodes in reverse topological order, so a
    /// node's gradient is complete (every use added in) before it is passed to its inputs:
    ///
    ///     for node in topologicalOrder().reversed():
    ///         for each input k: input.grad += node.localDerivatives[k] × node.grad
    ///
    /// Every gradient in the graph is computed afresh: the graph's nodes are set to 0
    /// first, so running it twice gives the same numbers, not twice them.
    public func backward() {
        let order = topologicalOrder()
        for node in order { node.grad = 0 }
        grad = 1
        for node in order.reversed() {
            for (input, local) in zip(node.inputs, node.localDerivatives) {
                input.grad += local * node.grad
            }
        }
    }
}

extension Value: CustomStringConvertible {
    /// For example `Value(x = 2.0, grad 4.0)`, or `Value(8.0, grad 1.0)` without a label.
    public var description: String {
        let name = label.isEmpty ? "" : "\(label) = "
        return "Value(\(name)\(data), grad \(grad))"
    }
}
