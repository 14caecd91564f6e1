#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#elseif canImport(ucrt)
import ucrt
#endif

// The few functions of the C math library the figures need, in one place, so no other
// file has to know which platform module provides them.

/// Base-10 logarithm.
func logarithm10(_ x: Double) -> Double { log10(x) }

/// 10 raised to an integer power, exact for the powers a plot uses.
func powerOf10(_ exponent: Int) -> Double {
    // Dividing by an exact positive power keeps 10^-k as close to the decimal as a Double can be.
    var result = 1.0
    for _ in 0..<abs(exponent) { result *= 10 }
    return exponent >= 0 ? result : 1 / result
}

/// The angle of the vector (x, y) in degrees, measured from the positive x axis.
func angleInDegrees(x: Double, y: Double) -> Double { atan2(y, x) * 180 / Double.pi }
