/// What the engine does with a Swift block: the closed set of run modes a fence can ask for.
public enum RunMode: Hashable, Sendable, Codable {
    /// ```` ```swift ````: compiled, run, shown.
    case run
    /// ```` ```swift compile-only ````: compiled inside a function that is never called.
    case compileOnly
    /// ```` ```swift fails-to-compile="text" ````: must fail to compile with a message containing `text`.
    case failsToCompile(message: String)
    /// ```` ```swift traps ```` or `traps="text"`: must trap at run time; the runtime's message
    /// must contain `text` (ignoring case) when given.
    case traps(message: String?)

    /// Whether the block's code is executed when the chapter runs normally.
    public var runs: Bool { self == .run }
}

/// How far an output block's numbers may be from the printed ones, beyond their written precision.
///
/// A number written with k decimals always matches within half a unit of its last digit;
/// an explicit tolerance widens that: a number `e` matches `a` when
/// `|a - e| <= max(halfUnit(e), tolerance)`, where a relative tolerance is `fraction * |e|`.
public enum Tolerance: Hashable, Sendable, Codable, CustomStringConvertible {
    /// `tolerance=0.001`: at most this far apart.
    case absolute(Double)
    /// `tolerance=1%`: at most this fraction of the expected value apart (1% is 0.01).
    case relative(Double)

    /// The allowed distance from `expected` this tolerance gives.
    public func allowance(for expected: Double) -> Double {
        switch self {
        case .absolute(let amount): return amount
        case .relative(let fraction): return fraction * abs(expected)
        }
    }

    /// Reads `0.001` (absolute) or `1%` (relative); nil when it is neither.
    public init?(parsing text: String) {
        if text.hasSuffix("%") {
            guard let percent = Double(text.dropLast()), percent >= 0, percent.isFinite else { return nil }
            self = .relative(percent / 100)
        } else {
            guard let amount = Double(text), amount >= 0, amount.isFinite else { return nil }
            self = .absolute(amount)
        }
    }

    public var description: String {
        switch self {
        case .absolute(let amount): return "\(amount)"
        case .relative(let fraction): return "\(fraction * 100)%"
        }
    }
}

/// One `name` or `name="value"` word of a fence's info string, with its column in the file.
public struct InfoWord: Hashable, Sendable {
    public var name: String
    public var value: String?
    /// 1-based byte column of the word's first character on the fence line.
    public var column: Int

    /// Splits an info string (after the language) into words; quoted values may hold spaces.
    ///
    /// `firstColumn` is the column of `info`'s first character. Returns nil for the words
    /// when a quote is never closed, with the column of that quote.
    public static func split(_ info: String, firstColumn: Int) -> (words: [InfoWord], unclosedQuoteColumn: Int?) {
        let bytes = Array(info.utf8)
        var words: [InfoWord] = []
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: " ") || bytes[index] == UInt8(ascii: "\t") {
                index += 1
                continue
            }
            let start = index
            while index < bytes.count, bytes[index] != UInt8(ascii: " "), bytes[index] != UInt8(ascii: "\t"),
                  bytes[index] != UInt8(ascii: "=") {
                index += 1
            }
            let name = String(decoding: bytes[start..<index], as: UTF8.self)
            var value: String?
            if index < bytes.count, bytes[index] == UInt8(ascii: "=") {
                index += 1
                if index < bytes.count, bytes[index] == UInt8(ascii: "\"") {
                    let quote = index
                    index += 1
                    let valueStart = index
                    while index < bytes.count, bytes[index] != UInt8(ascii: "\"") { index += 1 }
                    if index >= bytes.count { return (words, firstColumn + quote) }
                    value = String(decoding: bytes[valueStart..<index], as: UTF8.self)
                    index += 1
                } else {
                    let valueStart = index
                    while index < bytes.count, bytes[index] != UInt8(ascii: " "), bytes[index] != UInt8(ascii: "\t") {
                        index += 1
                    }
                    value = String(decoding: bytes[valueStart..<index], as: UTF8.self)
                }
            }
            words.append(InfoWord(name: name, value: value, column: firstColumn + start))
        }
        return (words, nil)
    }
}
