/// Printing numbers and matrices for the book, in pure Swift.
///
/// Rounding rule for `formatted(decimals:)`: take the shortest decimal that reads back as
/// the same Double (what `print` shows, e.g. `0.58665`), then round it half away from zero
/// at the requested decimal: `0.58665` with 4 decimals is `0.5867`, `-0.00004` is `0.0000`
/// (a rounded zero never carries a minus sign). Infinities and NaN print as `inf`, `-inf`
/// and `nan`.
extension Double {
    /// This number with exactly `decimals` digits after the point, rounded half away from
    /// zero on its shortest decimal form: `0.586646.formatted(decimals: 4)` is `"0.5866"`.
    public func formatted(decimals: Int) -> String {
        if decimals < 0 { fatalError("decimals must be 0 or more, got \(decimals)") }
        if isNaN { return "nan" }
        if isInfinite { return self < 0 ? "-inf" : "inf" }
        let (digits, point) = DecimalDigits.of(magnitude)
        var pointPosition = point
        // Keep every digit before the point and `decimals` after it; look at the next one.
        let kept = pointPosition + decimals
        var result: [Int]
        if kept < 0 {
            result = []
        } else {
            result = Array(digits.prefix(kept))
            while result.count < kept { result.append(0) }
            if kept < digits.count && digits[kept] >= 5 {
                var k = result.count - 1
                while k >= 0 && result[k] == 9 {
                    result[k] = 0
                    k -= 1
                }
                if k >= 0 {
                    result[k] += 1
                } else {
                    result.insert(1, at: 0)
                    pointPosition += 1
                }
            }
        }
        // Lay out the kept digits around the point, padding with zeros on the left.
        let fraction = result.suffix(decimals)
        var whole = Array(result.dropLast(decimals))
        if whole.isEmpty { whole = [0] }
        while whole.count > 1 && whole[0] == 0 { whole.removeFirst() }
        var fractionDigits = Array(fraction)
        while fractionDigits.count < decimals { fractionDigits.insert(0, at: 0) }
        let isZero = result.allSatisfy { $0 == 0 }
        var text = (self < 0 && !isZero) ? "-" : ""
        text += whole.map(String.init).joined()
        if decimals > 0 { text += "." + fractionDigits.map(String.init).joined() }
        return text
    }
}

/// The decimal digits of a non-negative finite Double's shortest representation.
enum DecimalDigits {
    /// Digits d1 d2 ... and the position of the point: value = 0.d1d2... x 10^pointPosition.
    static func of(_ value: Double) -> (digits: [Int], pointPosition: Int) {
        let text = value.description  // shortest round-trip form, e.g. "0.5866", "1e-05", "1.5e+20"
        var mantissa = Substring(text)
        var exponent = 0
        if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            mantissa = text[..<e]
            exponent = Int(text[text.index(after: e)...].filter { $0 != "+" }) ?? 0
        }
        var digits: [Int] = []
        var pointPosition: Int? = nil
        for character in mantissa {
            if character == "." {
                pointPosition = digits.count
            } else if let digit = character.wholeNumberValue {
                digits.append(digit)
            }
        }
        var point = (pointPosition ?? digits.count) + exponent
        while let first = digits.first, first == 0, digits.count > 1 {
            digits.removeFirst()
            point -= 1
        }
        if digits == [0] { point = 1 }
        return (digits, point)
    }
}

extension Matrix: CustomStringConvertible {
    /// The rows one per line, columns aligned, each number as `print` shows it:
    ///
    ///     [[1.0, 2.5],
    ///      [3.0, 4.0]]
    ///
    /// `oneLineDescription` gives the same on one line.
    public var description: String {
        layout(oneLine: false) { $0.description }
    }

    /// All the rows on one line, each number as `print` shows it, in the nesting of
    /// `Matrix(_ rows:)`: a column vector (2, 1) prints as `[[0.5], [1.0]]`, a (2, 2) matrix
    /// as `[[1.0, 2.5], [3.0, 4.0]]`.
    public var oneLineDescription: String {
        layout(oneLine: true) { $0.description }
    }

    /// Every number with `decimals` digits after the point (rounded as
    /// `Double.formatted(decimals:)` says): the rows one per line with columns aligned, or
    /// with `oneLine: true` all on one line, `[[0.1762], [0.7133]]`.
    public func formatted(decimals: Int, oneLine: Bool = false) -> String {
        layout(oneLine: oneLine) { $0.formatted(decimals: decimals) }
    }

    private func layout(oneLine: Bool, _ text: (Double) -> String) -> String {
        if count == 0 { return "[] \(shape)" }
        let cells = elements.map(text)
        if oneLine {
            let rowTexts = (0..<rows).map { i in "[" + cells[(i * columns)..<((i + 1) * columns)].joined(separator: ", ") + "]" }
            return "[" + rowTexts.joined(separator: ", ") + "]"
        }
        var widths = [Int](repeating: 0, count: columns)
        for (k, cell) in cells.enumerated() { widths[k % columns] = Swift.max(widths[k % columns], cell.count) }
        var lines: [String] = []
        for i in 0..<rows {
            let row = (0..<columns).map { j -> String in
                let cell = cells[i * columns + j]
                return String(repeating: " ", count: widths[j] - cell.count) + cell
            }
            let open = i == 0 ? "[[" : " ["
            let close = i == rows - 1 ? "]]" : "],"
            lines.append(open + row.joined(separator: ", ") + close)
        }
        return lines.joined(separator: "\n")
    }
}
