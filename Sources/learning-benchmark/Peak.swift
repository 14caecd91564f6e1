import Dispatch

/// The machine's peak for the arithmetic the product kernels do, measured: separate vector
/// multiplies and adds (no fused multiply-add, which would change results), with no memory
/// traffic at all, at every vector width a build may use.
///
/// One step of a chain multiplies a vector by a constant (m ← m c) and adds it into a sum
/// (s ← s + m), so half the operations go to the multiply pipes and half to the add pipes.
/// The pipes take a new operation every cycle but finish it 3 or 4 cycles later, so the
/// chains must be independent and many: two multiply pipes of 3 cycles need 6 multiply
/// chains in flight (Zen 3), and two shared pipes of 4 cycles need 8 operations of either
/// kind (Intel). And they must fit in the registers: a chain that is written to memory and
/// read back every step measures the memory, not the pipes. An AVX2 build has 16 registers
/// of 4 numbers, where an 8-number vector takes two, so 16 chains of 8 numbers need 32
/// registers and spill: the earlier, single kernel of this benchmark measured half of Zen 3's
/// peak that way, and a product kernel then ran at 114% of "peak".
///
/// So each `Shape` below keeps its chains (plus the constant) within the registers of one
/// vector width, from 6 to as many as fit, and the peak is the fastest of them: a rate some
/// code really reached on this machine, and one no product kernel, which does the same
/// operations and loads its numbers too, can exceed. A step adds the products of the step
/// before and then multiplies, so its adds and multiplies do not wait for each other: with
/// each add right after the multiply it waits for (as the compiler ordered `m *= c; s += m`)
/// 6 chains of 8 numbers reached 42-45 GFLOP/s on one core of this Emerald Rapids Xeon, and
/// its forward product 51, above that "peak"; now 8 chains reach 57, 2 vector operations per
/// cycle at 3.6 GHz, which is what the two vector pipes can take.
///
/// Each thread times its own rounds, short ones (about 2^21 operations, some 40 microseconds),
/// and keeps its fastest: on a shared machine a long round almost always
/// includes a moment when another program had the core, which made the peak lower than what
/// a kernel timed over one product (also the fastest of several) reached. On all cores the
/// threads run their rounds at the same time and the peak is the sum of their rates.
enum Peak {
    /// One micro-kernel: `chains` multiply chains and as many add chains of `width` numbers.
    struct Shape: CustomStringConvertible {
        let width: Int, chains: Int
        let run: @Sendable (_ steps: Int, _ seed: Double) -> Double

        /// Floating-point operations in one run of `steps` steps.
        func flops(steps: Int) -> Double { Double(steps) * Double(2 * chains * width) }

        var description: String { "\(chains) x 2 chains of \(width) numbers" }
    }

    /// Chains of 2 numbers (SSE2: 6 + 6 chains and the constant fill 13 of 16 registers), of 4
    /// (AVX2: 6 or 7 + as many, of 16 registers), of 8 in two registers each (AVX2: 3 + 3) and
    /// of 8 in one register each (AVX-512: 6, 8 or 12 + as many, of 32 registers).
    static let shapes: [Shape] = [
        Shape(width: 2, chains: 6) { chains6(SIMD2<Double>.self, steps: $0, seed: $1) },
        Shape(width: 4, chains: 6) { chains6(SIMD4<Double>.self, steps: $0, seed: $1) },
        Shape(width: 4, chains: 7) { chains7(SIMD4<Double>.self, steps: $0, seed: $1) },
        Shape(width: 8, chains: 3) { chains3(SIMD8<Double>.self, steps: $0, seed: $1) },
        Shape(width: 8, chains: 6) { chains6(SIMD8<Double>.self, steps: $0, seed: $1) },
        Shape(width: 8, chains: 8) { chains8(SIMD8<Double>.self, steps: $0, seed: $1) },
        Shape(width: 8, chains: 12) { chains12(SIMD8<Double>.self, steps: $0, seed: $1) },
    ]

    /// The rate in GFLOP/s of every shape, in the order of `shapes`, on `threads` threads at
    /// once; the peak is the largest.
    static func measure(threads: Int) -> [Double] {
        shapes.map { measure($0, threads: threads) }
    }

    /// GFLOP/s of `threads` threads running `shape` at once: each thread's fastest of `rounds`
    /// rounds of about 2^21 operations, timed by the thread itself, summed over the threads.
    static func measure(_ shape: Shape, threads: Int, rounds: Int = 1000) -> Double {
        let steps = (1 << 21) / (2 * shape.chains * shape.width)
        let rates = Results(count: threads), checksums = Results(count: threads)
        DispatchQueue.concurrentPerform(iterations: threads) { t in
            var best = 0.0, checksum = 0.0
            for round in 0..<rounds {
                let time = seconds { checksum += shape.run(steps, Double(t + round)) }
                best = max(best, shape.flops(steps: steps) / time / 1e9)
            }
            rates.values[t] = best
            checksums.values[t] = checksum
        }
        precondition(checksums.values.reduce(0, +).isFinite)
        return rates.values.reduce(0, +)
    }

    /// `count` multiply chains and `count` add chains of `V` (a constant at every call, at
    /// most 12, so the unused chains fold away); returns a number that depends on all of them,
    /// so the compiler cannot drop any. The factor 1 - 1e-9 keeps the numbers normal.
    @inline(__always)
    static func chains<V: SIMD>(_ count: Int, _: V.Type, steps: Int, seed: Double) -> Double where V.Scalar == Double {
        let scale = V(repeating: 1 - 1e-9)
        var m0 = V(repeating: seed), m1 = m0 + 1, m2 = m0 + 2, m3 = m0 + 3, m4 = m0 + 4, m5 = m0 + 5
        var m6 = m0 + 6, m7 = m0 + 7, m8 = m0 + 8, m9 = m0 + 9, m10 = m0 + 10, m11 = m0 + 11
        var s0 = V(), s1 = s0, s2 = s0, s3 = s0, s4 = s0, s5 = s0, s6 = s0, s7 = s0, s8 = s0, s9 = s0, s10 = s0, s11 = s0
        for _ in 0..<steps {
            s0 += m0; s1 += m1; s2 += m2
            if count >= 6 { s3 += m3; s4 += m4; s5 += m5 }
            if count >= 7 { s6 += m6 }
            if count >= 8 { s7 += m7 }
            if count >= 12 { s8 += m8; s9 += m9; s10 += m10; s11 += m11 }
            m0 *= scale; m1 *= scale; m2 *= scale
            if count >= 6 { m3 *= scale; m4 *= scale; m5 *= scale }
            if count >= 7 { m6 *= scale }
            if count >= 8 { m7 *= scale }
            if count >= 12 { m8 *= scale; m9 *= scale; m10 *= scale; m11 *= scale }
        }
        return (s0 + s1 + s2 + s3 + s4 + s5 + s6 + s7 + s8 + s9 + s10 + s11).sum()
    }

    @inline(never)
    static func chains3<V: SIMD>(_: V.Type, steps: Int, seed: Double) -> Double where V.Scalar == Double {
        chains(3, V.self, steps: steps, seed: seed)
    }

    @inline(never)
    static func chains6<V: SIMD>(_: V.Type, steps: Int, seed: Double) -> Double where V.Scalar == Double {
        chains(6, V.self, steps: steps, seed: seed)
    }

    @inline(never)
    static func chains7<V: SIMD>(_: V.Type, steps: Int, seed: Double) -> Double where V.Scalar == Double {
        chains(7, V.self, steps: steps, seed: seed)
    }

    @inline(never)
    static func chains8<V: SIMD>(_: V.Type, steps: Int, seed: Double) -> Double where V.Scalar == Double {
        chains(8, V.self, steps: steps, seed: seed)
    }

    @inline(never)
    static func chains12<V: SIMD>(_: V.Type, steps: Int, seed: Double) -> Double where V.Scalar == Double {
        chains(12, V.self, steps: steps, seed: seed)
    }
}

/// One number per thread, each written by its own thread only.
private final class Results: @unchecked Sendable {
    let values: UnsafeMutableBufferPointer<Double>
    init(count: Int) { values = .allocate(capacity: count); values.initialize(repeating: 0) }
    deinit { values.deallocate() }
}
