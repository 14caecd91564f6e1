/// Which brackets of a formula pair up, and which TeX itself would reject.
///
/// TeX lets `(` and `[` stand alone: the intervals `]0, 1[` and `[0, 1)` are valid. A bracket
/// without a partner must not swallow the rest of the formula (the chain splitter keeps what
/// is inside brackets in one side), so such brackets count as plain symbols: the equations
/// after them are still cut into chains and checked, and the side holding one is a side the
/// checker cannot read (counted in the summary). A `{` without its `}` and a `\left` without
/// its `\right` are TeX errors: the check reports them.
enum MathBrackets {
    /// Indices of the `(`, `)`, `[`, `]`, `{` and `}` tokens that have no partner. Round and
    /// square brackets pair with each other (`[0, 1)`), braces only with braces.
    static func unpaired(_ tokens: [MathToken]) -> Set<Int> {
        var loose = Set<Int>()
        var brackets: [Int] = []
        var braces: [Int] = []
        for (index, token) in tokens.enumerated() {
            switch token.kind {
            case .symbol("("), .symbol("["): brackets.append(index)
            case .symbol(")"), .symbol("]"): if brackets.popLast() == nil { loose.insert(index) }
            case .symbol("{"): braces.append(index)
            case .symbol("}"): if braces.popLast() == nil { loose.insert(index) }
            default: break
            }
        }
        return loose.union(brackets).union(braces)
    }

    /// What TeX rejects, as byte offsets in `text` with a message saying what to write: a `{`
    /// never closed, a `}` never opened, a `\left` without `\right` and the reverse.
    static func problems(in text: String) -> [(offset: Int, message: String)] {
        let bytes = Array(text.utf8)
        var problems: [(offset: Int, message: String)] = []
        var braces: [Int] = []
        var lefts: [Int] = []
        func isLetter(_ i: Int) -> Bool {
            i < bytes.count && ((bytes[i] >= 65 && bytes[i] <= 90) || (bytes[i] >= 97 && bytes[i] <= 122))
        }
        var index = 0
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: "%"):
                while index < bytes.count, bytes[index] != 10 { index += 1 }
            case UInt8(ascii: "\\"):
                var end = index + 1
                while isLetter(end) { end += 1 }
                let name = String(decoding: bytes[(index + 1)..<end], as: UTF8.self)
                if name == "left" { lefts.append(index) }
                if name == "right", lefts.popLast() == nil {
                    problems.append((index, "this \\right has no \\left before it: add the \\left (or \\left. for no bracket)"))
                }
                // `\\`, `\{`, `\}` and the like are one escaped character.
                index = end == index + 1 ? index + 2 : end
                continue
            case UInt8(ascii: "{"): braces.append(index)
            case UInt8(ascii: "}"):
                if braces.popLast() == nil { problems.append((index, "this } closes no {: remove it, or write \\} for a brace")) }
            default: break
            }
            index += 1
        }
        for offset in braces { problems.append((offset, "this { is never closed: add its }, or write \\{ for a brace")) }
        for offset in lefts {
            problems.append((offset, "this \\left is never closed: add \\right and the closing bracket (or \\right. for none); the math after it went unchecked"))
        }
        return problems.sorted { $0.offset < $1.offset }
    }
}
