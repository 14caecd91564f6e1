import Foundation

/// Parses one side of a chain into a `MathExpression`, or says it is not numeric.
///
/// Grammar (TeX as the chapters write it):
///
///     sum     := product (("+" | "-" | "\pm" | "\mp") product)*   (`MathPlusMinus`)
///     product := signed (("\cdot" | "\times" | "*" | "/" | "\div" | "\odot" | juxtaposition) signed)*
///     signed  := ("-" | "+" | "\pm" | "\mp") signed | power
///     power   := primary ("^" argument | "^\top")*
///     primary := number | "(" sum ("," sum)* ")" | "[" sum "]" | "{" sum "}" | "|" sum "|"
///              | \frac a b | \tfrac | \dfrac | \sqrt[n]{x} | e^{x} | \pi
///              | function | pmatrix/bmatrix | \underbrace{x}_{note} | \mathrm{ReLU}(x)
///              | \lceil sum \rceil | \lfloor sum \rfloor   (`MathRounding`)
///     function := (\sigma | \tanh | \exp | \ln | \log | \max | \min | ...) ["^" n] (arguments | power)
///
/// A free variable, a subscript, a prime or any construct outside this grammar makes the side
/// symbolic: `NotNumeric` is thrown and the side is not compared.
///
/// Runs of `+ -` and of products are read in loops into one `chain` node each; only nesting
/// (brackets, groups, signs) recurses, and nesting deeper than `maximumDepth` is not read
/// (`NotNumeric`), so no formula, however long, can exhaust the stack.
struct MathParser {
    struct NotNumeric: Error {}
    /// A function named without an argument (`1 - \tanh^2`, `\sigma(1 - \sigma)`): the side
    /// speaks of the function, not of a number, so it is symbolic, like a side with a variable.
    struct NamesAFunction: Error {}

    /// How deeply brackets, groups and signs may nest in a side that is read.
    static let maximumDepth = 200
    private var depth = 0

    static let functions: [String: String] = [
        "sigma": "sigma", "tanh": "tanh", "exp": "exp", "ln": "ln", "log": "log", "max": "max", "min": "min",
        "sin": "sin", "cos": "cos", "sinh": "sinh", "cosh": "cosh", "ReLU": "relu", "relu": "relu",
    ]
    static let matrices: Set<String> = ["pmatrix", "bmatrix", "matrix", "Bmatrix", "smallmatrix"]

    private var tokens: [MathToken]
    private var position = 0
    private(set) var literals: [MathLiteral] = []

    /// The side's tree and its literals, in written order.
    static func parse(_ tokens: [MathToken]) throws -> (MathExpression, [MathLiteral]) {
        var parser = MathParser(tokens: tokens)
        let expression = try parser.sum()
        guard parser.position == parser.tokens.count else { throw NotNumeric() }
        return (expression, parser.literals)
    }

    private init(tokens: [MathToken]) { self.tokens = tokens }

    private var current: MathToken? { position < tokens.count ? tokens[position] : nil }
    private func at(_ character: Character) -> Bool { current?.isSymbol(character) ?? false }
    private func atCommand(_ name: String) -> Bool { current?.isCommand(name) ?? false }

    private mutating func expect(_ character: Character) throws {
        guard at(character) else { throw NotNumeric() }
        position += 1
    }

    private mutating func sum() throws -> MathExpression {
        depth += 1
        defer { depth -= 1 }
        guard depth <= MathParser.maximumDepth else { throw NotNumeric() }
        let first = try product()
        var steps: [MathExpression.Step] = []
        while true {
            if at("+") { position += 1; steps.append(.init(operation: .add, operand: try product())) }
            else if at("-") { position += 1; steps.append(.init(operation: .subtract, operand: try product())) }
            else if atCommand("pm") { position += 1; steps.append(.init(operation: .plusMinus, operand: try product())) }
            else if atCommand("mp") { position += 1; steps.append(.init(operation: .minusPlus, operand: try product())) }
            else { return steps.isEmpty ? first : .chain(first, steps) }
        }
    }

    private mutating func product() throws -> MathExpression {
        let first = try signed()
        var steps: [MathExpression.Step] = []
        func result() -> MathExpression { steps.isEmpty ? first : .chain(first, steps) }
        while let token = current {
            switch token.kind {
            case .command("cdot"), .command("times"), .symbol("*"):
                position += 1
                steps.append(.init(operation: .multiply, operand: try signed()))
            case .symbol("/"), .command("div"):
                position += 1
                steps.append(.init(operation: .divide, operand: try signed()))
            case .command("odot"):
                position += 1
                steps.append(.init(operation: .hadamard, operand: try signed()))
            case .symbol("+"), .symbol("-"), .symbol(")"), .symbol("]"), .symbol("}"), .symbol(","), .symbol("|"), .symbol("&"), .rowBreak,
                 .command("rceil"), .command("rfloor"), .command("pm"), .command("mp"):
                return result()
            case .number:
                throw NotNumeric()  // two numbers side by side mean nothing arithmetic
            case .command("end"):
                return result()
            default:
                steps.append(.init(operation: .multiply, operand: try power()))  // juxtaposition: (a)(b), 2\sigma(x)
            }
        }
        return result()
    }

    private mutating func signed() throws -> MathExpression {
        depth += 1
        defer { depth -= 1 }
        guard depth <= MathParser.maximumDepth else { throw NotNumeric() }
        if at("-") { position += 1; return .negate(try signed()) }
        if at("+") { position += 1; return try signed() }
        if atCommand("pm") || atCommand("mp") {
            let operation: MathExpression.Operation = atCommand("pm") ? .plusMinus : .minusPlus
            position += 1
            return .binary(operation, .constant(0), try signed())
        }
        return try power()
    }

    private mutating func power() throws -> MathExpression {
        var result = try primary()
        var steps: [MathExpression.Step] = []
        var transposes = 0
        while at("^") {
            position += 1
            if isTransposeMark() {
                transposes += 1
                guard transposes <= MathParser.maximumDepth else { throw NotNumeric() }
                if !steps.isEmpty { result = .chain(result, steps) }
                steps = []
                result = .transpose(result)
                continue
            }
            steps.append(.init(operation: .power, operand: try argument()))
        }
        if at("_") || at("'") || at("!") { throw NotNumeric() }
        return steps.isEmpty ? result : .chain(result, steps)
    }

    /// `^\top`, `^T`, `^{\top}`, `^{T}`: consumes the mark and says so.
    private mutating func isTransposeMark() -> Bool {
        let marks: [MathToken.Kind] = [.command("top"), .letter("T"), .command("intercal")]
        if let token = current, marks.contains(token.kind) { position += 1; return true }
        if at("{"), position + 2 < tokens.count, marks.contains(tokens[position + 1].kind), tokens[position + 2].isSymbol("}") {
            position += 3
            return true
        }
        return false
    }

    /// A TeX argument: a `{...}` group, or a single token (`\frac12` is 1/2, `x^23` is x²·3).
    private mutating func argument() throws -> MathExpression {
        guard let token = current else { throw NotNumeric() }
        if token.isSymbol("{") {
            position += 1
            let inner = try sum()
            try expect("}")
            return inner
        }
        if case .number(let text) = token.kind, text.count > 1 {
            // Take one digit; the rest stays for what follows.
            tokens[position] = MathToken(kind: .number(String(text.dropFirst())), offset: token.offset + 1)
            return literal(String(text.prefix(1)), offset: token.offset)
        }
        return try primary()
    }

    private mutating func literal(_ text: String, offset: Int) -> MathExpression {
        literals.append(MathLiteral(text: text, offset: offset))
        return .literal(literals.count - 1)
    }

    private mutating func primary() throws -> MathExpression {
        depth += 1
        defer { depth -= 1 }
        guard depth <= MathParser.maximumDepth, let token = current else { throw NotNumeric() }
        position += 1
        switch token.kind {
        case .number(let text):
            return literal(text, offset: token.offset)
        case .symbol("("), .symbol("["):
            let closing: Character = token.isSymbol("(") ? ")" : "]"
            var items = [try sum()]
            while at(",") { position += 1; items.append(try sum()) }
            try expect(closing)
            return items.count == 1 ? items[0] : .tuple(items)
        case .symbol("{"):
            let inner = try sum()
            try expect("}")
            return inner
        case .symbol("|"):
            let inner = try sum()
            try expect("|")
            return .function("abs", [inner])
        case .letter("e"):
            // Euler's number, with or without a power (`\ln(1 + e)`); a side with numbers and
            // any other letter is symbolic (`NumericSide`), so e is never a variable here.
            return .constant(M_E)
        case .command("pi"):
            return .constant(Double.pi)
        case .command("frac"), .command("tfrac"), .command("dfrac"), .command("cfrac"):
            let numerator = try argument()
            return .binary(.divide, numerator, try argument())
        case .command("sqrt"):
            if at("[") {
                position += 1
                let degree = try sum()
                try expect("]")
                return .binary(.power, try argument(), .binary(.divide, .constant(1), degree))
            }
            return .function("sqrt", [try argument()])
        case .command("underbrace"), .command("overbrace"):
            let inner = try argument()
            if at("_") || at("^") {
                position += 1
                if at("{") { position = MathChains.skipGroup(tokens, from: position) } else { position += 1 }
            }
            return inner
        case .command("mathrm"), .command("operatorname"), .command("text"), .command("textrm"):
            let name = try groupName()
            if name == "e" { return .constant(M_E) }
            guard let function = MathParser.functions[name] else { throw NotNumeric() }
            return try application(function)
        case .command("begin"):
            return try matrix()
        case .command("lceil"), .command("lfloor"):
            // `\left\lceil ... \right\rceil` reads the same: the lexer drops `\left` and `\right`.
            let inner = try sum()
            let name = token.isCommand("lceil") ? "ceil" : "floor"
            guard atCommand(name == "ceil" ? "rceil" : "rfloor") else { throw NotNumeric() }
            position += 1
            return .function(name, [inner])
        case .command(let name):
            guard let function = MathParser.functions[name] else { throw NotNumeric() }
            return try application(function)
        default:
            throw NotNumeric()
        }
    }

    /// The letters of a `{ReLU}` group after `\mathrm` or `\operatorname`.
    private mutating func groupName() throws -> String {
        try expect("{")
        var name = ""
        while let token = current, case .letter(let c) = token.kind { name.append(c); position += 1 }
        try expect("}")
        return name
    }

    /// A function's arguments: `(a, b)` or a bare argument (`\ln 0.9`, `\exp{x}`); `\tanh^2(x)`
    /// squares the result; `\log_{10}` changes the base.
    private mutating func application(_ name: String) throws -> MathExpression {
        var exponent: MathExpression?
        var base: MathExpression?
        while at("^") || at("_") {
            let isPower = at("^")
            position += 1
            if isPower { exponent = try argument() } else { base = try argument() }
        }
        if takesNoArgument { throw NamesAFunction() }
        var result: MathExpression
        if at("(") || at("[") {
            let closing: Character = at("(") ? ")" : "]"
            position += 1
            var arguments = [try sum()]
            while at(",") { position += 1; arguments.append(try sum()) }
            try expect(closing)
            result = .function(name, arguments)
        } else {
            guard name != "max", name != "min", name != "sigma", name != "relu" else { throw NotNumeric() }
            result = .function(name, [try power()])
        }
        if let base {
            guard name == "log" else { throw NotNumeric() }
            result = .binary(.divide, result, .function("ln", [base]))
        }
        if let exponent { result = .binary(.power, result, exponent) }
        return result
    }

    /// Whether what follows a function's name cannot be its argument: the end of the side, an
    /// operator, a closing bracket (`\tanh' = 1 - \tanh^2`).
    private var takesNoArgument: Bool {
        guard let token = current else { return true }
        switch token.kind {
        case .symbol("+"), .symbol("-"), .symbol("*"), .symbol("/"), .symbol(")"), .symbol("]"), .symbol("}"),
             .symbol(","), .symbol("&"), .symbol("="), .rowBreak,
             .command("cdot"), .command("times"), .command("div"), .command("odot"), .command("rceil"), .command("rfloor"), .command("end"):
            return true
        default: return false
        }
    }

    /// `\begin{pmatrix} a & b \\ c & d \end{pmatrix}`, after `\begin`.
    private mutating func matrix() throws -> MathExpression {
        guard let (name, next) = MathChains.environmentName(tokens, after: position - 1), MathParser.matrices.contains(name) else {
            throw NotNumeric()
        }
        position = next
        var rows: [[MathExpression]] = [[]]
        while true {
            if atCommand("end") {
                guard let (closing, after) = MathChains.environmentName(tokens, after: position), closing == name else { throw NotNumeric() }
                position = after
                break
            }
            if current?.kind == .rowBreak {
                position += 1
                rows.append([])
                continue
            }
            rows[rows.count - 1].append(try sum())
            if at("&") {
                position += 1
                guard !atCommand("end"), current?.kind != .rowBreak else { throw NotNumeric() }
            } else if !(atCommand("end") || current?.kind == .rowBreak) {
                throw NotNumeric()
            }
        }
        if rows.count > 1, rows.last?.isEmpty == true { rows.removeLast() }  // a trailing `\\`
        let columns = rows[0].count
        guard columns > 0, rows.allSatisfy({ $0.count == columns }) else { throw NotNumeric() }
        return .matrix(rows: rows.count, columns: columns, rows.flatMap { $0 })
    }
}
