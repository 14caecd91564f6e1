import Foundation

/// A number as an author wrote it, with the precision its digits claim.
///
/// A number with k decimals claims half a unit of its last digit: `0.5866` means
/// 0.58655 ... 0.58665, `3` means 2.5 ... 3.5, `1.2e-3` means (1.2 ± 0.05) × 10⁻³.
/// A zero (`0`, `0.0`, `-0.000`) claims exactly zero: a product that underflowed to 0 and
/// one that came out as 5e-324 are different results in this book.
public struct WrittenNumber: Hashable, Sendable {
    /// The characters as written, e.g. `-0.50`.
    public var text: String
    /// The value the characters denote.
    public var value: Double
    /// Half a unit of the last written digit: the precision the author claims.
    public var halfUnit: Double
    /// Byte offset of the number's first character in the text it was found in.
    public var offset: Int

    /// Whether `actual` lies within this number's written precision, widened by `tolerance`:
    /// `|actual - value| <= max(halfUnit, tolerance)`, plus one ulp of the larger of the two, the
    /// most that writing both in binary can move their distance (`0.58655` matches `0.5866`).
    /// Nine written digits are checked at nine digits: `0.298371108` does not match 0.29837110876.
    /// A written zero matches only 0 (or -0), unless an explicit tolerance widens it.
    public func matches(_ actual: Double, tolerance: Tolerance? = nil) -> Bool {
        if value == 0 { return abs(actual) <= (tolerance?.allowance(for: 0) ?? 0) }
        let allowed = allowance(tolerance)
        let distance = abs(actual - value)
        return distance <= allowed + max(abs(value), abs(actual)).ulp
    }

    /// The allowed distance: the written precision or the explicit tolerance, whichever is larger;
    /// for a written zero, the tolerance alone (0 without one).
    public func allowance(_ tolerance: Tolerance?) -> Double {
        if value == 0 { return tolerance?.allowance(for: 0) ?? 0 }
        return max(halfUnit, tolerance?.allowance(for: value) ?? 0)
    }
}

/// A line of output cut into numbers and the text between them.
public enum OutputToken: Hashable, Sendable {
    case number(WrittenNumber)
    case text(String, offset: Int)
}

extension WrittenNumber {
    /// Cuts `line` into numbers and text. A number is an optional `-`, digits, optionally `.`
    /// and more digits (a `.` not followed by a digit is punctuation), and optionally an
    /// exponent `e-3`. Digits glued after a letter or `_` belong to a word (`h1`, `W2`);
    /// a number may be glued to a unit or bracket (`12%`, `[0.5,`).
    public static func tokens(in line: String) -> [OutputToken] {
        let bytes = Array(line.utf8)
        var tokens: [OutputToken] = []
        var textStart = 0
        var index = 0
        func isDigit(_ i: Int) -> Bool { i < bytes.count && bytes[i] >= 48 && bytes[i] <= 57 }
        func isWordByte(_ i: Int) -> Bool {
            guard i >= 0, i < bytes.count else { return false }
            let b = bytes[i]
            return (b >= 65 && b <= 90) || (b >= 97 && b <= 122) || b == 95 || (b >= 48 && b <= 57) || b >= 128
        }
        while index < bytes.count {
            let signed = bytes[index] == UInt8(ascii: "-") && isDigit(index + 1)
            guard (isDigit(index) || signed) && !isWordByte(index - 1) else {
                index += 1
                continue
            }
            let start = index
            var end = signed ? index + 1 : index
            while isDigit(end) { end += 1 }
            var decimals = 0
            if end < bytes.count, bytes[end] == UInt8(ascii: "."), isDigit(end + 1) {
                end += 1
                while isDigit(end) { end += 1; decimals += 1 }
            }
            var exponent = 0
            if end < bytes.count, bytes[end] == UInt8(ascii: "e") || bytes[end] == UInt8(ascii: "E") {
                var cursor = end + 1
                if cursor < bytes.count, bytes[cursor] == UInt8(ascii: "-") || bytes[cursor] == UInt8(ascii: "+") { cursor += 1 }
                if isDigit(cursor) {
                    let exponentStart = end + 1
                    while isDigit(cursor) { cursor += 1 }
                    exponent = Int(String(decoding: bytes[exponentStart..<cursor], as: UTF8.self)) ?? 0
                    end = cursor
                }
            }
            // Digits running straight into letters (`3rd`, `0x1F`) are a word, not a number.
            if end < bytes.count, isWordByte(end), !(bytes[end] >= 48 && bytes[end] <= 57) {
                var skip = end
                while isWordByte(skip) { skip += 1 }
                index = skip
                continue
            }
            let text = String(decoding: bytes[start..<end], as: UTF8.self)
            guard let value = Double(text) else {
                index = end
                continue
            }
            if textStart < start {
                tokens.append(.text(String(decoding: bytes[textStart..<start], as: UTF8.self), offset: textStart))
            }
            let halfUnit = 0.5 * pow(10, Double(exponent - decimals))
            tokens.append(.number(WrittenNumber(text: text, value: value, halfUnit: halfUnit, offset: start)))
            index = end
            textStart = end
        }
        if textStart < bytes.count {
            tokens.append(.text(String(decoding: bytes[textStart...], as: UTF8.self), offset: textStart))
        }
        return tokens
    }

    /// The first number in `text`, if any (used for the written side of a prose check).
    public static func first(in text: String) -> WrittenNumber? {
        for token in tokens(in: text) {
            if case .number(let number) = token { return number }
        }
        return nil
    }

    /// The precision this number claims, as messages print it: `±0.00005` for `0.5866`,
    /// `exactly` for a zero written without a tolerance.
    public func claim(_ tolerance: Tolerance?) -> String {
        let allowed = allowance(tolerance)
        return allowed == 0 ? "exactly" : "±" + WrittenNumber.format(allowed)
    }

    /// The allowance printed in messages, e.g. `0.00005` for `0.5866`.
    public static func format(_ allowance: Double) -> String {
        guard allowance.isFinite, allowance > 0 else { return "\(allowance)" }
        let decimals = min(15, max(0, Int((-log10(allowance)).rounded(.up)) + 1))
        var text = String(format: "%.\(decimals)f", allowance)
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text
    }
}
