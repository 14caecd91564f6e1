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
}
