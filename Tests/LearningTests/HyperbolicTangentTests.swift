import Foundation
import Testing
import Learning

/// `Tanh` computes tanh itself, sixteen numbers at a time (Sources/Learning/HyperbolicTangent.swift):
/// these tests hold it to the C library's accuracy and to one answer per input.
@Suite struct HyperbolicTangentTests {
    let t = Tanh()

    /// The distance between a and b in units in the last place of b.
    func ulps(_ a: Double, _ b: Double) -> Double {
        abs(a - b) / max(b.magnitude.ulp, Double.leastNonzeroMagnitude)
    }

    @Test func correctlyRoundedAtSamplePoints() {
        // tanh at 200-bit precision (mpmath), rounded to the nearest double.
        let exact: [(Double, Double)] = [
            (0.5, 0.46211715726000974), (0.1, 0.09966799462495582), (0.625, 0.5545997223493823),
            (1, 0.7615941559557649), (3, 0.9950547536867305), (1e-8, 1e-8), (18, 0.9999999999999996),
        ]
        for (x, tanhX) in exact {
            #expect(ulps(t.value(x), tanhX) <= 1, "tanh(\(x))")
            #expect(t.value(-x) == -t.value(x))
        }
    }

    @Test func withinTwoUnitsOfTheCLibraryEverywhere() {
        // Both are within one unit of the exact value, so they differ by at most two.
        var generator = SplitMix64(seed: 11)
        var worst = 0.0, worstX = 0.0
        for scale in [1e-6, 0.7, 1, 3, 25] {
            for _ in 0..<40_000 {
                let x = scale * (2 * generator.uniform() - 1)
                let error = ulps(t.value(x), Foundation.tanh(x))
                if error > worst { (worst, worstX) = (error, x) }
            }
        }
        #expect(worst <= 2, "\(worst) units at x = \(worstX)")
    }

    @Test func specialValues() {
        #expect(t.value(0) == 0 && t.value(0).sign == .plus)
        #expect(t.value(-0.0) == 0 && t.value(-0.0).sign == .minus)
        #expect(t.value(.infinity) == 1 && t.value(-.infinity) == -1)
        #expect(t.value(.nan).isNaN)
        #expect(t.value(20) == 1 && t.value(19.5) == 1 && t.value(-400) == -1)
        #expect(t.value(Double.leastNonzeroMagnitude) == Double.leastNonzeroMagnitude)
    }

    @Test func increasingAcrossTheSwitchOfFormulas() {
        // Below 0.625 one formula, from 0.625 the other: no step backwards where they meet.
        var x = 0.625.nextDown
        for _ in 0..<12 { x = x.nextDown }
        var previous = t.value(x)
        for _ in 0..<24 {
            x = x.nextUp
            #expect(t.value(x) >= previous, "tanh decreases at \(x)")
            previous = t.value(x)
        }
        #expect(ulps(t.value(0.625), 0.5545997223493823) <= 1)
        #expect(ulps(t.value(0.625.nextDown), 0.5545997223493823) <= 2)
    }

    @Test func aMatrixGetsWhatEachNumberGets() {
        // 3 x 7 = 21 numbers: one vector of sixteen, then five in a vector filled up with zeros.
        var generator = SplitMix64(seed: 12)
        let z = Matrix(rows: 3, columns: 7, elements: (0..<21).map { _ in generator.uniform(in: -3..<3) })
        let a = t.forward(z)
        var into = Matrix(rows: 1, columns: 1, elements: [7])
        t.forward(z, into: &into)
        #expect(a.shape == z.shape && into == a)
        for k in z.elements.indices {
            #expect(a.elements[k].bitPattern == t.value(z.elements[k]).bitPattern, "element \(k)")
        }
    }

    @Test func theDocumentedFormulasToTheLastBit() {
        // Around both switches (0.625 and the cap at 20), tiny, huge and random numbers of
        // both signs, in vectors that mix the two formulas and vectors that use one.
        var xs: [Double] = [0, -0.0, 0.625, 20, 40, .infinity, 1e-300, 0.3, 2.5]
        for edge in [0.625, 20.0] {
            var x = edge
            for _ in 0..<8 { x = x.nextDown }
            for _ in 0..<16 { xs.append(x); x = x.nextUp }
        }
        var generator = SplitMix64(seed: 13)
        for scale in [0.5, 0.7, 3, 25] {
            for _ in 0..<4_000 { xs.append(scale * generator.uniform()) }
        }
        xs += xs.map { -$0 }
        let a = t.forward(Matrix(row: xs))
        for (k, x) in xs.enumerated() {
            #expect(a.elements[k].bitPattern == Self.formulas(x).bitPattern, "tanh(\(x))")
        }
        // NaN stays NaN beside numbers of both formulas.
        let mixed: [Double] = [.nan, 1, 0.1, .nan, 3, 0.2, 30, -1]
        for (k, value) in t.forward(Matrix(row: mixed)).elements.enumerated() {
            #expect(mixed[k].isNaN ? value.isNaN : value.bitPattern == Self.formulas(mixed[k]).bitPattern)
        }
    }

    /// HyperbolicTangent's two formulas, one number at a time, with a division each, as its
    /// documentation writes them: a + a z P(z) / Q(z) below 0.625, 1 - 2 / (e^y + 1) from there.
    static func formulas(_ x: Double) -> Double {
        let a = x.magnitude, z = a * a
        let numerator = (-9.64399179425052238628e-1 * z + -9.92877231001918586564e1) * z + -1.61468768441708447952e3
        let denominator = ((z + 1.12811678491632931402e2) * z + 2.23548839060100448583e3) * z + 4.84406305325125486048e3
        if a < 0.625 { return copysign(a + a * z * numerator / denominator, x) }
        let y = 2 * min(a, 20), shifter = 6755399441055744.0
        let shifted = y * 1.44269504088896338700e+00 + shifter, k = shifted - shifter
        let r = (y - k * 6.93147180369123816490e-01) - k * 1.90821492927058770002e-10
        let factorials: [Double] = [6_227_020_800, 479_001_600, 39_916_800, 3_628_800, 362_880, 40320, 5040, 720, 120, 24, 6]
        var e = 1 / factorials[0] * r + 1 / factorials[1]
        for f in factorials.dropFirst(2) { e = e * r + 1 / f }
        e = e * r + 1.0 / 2
        let expR = (e * r + 1) * r + 1
        let twoToK = Double(bitPattern: (shifted.bitPattern &+ 1023) << 52)
        return copysign(1 - 2 / (expR * twoToK + 1), x)
    }
}
