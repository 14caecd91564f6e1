import Foundation

/// `value` with `decimals` digits after the point, e.g. formatted(0.123456, 4) is "0.1235";
/// very small numbers in scientific notation, so a tiny final cost still shows its digits.
func formatted(_ value: Double, _ decimals: Int) -> String {
    if value != 0 && abs(value) < 1e-3 {
        return String(format: "%.\(decimals)e", value)
    }
    return String(format: "%.\(decimals)f", value)
}
