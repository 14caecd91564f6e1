import Foundation

/// How one step `P = C` of a chain fared: the side C as written, and what P computes.
public struct MathStepResult: Hashable, Sendable, Codable {
    /// Where side C starts in the Markdown file.
    public var location: Location
    /// Side C as written, e.g. `0.562177` or `0.329900 - 0.203754 + 0.05`.
    public var written: String
    /// The value C was compared with (P's, or the chain's first side's when that one agreed),
    /// element by element, row by row.
    public var computed: [Double]
    /// The distance allowed: C's new literals' half units propagated to first order
    /// (plus one unit of the last digit after `\approx`).
    public var allowance: Double
    public var passed: Bool

    public init(location: Location, written: String, computed: [Double], allowance: Double, passed: Bool) {
        self.location = location
        self.written = written
        self.computed = computed
        self.allowance = allowance
        self.passed = passed
    }
}

/// A side that is arithmetic but has no value: NaN or infinite (a square root of a negative
/// number, a logarithm of 0, a division by 0, an overflow). Never skipped: it is an error.
struct UndefinedSide: Error {}

/// A side with numbers and no variable that the parser cannot read (a bracket without its
/// partner, `97\%`, a construct outside the grammar): not compared, but counted, never
/// skipped in silence.
struct UnreadableSide: Error {}

/// A side that parsed as arithmetic: its tree, its literals and its value.
struct NumericSide {
    var side: MathSide
    var expression: MathExpression
    var literals: [MathLiteral]
    var value: MathValue

    static let named: Set<String> = ["begin", "end", "mathrm", "operatorname", "text", "textrm"]
    /// Commands of arithmetic: those the parser reads, and a few it does not (`\%`, `\binom`,
    /// `\bmod`), which make a side unreadable (counted) rather than symbolic. Any
    /// other command is a name (`\alpha`, `\delta`, `\partial`): the side is symbolic.
    static let vocabulary: Set<String> = [
        "cdot", "times", "div", "odot", "frac", "tfrac", "dfrac", "cfrac", "sqrt", "underbrace", "overbrace",
        "mathrm", "operatorname", "text", "textrm", "begin", "end", "pi", "top", "intercal",
        "lceil", "rceil", "lfloor", "rfloor", "%", "pm", "mp", "binom", "bmod", "mod", "cdots", "ldots", "dots",
    ]

    /// Whether the side is a number computed without matrices or tuples (the fast path).
    var isScalar: Bool
    /// Whether the side rounds up or down (`MathRounding`): its derivatives are taken with
    /// those roundings decided.
    var hasRounding: Bool

    /// nil for a side that is not arithmetic (it has a free variable, or no number); throws
    /// `UndefinedSide` for arithmetic without a finite value, `UnreadableSide` for numbers the
    /// parser cannot read.
    init?(_ side: MathSide) throws {
        // A letter other than e (Euler's number) or T (a transpose) is a free variable.
        // Names in braces (`\begin{pmatrix}`, `\mathrm{ReLU}`, `\text{...}`) are not variables.
        // The note under a brace (`\underbrace{...}_{\text{via } w_1}`) is words, not math:
        // the parser skips it, and so does this scan.
        var hasNumber = false
        var index = 0
        let tokens = side.tokens
        var notes: [Int: Int] = [:]
        for (at, token) in tokens.enumerated() where token.kind == .command("underbrace") || token.kind == .command("overbrace") {
            guard at + 1 < tokens.count, tokens[at + 1].isSymbol("{") else { continue }
            let after = MathChains.skipGroup(tokens, from: at + 1)
            guard after < tokens.count, tokens[after].isSymbol("_") || tokens[after].isSymbol("^") else { continue }
            let next = after + 1
            notes[after] = next < tokens.count && tokens[next].isSymbol("{") ? MathChains.skipGroup(tokens, from: next) : next + 1
        }
        while index < tokens.count {
            if let end = notes[index] {
                index = end
                continue
            }
            switch tokens[index].kind {
            case .number: hasNumber = true
            case .letter(let c) where c != "e" && c != "T": return nil
            // A prime is a derivative (`\sigma'(0)`): a name, not arithmetic.
            case .symbol("'"): return nil
            case .command(let name) where NumericSide.named.contains(name):
                if index + 1 < tokens.count, tokens[index + 1].isSymbol("{") {
                    // `\mathrm{softmax}`: a function the checker does not know is a name too.
                    if name == "mathrm" || name == "operatorname" {
                        var letters = ""
                        var cursor = index + 2
                        while cursor < tokens.count, case .letter(let c) = tokens[cursor].kind { letters.append(c); cursor += 1 }
                        if letters != "e", MathParser.functions[letters] == nil { return nil }
                    }
                    index = MathChains.skipGroup(tokens, from: index + 1)
                    continue
                }
            // `\alpha`, `\delta`, `\partial`: a variable written as a command.
            case .command(let name) where !NumericSide.vocabulary.contains(name) && MathParser.functions[name] == nil: return nil
            default: break
            }
            index += 1
        }
        guard hasNumber else { return nil }
        let expression: MathExpression, literals: [MathLiteral]
        do {
            let (parsed, read) = try MathParser.parse(side.tokens)
            (expression, literals) = (parsed.splittingBranches, read)
        } catch is MathParser.NamesAFunction {
            return nil
        } catch {
            throw UnreadableSide()
        }
        let values = literals.map(\.value)
        if let scalar = expression.scalar(values) {
            guard scalar.isFinite else { throw UndefinedSide() }
            value = MathValue(scalar)
            isScalar = true
        } else {
            guard let value = try? expression.evaluate(values) else { throw UnreadableSide() }
            guard value.isFinite else { throw UndefinedSide() }
            self.value = value
            isScalar = false
        }
        self.side = side
        self.expression = expression
        self.literals = literals
        hasRounding = expression.hasRounding
    }

    /// The first ceiling or floor whose whole number the literals at `indices`, rounded as
    /// written, leave undecided (`MathRounding`); nil when there is none.
    func undecidedRounding(_ indices: [Int]) -> UndecidedRounding? {
        guard hasRounding else { return nil }
        return expression.undecidedRounding(literals.map(\.value), halfUnits: literals.map(\.halfUnit), indices: indices)
    }

    /// Per element: the sum over `indices` of |∂C/∂ℓ| · halfUnit(ℓ), by central differences
    /// (one-sided where moving ℓ leaves the functions' domain, e.g. ln near 0). A ceiling or
    /// floor counts as the whole number it gives (`undecidedRounding` says when that is unsound).
    func propagated(_ indices: [Int]) -> [Double] {
        let base = literals.map(\.value)
        let expression = hasRounding ? self.expression.freezingRoundings(base) : self.expression
        var values = base
        func moved(_ index: Int, by delta: Double) -> [Double]? {
            values[index] = base[index] + delta
            defer { values[index] = base[index] }
            if isScalar { return expression.scalar(values).map { [$0] } }
            return (try? expression.evaluate(values))?.elements
        }
        var total = [Double](repeating: 0, count: value.elements.count)
        for index in indices where literals[index].halfUnit > 0 {
            let h = literals[index].halfUnit
            let high = moved(index, by: h).flatMap { $0.allSatisfy(\.isFinite) ? $0 : nil }
            let low = moved(index, by: -h).flatMap { $0.allSatisfy(\.isFinite) ? $0 : nil }
            for e in total.indices {
                switch (high, low) {
                case let (high?, low?): total[e] += abs(high[e] - low[e]) / 2
                case let (high?, nil): total[e] += abs(high[e] - value.elements[e])
                case let (nil, low?): total[e] += abs(value.elements[e] - low[e])
                case (nil, nil): break
                }
            }
        }
        return total
    }

    /// Indices of this side's literals that do not appear in `earlier` (counted with repeats):
    /// the rounded intermediate results this side introduces.
    func newLiterals(comparedWith earlier: NumericSide) -> [Int] {
        var available: [String: Int] = [:]
        for literal in earlier.literals { available[literal.text, default: 0] += 1 }
        var fresh: [Int] = []
        for (index, literal) in literals.enumerated() {
            if let count = available[literal.text], count > 0 { available[literal.text] = count - 1 } else { fresh.append(index) }
        }
        return fresh
    }

    /// One unit of the last written digit, the extra room `\approx` gives, carried to the side's
    /// value (`4.54 \times 10^{-5}` gives 1e-7): 2 · |∂C/∂ℓ| · halfUnit(ℓ) for the last literal
    /// with decimals, or |∂C/∂ℓ| for the last integer when the side has no decimals.
    ///
    /// For a matrix or a tuple, every element gets one unit of its own last digit: the largest
    /// of 2 · |∂C_e/∂ℓ| · halfUnit(ℓ) over the literals (for a side written entry by entry,
    /// the entry's own literal).
    var lastUnit: [Double] {
        if !value.isScalar {
            var room = value.elements.map { _ in 0.0 }
            let rounded = literals.indices.filter { literals[$0].halfUnit > 0 }
            let candidates = rounded.isEmpty ? Array(literals.indices) : rounded
            var moved = literals
            if rounded.isEmpty { for index in candidates { moved[index].halfUnit = 0.5 } }
            let side = NumericSide(copying: self, literals: moved)
            for index in candidates {
                for (e, change) in side.propagated([index]).enumerated() { room[e] = max(room[e], 2 * change) }
            }
            return room
        }
        let order = literals.indices.sorted { literals[$0].offset < literals[$1].offset }
        if let last = order.last(where: { literals[$0].halfUnit > 0 }) { return propagated([last]).map { 2 * $0 } }
        guard let last = order.last else { return value.elements.map { _ in 0 } }
        var moved = literals
        moved[last].halfUnit = 0.5
        return NumericSide(copying: self, literals: moved).propagated([last]).map { 2 * $0 }
    }

    private init(copying side: NumericSide, literals: [MathLiteral]) {
        self = side
        self.literals = literals
    }

    /// The most decimals among the literals, the precision values are printed at.
    var decimals: Int {
        literals.map { $0.halfUnit > 0 ? Int((-log10(2 * $0.halfUnit)).rounded()) : 0 }.max() ?? 0
    }
}

/// The rule for a chain S0 = S1 = ... = Sn (see the design):
///
/// - the literals of the first numeric side are the problem's inputs and exact;
/// - a literal first written in a later side is a rounded intermediate result and carries half
///   a unit of its last digit (integers are exact);
/// - side C agrees with the side P before it when, element by element,
///   |P − C| <= Σ over literals ℓ new in C of |∂C/∂ℓ| · halfUnit(ℓ) (a literal repeated
///   from P is exact); failing that, C may agree the same way with the chain's first side,
///   so a chain carried with rounded terms passes;
/// - `\approx` adds one unit of C's last written digit;
/// - a ceiling or floor of C's new literals must be decided by their written digits
///   (`MathRounding`), and then adds no allowance;
/// - a symbolic side, or `\mathrel{=}`, ends the run: the next numeric side starts afresh.
enum MathChainRule {
    struct Failure: Hashable, Sendable {
        var location: Location
        var message: String
    }

    /// Checks one chain; `locate` turns a byte offset of the math's text into a file position.
    static func check(_ chain: [MathSide], text: [UInt8], locate: (Int) -> Location)
        -> (steps: [MathStepResult], failures: [Failure], unchecked: [Location], unreadable: [UnreadMathSide]) {
        var steps: [MathStepResult] = []
        var failures: [Failure] = []
        var unchecked: [Location] = []
        var unreadable: [UnreadMathSide] = []
        var first: NumericSide?
        var previous: NumericSide?
        var approxRoom: [Double] = []
        for (position, side) in chain.enumerated() {
            if side.relation == .unchecked { unchecked.append(locate(side.relationOffset ?? side.offset)) }
            let reading: NumericSide?
            // A side joined to the chain only by `\mathrel{=}` is not checked, with or without a value.
            let marked = side.relation == .unchecked
                || (position + 1 < chain.count && chain[position + 1].relation == .unchecked)
            do {
                reading = try NumericSide(side)
            } catch is UnreadableSide {
                if chain.count > 1, !marked { unreadable.append(UnreadMathSide(location: locate(side.offset), written: writtenText(side, text: text))) }
                reading = nil
            } catch {
                if chain.count > 1, !marked {
                    let location = locate(side.offset)
                    steps.append(MathStepResult(location: location, written: writtenText(side, text: text), computed: [.nan],
                                                allowance: 0, passed: false))
                    failures.append(Failure(location: location, message: "this side is arithmetic but has no value (NaN or infinite: "
                        + "a square root of a negative number, a logarithm of 0, a division by 0, or an overflow); fix the "
                        + "arithmetic, or mark a relation that is not arithmetic with \\mathrel{=}"))
                }
                reading = nil
            }
            guard let current = reading else {
                first = nil
                previous = nil
                continue
            }
            guard let before = previous, let start = first, side.relation != .unchecked else {
                first = current
                previous = current
                approxRoom = current.value.elements.map { _ in 0 }
                continue
            }
            let extra = side.relation == .approx ? current.lastUnit : current.value.elements.map { _ in 0 }
            approxRoom = zip(approxRoom, extra).map { $0 + $1 }
            let written = writtenText(side, text: text)
            let location = locate(side.offset)
            guard before.value.sameShape(current.value) || (before.value.isScalar && current.value.isScalar) else {
                steps.append(MathStepResult(location: location, written: written, computed: before.value.elements, allowance: 0, passed: false))
                failures.append(Failure(location: location, message: "this step gives a \(before.value.shapeName), but the text says a \(current.value.shapeName); write both sides with one shape"))
                previous = current
                continue
            }
            let fresh = current.newLiterals(comparedWith: before)
            if let undecided = current.undecidedRounding(fresh) {
                steps.append(MathStepResult(location: location, written: written, computed: before.value.elements, allowance: 0, passed: false))
                failures.append(Failure(location: location, message: undecided.message))
                previous = current
                continue
            }
            let roomBefore = zip(current.propagated(fresh), extra).map { $0 + $1 }
            if let miss = firstMiss(before.value, current.value, roomBefore) {
                let freshFromStart = current.newLiterals(comparedWith: start)
                let roomStart = zip(current.propagated(freshFromStart), approxRoom).map { $0 + $1 }
                if start.side != before.side, current.undecidedRounding(freshFromStart) == nil,
                   firstMiss(start.value, current.value, roomStart) == nil {
                    steps.append(MathStepResult(location: location, written: written, computed: start.value.elements,
                                                allowance: roomStart.max() ?? 0, passed: true))
                } else {
                    steps.append(MathStepResult(location: location, written: written, computed: before.value.elements,
                                                allowance: roomBefore.max() ?? 0, passed: false))
                    failures.append(Failure(location: location, message: message(before, current, element: miss, room: roomBefore[miss],
                                                                                  beforeIsFirst: start.side == before.side)))
                }
            } else {
                steps.append(MathStepResult(location: location, written: written, computed: before.value.elements,
                                            allowance: roomBefore.max() ?? 0, passed: true))
            }
            previous = current
        }
        return (steps, failures, unchecked, unreadable)
    }

    /// The first element where |a − b| exceeds its room (beyond binary rounding), if any.
    static func firstMiss(_ a: MathValue, _ b: MathValue, _ room: [Double]) -> Int? {
        for index in a.elements.indices {
            let x = a.elements[index], y = b.elements[index]
            // Binary rounding: relative to the values, and a floor for sums that cancel to 0.
            let rounding = 1e-12 * max(abs(x), abs(y)) + 1e-14
            if !(abs(x - y) <= room[index] + rounding) { return index }
        }
        return nil
    }

    /// `this step gives 0.562177, but the text says 0.562187 (±0.0000005)`; when C is allowed
    /// nothing because it repeats a rounded number of P, the message says why that number
    /// counts as exact and what to write instead (`0.12 appears in the chain's first side, so it counts as exact: ...`).
    static func message(_ before: NumericSide, _ current: NumericSide, element: Int, room: Double, beforeIsFirst: Bool = true) -> String {
        let expected = before.value.elements[element], actual = current.value.elements[element]
        // A ceiling or floor gives whole numbers: say them so, whatever its argument's digits.
        let whole = current.hasRounding && expected == expected.rounded() && actual == actual.rounded()
        var decimals = whole ? 0 : max(current.decimals, 0)
        var shown = format(expected, decimals)
        while decimals < 15, Double(shown) == Double(format(actual, decimals)) {
            decimals += 1
            shown = format(expected, decimals)
        }
        let said = current.literals.count == 1 && current.value.isScalar && !whole
            ? format(actual, current.decimals) : format(actual, decimals)
        var place = ""
        if !current.value.isScalar {
            place = current.value.isPlusMinus ? (element == 0 ? " with ± read as +" : " with ± read as −")
                : current.value.isTuple ? " in entry \(element + 1)"
                : " in row \(element / current.value.columns + 1), column \(element % current.value.columns + 1)"
        }
        let allowance = room > 0 ? "±" + WrittenNumber.format(room) : "exact"
        let verdict = "this step gives \(shown)\(place), but the text says \(said) (\(allowance))"
        let fresh = Set(current.newLiterals(comparedWith: before))
        guard room == 0,
              let repeated = current.literals.indices.first(where: { !fresh.contains($0) && current.literals[$0].halfUnit > 0 }) else {
            return verdict
        }
        let side = beforeIsFirst ? "the chain's first side" : "the side before"
        return verdict + "; \(current.literals[repeated].text) appears in \(side), so it counts as exact: "
            + "write \\approx, or start a new chain"
    }

    static func format(_ value: Double, _ decimals: Int) -> String {
        let text = String(format: "%.\(decimals)f", value)
        return text.hasPrefix("-") && Double(text) == 0 ? String(text.dropFirst()) : text
    }

    /// The side's source text, spaces collapsed.
    static func writtenText(_ side: MathSide, text: [UInt8]) -> String {
        guard let first = side.tokens.first, let last = side.tokens.last else { return "" }
        let end = min(text.count, last.offset + last.length)
        let raw = String(decoding: text[first.offset..<max(first.offset, end)], as: UTF8.self)
        return raw.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }).joined(separator: " ")
    }
}
