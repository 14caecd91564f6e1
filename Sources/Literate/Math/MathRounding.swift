import Foundation

/// Rounding up and down, `\lceil x \rceil` and `\lfloor x \rfloor` (also written
/// `\left\lceil ... \right\rceil`), and the rule that keeps them sound.
///
/// - **Binary rounding.** A value computed in binary within 1e-12 (relative, at least
///   absolute) of a whole number is that whole number first, so `\lceil 0.1 \cdot 30 \rceil`
///   is 3, as on paper, not 4.
/// - **Written rounding.** A literal first written in a later side is rounded (it carries half
///   a unit of its last digit, `MathChainRule`). A ceiling or floor of a rounded value is
///   only known when every value the rounding allows gives the same whole number:
///   `\lceil 37.5 \rceil` is 38 for anything in 37.45 ... 37.55, but `\lceil 2.0 \rceil` is 2
///   or 3 for 1.95 ... 2.05, so the digits written do not decide it and the step is an error
///   that says to write the argument exactly (`150/4`) or with more digits. A decided ceiling
///   is a constant: it adds no allowance, so a rounding tolerance never widens into a jump of 1.
///   The chain's inputs (its first numeric side) are exact, so `\lceil 2.0 \rceil = 2` there.
enum MathRounding {
    /// `⌈x⌉`, a value within binary rounding of a whole number taken as that number.
    static func ceiling(_ x: Double) -> Double { snapped(x) ?? x.rounded(.up) }

    /// `⌊x⌋`, a value within binary rounding of a whole number taken as that number.
    static func floor(_ x: Double) -> Double { snapped(x) ?? x.rounded(.down) }

    /// The whole number `x` is within binary rounding of, if any.
    static func snapped(_ x: Double) -> Double? {
        let whole = x.rounded()
        return abs(x - whole) <= 1e-12 * max(1, abs(x)) ? whole : nil
    }

    /// `ceil` or `floor` applied to `x`.
    static func apply(_ name: String, _ x: Double) -> Double { name == "ceil" ? ceiling(x) : floor(x) }

    static let names: Set<String> = ["ceil", "floor"]
}

/// A ceiling or floor whose whole number the written digits do not decide: its argument's
/// value and how far the side's rounded literals may move it.
struct UndecidedRounding: Hashable, Sendable {
    /// `ceil` or `floor`.
    var name: String
    var argument: Double
    var room: Double

    /// `the ceiling here is not decided by the digits written: its argument is 2 ± 0.05, ...`.
    var message: String {
        let kind = name == "ceil" ? "ceiling" : "floor"
        let low = MathRounding.apply(name, argument - room), high = MathRounding.apply(name, argument + room)
        func shown(_ x: Double) -> String { String(format: "%.10g", x) }
        return "the \(kind) here is not decided by the digits written: its argument is \(shown(argument)) ± "
            + "\(WrittenNumber.format(room)), which gives \(shown(low)) or \(shown(high)); "
            + "write the argument exactly (a fraction such as 150/4) or with more digits"
    }
}

extension MathExpression {
    /// Whether the tree holds a ceiling or a floor.
    var hasRounding: Bool {
        switch self {
        case .literal, .constant: return false
        case .negate(let operand), .transpose(let operand): return operand.hasRounding
        case .binary(_, let left, let right): return left.hasRounding || right.hasRounding
        case .chain(let first, let steps): return first.hasRounding || steps.contains { $0.operand.hasRounding }
        case .function(let name, let arguments): return MathRounding.names.contains(name) || arguments.contains { $0.hasRounding }
        case .matrix(_, _, let items), .tuple(let items), .branches(let items): return items.contains { $0.hasRounding }
        }
    }

    /// The tree with every ceiling and floor replaced by its value at `values` (outermost
    /// first): how the side varies with its literals once its roundings are decided.
    func freezingRoundings(_ values: [Double]) -> MathExpression {
        switch self {
        case .literal, .constant: return self
        case .negate(let operand): return .negate(operand.freezingRoundings(values))
        case .transpose(let operand): return .transpose(operand.freezingRoundings(values))
        case .binary(let operation, let left, let right):
            return .binary(operation, left.freezingRoundings(values), right.freezingRoundings(values))
        case .chain(let first, let steps):
            return .chain(first.freezingRoundings(values), steps.map { .init(operation: $0.operation, operand: $0.operand.freezingRoundings(values)) })
        case .function(let name, let arguments):
            if MathRounding.names.contains(name), let value = scalar(values) { return .constant(value) }
            return .function(name, arguments.map { $0.freezingRoundings(values) })
        case .matrix(let rows, let columns, let items): return .matrix(rows: rows, columns: columns, items.map { $0.freezingRoundings(values) })
        case .tuple(let items): return .tuple(items.map { $0.freezingRoundings(values) })
        case .branches(let items): return .branches(items.map { $0.freezingRoundings(values) })
        }
    }

    /// Every ceiling and floor in the tree, inner ones too.
    var roundings: [(name: String, argument: MathExpression)] {
        switch self {
        case .literal, .constant: return []
        case .negate(let operand), .transpose(let operand): return operand.roundings
        case .binary(_, let left, let right): return left.roundings + right.roundings
        case .chain(let first, let steps): return first.roundings + steps.flatMap { $0.operand.roundings }
        case .function(let name, let arguments):
            let inner = arguments.flatMap(\.roundings)
            return MathRounding.names.contains(name) && arguments.count == 1 ? [(name, arguments[0])] + inner : inner
        case .matrix(_, _, let items), .tuple(let items), .branches(let items): return items.flatMap(\.roundings)
        }
    }

    /// The first ceiling or floor whose whole number changes when the literals at `indices`
    /// move within `halfUnits` (to first order, together, inner roundings decided): nil when
    /// every one is decided.
    func undecidedRounding(_ values: [Double], halfUnits: [Double], indices: [Int]) -> UndecidedRounding? {
        for (name, argument) in roundings {
            let frozen = argument.freezingRoundings(values)
            guard let a = frozen.scalar(values) else { continue }
            var room = 0.0
            var moved = values
            for index in indices where halfUnits[index] > 0 {
                let h = halfUnits[index]
                moved[index] = values[index] + h
                let high = frozen.scalar(moved)
                moved[index] = values[index] - h
                let low = frozen.scalar(moved)
                moved[index] = values[index]
                if let high, let low, high.isFinite, low.isFinite { room += abs(high - low) / 2 } else { room = .infinity }
            }
            if MathRounding.apply(name, a - room) != MathRounding.apply(name, a + room) {
                return UndecidedRounding(name: name, argument: a, room: room)
            }
        }
        return nil
    }
}
