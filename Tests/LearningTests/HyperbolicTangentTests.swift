import Foundation
import Testing
import Learning

/// `Tanh` computes tanh itself, eight numbers at a time (Sources/Learning/HyperbolicTangent.swift):
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
        // 3 x 5 = 15 numbers: one vector of eight, then seven one at a time.
        var generator = SplitMix64(seed: 12)
        let z = Matrix(rows: 3, columns: 5, elements: (0..<15).map { _ in generator.uniform(in: -3..<3) })
        let a = t.forward(z)
        var into = Matrix(rows: 1, columns: 1, elements: [7])
        t.forward(z, into: &into)
        #expect(a.shape == z.shape && into == a)
        for k in z.elements.indices {
            #expect(a.elements[k].bitPattern == t.value(z.elements[k]).bitPattern, "element \(k)")
        }
    }
}
