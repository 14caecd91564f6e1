/// Numbers written the same way on every machine and every run.
///
/// `String(describing:)` of a Double is deterministic but may switch to exponent form
/// (`1e-05`); SVG coordinates and tick labels want a fixed number of decimals instead.
enum Number {
    /// `x` rounded half away from zero to `decimals` places, e.g. `fixed(0.125, 2) == "0.13"`;
    /// `-0` and negatives that round to zero are written without a sign.
    static func fixed(_ x: Double, decimals: Int) -> String {
        require(x.isFinite, "cannot write \(x) as a number in a figure")
        require((0...12).contains(decimals), "decimals must be in 0...12")
        let scale = powerOf10(decimals)
        let scaled = (abs(x) * scale).rounded(.toNearestOrAwayFromZero)
        // Beyond 2^53 a Double has no fractional digits left to write.
        guard scaled < 9.0e15 else { return x < 0 ? "-" + String(-x) : String(x) }
        let whole = UInt64(scaled)
        let unit = UInt64(scale)
        var text = String(whole / unit)
        if decimals > 0 {
            let fraction = String(whole % unit)
            text += "." + String(repeating: "0", count: decimals - fraction.count) + fraction
        }
        return x < 0 && whole != 0 ? "-" + text : text
    }

    /// `x` with at most `decimals` places and no trailing zeros: `compact(2.50, 2) == "2.5"`.
    static func compact(_ x: Double, decimals: Int) -> String {
        var text = fixed(x, decimals: decimals)
        guard text.contains(".") else { return text }
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }

    /// An SVG coordinate or length: two decimals at most, which is 1/100 of a viewBox unit.
    static func svg(_ x: Double) -> String { compact(x, decimals: 2) }

    /// A number as a reader sees it on a label: a true minus sign `−` instead of a hyphen.
    static func label(_ x: Double, decimals: Int) -> String {
        minusSign(fixed(x, decimals: decimals))
    }

    /// A label with at most `decimals` places and no trailing zeros: `−0.3`, `0.25`, `2`.
    static func compactLabel(_ x: Double, decimals: Int) -> String {
        minusSign(compact(x, decimals: decimals))
    }

    private static func minusSign(_ text: String) -> String {
        text.hasPrefix("-") ? "\u{2212}" + text.dropFirst() : text
    }

    /// Text a figure shows (`<text>`, a chapter's node label or series name included), with
    /// every hyphen-minus that begins a number made a true minus sign, as `label` writes it:
    /// `-1.0` → `−1.0`, `(-1, 1)` → `(−1, 1)`, `w = -.5` → `w = −.5`. A hyphen between
    /// letters or digits is a hyphen and stays: `3-2-2`, `x-axis`, `1e-5`, `top-1`.
    ///
    /// The rule: `-` followed by a digit, or by `.` and a digit, and not preceded by a
    /// letter, a digit, `-` or `.`.
    static func minusSigns(_ text: String) -> String {
        guard text.contains("-") else { return text }
        let characters = Array(text)
        var out = ""
        for (index, character) in characters.enumerated() {
            guard character == "-" else {
                out.append(character)
                continue
            }
            let next = index + 1 < characters.count ? characters[index + 1] : nil
            let afterNext = index + 2 < characters.count ? characters[index + 2] : nil
            let startsNumber = next?.isASCIIDigit == true || (next == "." && afterNext?.isASCIIDigit == true)
            let previous = index > 0 ? characters[index - 1] : nil
            let joinsWords = previous.map { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "." } ?? false
            out.append(startsNumber && !joinsWords ? "\u{2212}" : "-")
        }
        return out
    }
}

private extension Character {
    var isASCIIDigit: Bool { isASCII && isWholeNumber }
}
