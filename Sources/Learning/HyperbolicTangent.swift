/// tanh x computed sixteen numbers at a time, within about one unit in the last place of the
/// exact value, by the same operations for a single number as for a vector, so `Tanh.value(z)`
/// and a whole matrix through `Tanh.forward` agree to the last bit.
///
/// The C library's tanh, one number at a time, was half of the digits benchmark's time;
/// this one runs on vector registers. Two formulas, as in Moshier's Cephes library (whose
/// published coefficients the first one uses):
///
///     |x| < 0.625:  tanh x = x + x · x² · P(x²) / Q(x²)      (a rational approximation)
///     |x| ≥ 0.625:  tanh x = 1 - 2 / (e^(2|x|) + 1)           (with the sign of x)
///
/// The first avoids the cancellation that 1 - 2/(e^(2x) + 1) suffers near 0; the second
/// loses nothing, since there tanh |x| > 0.55. |x| is capped at 20, where
/// 2/(e^40 + 1) ≈ 8.5e-18 is below half a unit of 1, so the result is exactly ±1.
///
/// e^y, for y = 2|x| in [1.25, 40], is 2^k e^r with k = round(y / ln 2) and
/// r = y - k ln 2 in [-ln 2 / 2, ln 2 / 2]; ln 2 is split in two parts (ln2High has trailing
/// zeros, so k · ln2High is exact), and e^r is its Taylor polynomial to degree 13, whose
/// remainder is below 0.35¹⁴ / 14! ≈ 4e-18. Every operation is a separate multiply or add,
/// never fused, so the result is the same on every machine.
///
/// Measured against tanh computed in 120-bit arithmetic (mpmath) and rounded to the nearest
/// double, on 30,000 points in [-1, 1], [-3, 3] and [-25, 25]: at most one unit in the last
/// place away (the C library's tanh: at most two).
enum HyperbolicTangent {
    /// 16 numbers: two AVX-512 registers. The formulas are one long chain of dependent
    /// operations; two registers' worth side by side let the processor run one chain while
    /// the other waits (tanh of a 32 x 32 matrix: 3139-3605 ns with 8, 2808-2936 ns with 16).
    typealias Vector = SIMD16<Double>
    typealias Bits = SIMD16<UInt64>

    /// Cephes's P and Q for |x| < 0.625, highest power first (Q's leading 1 implied).
    private static let p0 = -9.64399179425052238628e-1, p1 = -9.92877231001918586564e1,
        p2 = -1.61468768441708447952e3
    private static let q0 = 1.12811678491632931402e2, q1 = 2.23548839060100448583e3,
        q2 = 4.84406305325125486048e3
    /// ln 2 = ln2High + ln2Low, the high part with 21 trailing zero bits (fdlibm's split).
    private static let ln2High = 6.93147180369123816490e-01, ln2Low = 1.90821492927058770002e-10
    private static let log2e = 1.44269504088896338700e+00
    /// 1.5 · 2^52: adding it to a number below 2^51 in size rounds to an integer, which
    /// then sits in the low bits of the sum.
    private static let shifter = 6755399441055744.0
    /// 1/k!, the Taylor coefficients of e^r, for k = 2 to 13.
    private static let c2 = 1.0 / 2, c3 = 1.0 / 6, c4 = 1.0 / 24, c5 = 1.0 / 120, c6 = 1.0 / 720,
        c7 = 1.0 / 5040, c8 = 1.0 / 40320, c9 = 1.0 / 362_880, c10 = 1.0 / 3_628_800,
        c11 = 1.0 / 39_916_800, c12 = 1.0 / 479_001_600, c13 = 1.0 / 6_227_020_800

    /// tanh x of one number: lane 0 of the vector computation.
    @inline(__always)
    static func of(_ x: Double) -> Double {
        of(Vector(repeating: x))[0]
    }

    /// tanh of each of sixteen numbers; NaN stays NaN, ±∞ gives ±1, -0 gives -0.
    @inline(__always)
    static func of(_ x: Vector) -> Vector {
        let bits = unsafeBitCast(x, to: Bits.self)
        let sign = bits & Bits(repeating: 0x8000_0000_0000_0000)
        let a = unsafeBitCast(bits & Bits(repeating: 0x7FFF_FFFF_FFFF_FFFF), to: Vector.self)

        // Near 0: a + a z P(z) / Q(z), z = a².
        let z = a * a
        let numerator = (p0 * z + p1) * z + p2
        let denominator = ((z + q0) * z + q1) * z + q2

        // Away from 0: 1 - 2 / (e^y + 1), y = 2 min(a, 20) (NaN stays NaN).
        let y = 2 * a.replacing(with: 20, where: a .> 20)
        let shifted = y * log2e + shifter
        let k = shifted - shifter
        let r = (y - k * ln2High) - k * ln2Low
        // e^r = 1 + r (1 + r (c2 + r (c3 + ... + r c13))), by Horner's rule.
        var e = c13 * r + c12
        e = e * r + c11; e = e * r + c10; e = e * r + c9; e = e * r + c8; e = e * r + c7
        e = e * r + c6; e = e * r + c5; e = e * r + c4; e = e * r + c3; e = e * r + c2
        let expR = (e * r + 1) * r + 1
        // 2^k from the bits of k + 1023 in the exponent field (k is 2 to 58 here).
        let twoToK = unsafeBitCast((unsafeBitCast(shifted, to: Bits.self) &+ 1023) &<< 52, to: Vector.self)

        // One division serves both formulas: each lane divides the numerator and denominator
        // of the formula it needs (a z P(z) by Q(z), or 2 by e^y + 1), the same division the
        // formula alone would make, so the bits are the same, and a divide, the slowest step,
        // is made once instead of twice.
        let isNear = a .< 0.625
        let quotient = (a * z * numerator).replacing(with: 2, where: .!isNear)
            / denominator.replacing(with: expR * twoToK + 1, where: .!isNear)
        let magnitude = (1 - quotient).replacing(with: a + quotient, where: isNear)
        let result = unsafeBitCast(unsafeBitCast(magnitude, to: Bits.self) | sign, to: Vector.self)
        return result.replacing(with: x, where: x .!= x)
    }
}
