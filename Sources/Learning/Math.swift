#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#elseif canImport(ucrt)
import ucrt
#endif

/// The elementary functions the library needs, from the platform's C library (tanh excepted).
///
/// With `TextFile.swift`, the only file that imports the C library, so the rest of
/// `Learning` stays plain Swift.
enum Math {
    /// e^x.
    @inline(__always) static func exponential(_ x: Double) -> Double { exp(x) }
    /// The natural logarithm, ln x.
    @inline(__always) static func logarithm(_ x: Double) -> Double { log(x) }
    /// tanh x = (e^x - e^-x) / (e^x + e^-x), by `HyperbolicTangent` (not the C library's),
    /// so a single number gets exactly what a vector of them gets.
    @inline(__always) static func hyperbolicTangent(_ x: Double) -> Double { HyperbolicTangent.of(x) }
    /// cos x, x in radians.
    @inline(__always) static func cosine(_ x: Double) -> Double { cos(x) }
    /// sin x, x in radians.
    @inline(__always) static func sine(_ x: Double) -> Double { sin(x) }
}
