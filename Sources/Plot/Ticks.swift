/// One mark on an axis: where it sits, in data units, and the text written beside it.
struct Tick: Equatable {
    var value: Double
    var label: String
}

/// The range an axis shows and the marks on it, linear or logarithmic.
///
/// Linear steps are 1, 2 or 5 × 10^k, the smallest of them that needs at most
/// `maximumIntervals` intervals; an automatic range is widened to whole steps, so data
/// 0...0.93 gets the axis 0...1 with marks 0.0, 0.2, ..., 1.0.
struct Axis: Equatable {
    var lower: Double
    var upper: Double
    var isLogarithmic: Bool
    var ticks: [Tick]

    /// The most intervals a linear axis is divided into.
    static let maximumIntervals = 6

    /// Where `value` falls between `lower` (0) and `upper` (1); nil where it cannot be drawn
    /// (not finite, or not positive on a logarithmic axis).
    func fraction(_ value: Double) -> Double? {
        guard value.isFinite else { return nil }
        if isLogarithmic {
            guard value > 0 else { return nil }
            let low = logarithm10(lower)
            return (logarithm10(value) - low) / (logarithm10(upper) - low)
        }
        return (value - lower) / (upper - lower)
    }

    /// A linear axis over data from `low` to `high`; `extend` widens the range to whole steps
    /// (automatic ranges), otherwise the range is kept and only marks inside it are made.
    static func linear(_ low: Double, _ high: Double, extend: Bool = true) -> Axis {
        require(low.isFinite && high.isFinite, "axis range must be finite numbers, got \(low)...\(high)")
        var (low, high) = (min(low, high), max(low, high))
        if low == high {
            let pad = low == 0 ? 1 : abs(low) / 10
            (low, high) = (low - pad, high + pad)
        }
        let (mantissa, exponent) = step(spanning: low, high, extend: extend)
        let step = Double(mantissa) * powerOf10(exponent)
        let slack = 1e-9
        var first = Int((low / step + slack).rounded(.down))
        var last = Int((high / step - slack).rounded(.up))
        if !extend {
            first = Int((low / step - slack).rounded(.up))
            last = Int((high / step + slack).rounded(.down))
        }
        let decimals = max(0, -exponent)
        let ticks = (first...max(first, last)).map { index -> Tick in
            let value = decimalValue(index * mantissa, exponent)
            return Tick(value: value, label: Number.label(value, decimals: decimals))
        }
        if extend {
            return Axis(lower: ticks.first!.value, upper: ticks.last!.value, isLogarithmic: false, ticks: ticks)
        }
        return Axis(lower: low, upper: high, isLogarithmic: false, ticks: ticks.filter { $0.value >= low - step * slack && $0.value <= high + step * slack })
    }

    /// A logarithmic axis from the power of ten at or below `low` to the one at or above `high`,
    /// marked at powers of ten (every second or third one past seven decades), and also at
    /// 2× and 5× when it spans two decades or fewer.
    static func logarithmic(_ low: Double, _ high: Double) -> Axis {
        require(low > 0 && high > 0 && low.isFinite && high.isFinite,
                     "a logarithmic axis needs positive values, got \(low)...\(high)")
        let bottom = Int((logarithm10(min(low, high)) + 1e-9).rounded(.down))
        var top = Int((logarithm10(max(low, high)) - 1e-9).rounded(.up))
        if top == bottom { top += 1 }
        let decades = top - bottom
        let stride = (decades + 6) / 7
        // Decimals while they stay short (0.001 to 10000), powers of ten for the whole axis otherwise.
        let decimal = bottom >= -3 && top <= 4
        var ticks: [Tick] = []
        // Counted down from the top so the upper end is always marked.
        for exponent in Swift.stride(from: top, through: bottom, by: -stride).reversed() {
            let multiples = decades <= 2 && exponent < top ? [1, 2, 5] : [1]
            for multiple in multiples {
                let label = decimal
                    ? Number.label(decimalValue(multiple, exponent), decimals: max(0, -exponent))
                    : powerLabel(multiple, exponent)
                ticks.append(Tick(value: decimalValue(multiple, exponent), label: label))
            }
        }
        return Axis(lower: powerOf10(bottom), upper: powerOf10(top), isLogarithmic: true, ticks: ticks)
    }

    /// The step mantissa (1, 2 or 5) and exponent for a linear axis over `low...high`,
    /// counting the intervals of the widened range, or only those inside when not widened.
    private static func step(spanning low: Double, _ high: Double, extend: Bool) -> (Int, Int) {
        var exponent = Int(logarithm10((high - low) / Double(maximumIntervals)).rounded(.down))
        while true {
            for mantissa in [1, 2, 5] {
                let step = Double(mantissa) * powerOf10(exponent)
                let intervals = extend
                    ? (high / step - 1e-9).rounded(.up) - (low / step + 1e-9).rounded(.down)
                    : (high / step + 1e-9).rounded(.down) - (low / step - 1e-9).rounded(.up)
                if intervals <= Double(maximumIntervals) { return (mantissa, exponent) }
            }
            exponent += 1
        }
    }

    /// `count × 10^exponent` computed so that 3 × 10^-1 is the Double nearest 0.3.
    private static func decimalValue(_ count: Int, _ exponent: Int) -> Double {
        exponent >= 0 ? Double(count) * powerOf10(exponent) : Double(count) / powerOf10(-exponent)
    }

    /// `10⁻⁶` or `2×10⁻⁶`: a power of ten in superscript digits.
    private static func powerLabel(_ multiple: Int, _ exponent: Int) -> String {
        let superscripts: [Character] = ["⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"]
        let digits = String(abs(exponent)).map { superscripts[Int(String($0))!] }
        let power = "10" + (exponent < 0 ? "⁻" : "") + String(digits)
        return multiple == 1 ? power : "\(multiple)×" + power
    }
}
