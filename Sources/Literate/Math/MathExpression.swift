import Foundation

/// A number written in a side, with the precision its digits claim.
struct MathLiteral: Hashable, Sendable {
    /// The digits as written, without sign: `0.778801`, `2`.
    var text: String
    var value: Double
    /// Half a unit of the last written digit; 0 for an integer, which is exact.
    var halfUnit: Double
    /// Byte offset in the math's text.
    var offset: Int

    init(text: String, offset: Int) {
        self.text = text
        self.offset = offset
        value = Double(text) ?? .nan
        let decimals = text.firstIndex(of: ".").map { text.distance(from: $0, to: text.endIndex) - 1 } ?? 0
        halfUnit = decimals == 0 ? 0 : 0.5 * pow(10, -Double(decimals))
    }
}

/// A numeric side as a tree; `literal(i)` refers to the side's i-th literal, so the side can be
/// evaluated again with one literal moved (how the chain rule propagates written precision).
///
/// A run of sums or products is one `chain` node, not a left-leaning tower of `binary` nodes:
/// the tree is as deep as the formula is nested, never as long as it is, so a flat sum of
/// 100,000 terms is evaluated (and freed) without 100,000 nested calls.
indirect enum MathExpression: Hashable, Sendable {
    /// `plusMinus` and `minusPlus` (`\pm`, `\mp`) are never evaluated: a side holding them is
    /// split into its two branches first (`MathPlusMinus`).
    enum Operation: Hashable, Sendable { case add, subtract, multiply, divide, power, hadamard, plusMinus, minusPlus }

    /// One step of a chain: the operation and its right operand.
    struct Step: Hashable, Sendable {
        var operation: Operation
        var operand: MathExpression
    }

    case literal(Int)
    case constant(Double)
    case negate(MathExpression)
    case binary(Operation, MathExpression, MathExpression)
    /// `first op1 a op2 b ...`, evaluated left to right: `((first op1 a) op2 b) ...`.
    case chain(MathExpression, [Step])
    /// `sigma`, `tanh`, `exp`, `ln`, `log`, `sqrt`, `relu`, `max`, `min`, `abs`, `sin`, `cos`, `sinh`, `cosh`,
    /// and `ceil`, `floor` of a number (`MathRounding`).
    case function(String, [MathExpression])
    case matrix(rows: Int, columns: Int, [MathExpression])
    case tuple([MathExpression])
    case transpose(MathExpression)
    /// A side with `\pm`: its upper and lower branch, each a number (`MathPlusMinus`).
    case branches([MathExpression])

    /// The value with the literals' values given (`values[i]` for `literal(i)`).
    func evaluate(_ values: [Double]) throws -> MathValue {
        switch self {
        case .literal(let index): return MathValue(values[index])
        case .constant(let value): return MathValue(value)
        case .negate(let operand): return try operand.evaluate(values).map { -$0 }
        case .binary(let operation, let left, let right):
            return try MathExpression.combine(operation, try left.evaluate(values), try right.evaluate(values))
        case .chain(let first, let steps):
            var result = try first.evaluate(values)
            for step in steps { result = try MathExpression.combine(step.operation, result, try step.operand.evaluate(values)) }
            return result
        case .function(let name, let arguments):
            let inputs = try arguments.map { try $0.evaluate(values) }
            return try MathExpression.apply(name, inputs)
        case .matrix(let rows, let columns, let cells):
            return MathValue(rows: rows, columns: columns, elements: try MathExpression.scalars(cells, values))
        case .tuple(let items):
            let entries = try MathExpression.scalars(items, values)
            return MathValue(rows: 1, columns: entries.count, elements: entries, isTuple: true)
        case .branches(let items):
            let entries = try MathExpression.scalars(items, values)
            return MathValue(rows: 1, columns: entries.count, elements: entries, isPlusMinus: true)
        case .transpose(let operand):
            // A tuple transposed, `(0, 0, 1)^\top`, is the column with those entries.
            return try operand.evaluate(values).transposed
        }
    }

    /// The value of a side without matrices or tuples, computed without allocating: nil when
    /// the side holds a matrix or a tuple (then `evaluate` is the way).
    func scalar(_ values: [Double]) -> Double? {
        switch self {
        case .literal(let index): return values[index]
        case .constant(let value): return value
        case .negate(let operand): return operand.scalar(values).map { -$0 }
        case .binary(let operation, let left, let right):
            guard let a = left.scalar(values), let b = right.scalar(values) else { return nil }
            return MathExpression.combine(operation, a, b)
        case .chain(let first, let steps):
            guard var result = first.scalar(values) else { return nil }
            for step in steps {
                guard let b = step.operand.scalar(values) else { return nil }
                result = MathExpression.combine(step.operation, result, b)
            }
            return result
        case .function(let name, let arguments):
            if arguments.count == 1, let x = arguments[0].scalar(values) {
                switch name {
                case "sigma": return 1 / (1 + exp(-x))
                case "tanh": return tanh(x)
                case "exp": return exp(x)
                case "ln", "log": return log(x)
                case "sqrt": return x.squareRoot()
                case "relu": return Swift.max(0, x)
                case "abs": return Swift.abs(x)
                case "sin": return sin(x)
                case "cos": return cos(x)
                case "sinh": return sinh(x)
                case "cosh": return cosh(x)
                case "ceil", "floor": return MathRounding.apply(name, x)
                default: return nil
                }
            }
            guard name == "max" || name == "min", arguments.count >= 2 else { return nil }
            var result: Double?
            for argument in arguments {
                guard let x = argument.scalar(values) else { return nil }
                result = result.map { name == "max" ? Swift.max($0, x) : Swift.min($0, x) } ?? x
            }
            return result
        case .matrix, .tuple, .transpose, .branches: return nil
        }
    }

    /// The entries of a matrix, tuple or ± branches, each evaluated and each a number.
    static func scalars(_ items: [MathExpression], _ values: [Double]) throws -> [Double] {
        try items.map { item in
            let value = try item.evaluate(values)
            guard value.isScalar else { throw MathParser.NotNumeric() }
            return value.scalar
        }
    }

    /// `a op b` for numbers.
    static func combine(_ operation: Operation, _ a: Double, _ b: Double) -> Double {
        switch operation {
        case .add: return a + b
        case .subtract: return a - b
        case .multiply, .hadamard: return a * b
        case .divide: return a / b
        case .power: return pow(a, b)
        case .plusMinus, .minusPlus: return .nan  // split into branches before evaluating
        }
    }

    /// `a op b` for numbers, matrices and tuples.
    static func combine(_ operation: Operation, _ a: MathValue, _ b: MathValue) throws -> MathValue {
        switch operation {
        case .add: return try MathValue.elementwise(a, b, +)
        case .subtract: return try MathValue.elementwise(a, b, -)
        case .multiply: return try MathValue.product(a, b)
        case .hadamard: return try MathValue.elementwise(a, b, *)
        case .divide:
            guard b.isScalar else { throw MathParser.NotNumeric() }
            return a.map { $0 / b.scalar }
        case .power:
            guard a.isScalar, b.isScalar else { throw MathParser.NotNumeric() }
            return MathValue(pow(a.scalar, b.scalar))
        case .plusMinus, .minusPlus:
            throw MathParser.NotNumeric()  // split into branches before evaluating
        }
    }

    /// Functions act element by element; `max` and `min` take several arguments, a number
    /// among them standing for every element (`\max(0, Z)`).
    static func apply(_ name: String, _ inputs: [MathValue]) throws -> MathValue {
        if name == "max" || name == "min" {
            guard inputs.count >= 2 else { throw MathParser.NotNumeric() }
            var result = inputs[0]
            for next in inputs.dropFirst() {
                if result.isScalar && !next.isScalar { result = next.map { _ in result.scalar } }
                let broadcast = next.isScalar ? result.map { _ in next.scalar } : next
                result = try MathValue.elementwise(result, broadcast, name == "max" ? { Swift.max($0, $1) } : { Swift.min($0, $1) })
            }
            return result
        }
        guard inputs.count == 1 else { throw MathParser.NotNumeric() }
        if MathRounding.names.contains(name) {
            // Rounding a matrix element by element is not how the chapters use it: numbers only.
            guard inputs[0].isScalar else { throw MathParser.NotNumeric() }
            return MathValue(MathRounding.apply(name, inputs[0].scalar))
        }
        let function: (Double) -> Double
        switch name {
        case "sigma": function = { 1 / (1 + exp(-$0)) }
        case "tanh": function = tanh
        case "exp": function = exp
        case "ln", "log": function = log
        case "sqrt": function = { $0.squareRoot() }
        case "relu": function = { Swift.max(0, $0) }
        case "abs": function = { Swift.abs($0) }
        case "sin": function = sin
        case "cos": function = cos
        case "sinh": function = sinh
        case "cosh": function = cosh
        default: throw MathParser.NotNumeric()
        }
        return inputs[0].map(function)
    }
}
