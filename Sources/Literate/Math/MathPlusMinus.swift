/// `\pm` and `\mp`: a side such as `1 \pm \sqrt{0.1}` has two values, its **upper branch**
/// (every `\pm` read as `+`, every `\mp` as `-`) and its **lower branch** (the reverse), as
/// the quadratic formula means them: one sign throughout a side, `\mp` the opposite one.
///
/// Such a side's value is the pair (upper, lower), compared branch by branch with the pair
/// of the side before under the chain rule, so `1 \pm \sqrt{0.1} = 1 \pm 0.316228` is two
/// checks; a pair is never equal to one number (a shape error says so). A leading `\pm x`
/// is `0 \pm x`. Each branch must be a number.
extension MathExpression {
    /// Whether the tree holds a `\pm` or a `\mp`.
    var hasPlusMinus: Bool {
        switch self {
        case .literal, .constant: return false
        case .negate(let operand), .transpose(let operand): return operand.hasPlusMinus
        case .binary(let operation, let left, let right):
            return operation == .plusMinus || operation == .minusPlus || left.hasPlusMinus || right.hasPlusMinus
        case .chain(let first, let steps):
            return first.hasPlusMinus || steps.contains { $0.operation == .plusMinus || $0.operation == .minusPlus || $0.operand.hasPlusMinus }
        case .function(_, let items), .matrix(_, _, let items), .tuple(let items), .branches(let items): return items.contains { $0.hasPlusMinus }
        }
    }

    /// The tree with every `\pm` read as `+` and every `\mp` as `-` (`upper` true), or the reverse.
    func choosingBranch(upper: Bool) -> MathExpression {
        func operation(_ operation: Operation) -> Operation {
            switch operation {
            case .plusMinus: return upper ? .add : .subtract
            case .minusPlus: return upper ? .subtract : .add
            default: return operation
            }
        }
        switch self {
        case .literal, .constant: return self
        case .negate(let operand): return .negate(operand.choosingBranch(upper: upper))
        case .transpose(let operand): return .transpose(operand.choosingBranch(upper: upper))
        case .binary(let op, let left, let right):
            return .binary(operation(op), left.choosingBranch(upper: upper), right.choosingBranch(upper: upper))
        case .chain(let first, let steps):
            return .chain(first.choosingBranch(upper: upper),
                          steps.map { .init(operation: operation($0.operation), operand: $0.operand.choosingBranch(upper: upper)) })
        case .function(let name, let items): return .function(name, items.map { $0.choosingBranch(upper: upper) })
        case .matrix(let rows, let columns, let items): return .matrix(rows: rows, columns: columns, items.map { $0.choosingBranch(upper: upper) })
        case .tuple(let items): return .tuple(items.map { $0.choosingBranch(upper: upper) })
        case .branches(let items): return .branches(items.map { $0.choosingBranch(upper: upper) })
        }
    }

    /// The side as its two branches, `.branches([upper, lower])`, when it holds `\pm` or `\mp`;
    /// itself otherwise.
    var splittingBranches: MathExpression {
        hasPlusMinus ? .branches([choosingBranch(upper: true), choosingBranch(upper: false)]) : self
    }
}
