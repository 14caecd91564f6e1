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
/// So each `Shape` below keeps 12 registers' worth of chains (plus the constant) for one
/// vector width, and the peak is the fastest of them: a rate some code really reached on
/// this machine, and one no product kernel, which does the same operations and loads its
/// numbers too, can exceed.
enum Peak {
    /// One micro-kernel: `chains` multiply chains and as many add chains of `width` numbers.
    struct Shape: CustomStringConvertible {
        let width: Int, chains: Int
        let run: @Sendable (_ steps: Int, _ seed: Double) -> Double

        /// Floating-point operations in one run of `steps` steps.
        func flops(steps: Int) -> Double { Double(steps) * Double(2 * chains * width) }

        var description: String { "\(chains) x 2 chains of \(width) numbers" }
    }

    /// 6 + 6 chains of 2, 4 and 8 numbers (12 registers with SSE2, AVX2 and AVX-512
    /// respectively), and 3 + 3 chains of 8 numbers (12 AVX2 registers).
    static let shapes: [Shape] = [
        Shape(width: 2, chains: 6) { chains6(SIMD2<Double>.self, steps: $0, seed: $1) },
        Shape(width: 4, chains: 6) { chains6(SIMD4<Double>.self, steps: $0, seed: $1) },
        Shape(width: 8, chains: 6) { chains6(SIMD8<Double>.self, steps: $0, seed: $1) },
        Shape(width: 8, chains: 3) { chains3(SIMD8<Double>.self, steps: $0, seed: $1) },
    ]

    /// The rate in GFLOP/s of every shape, in the order of `shapes`, on `threads` threads at
    /// once; the peak is the largest.
    static func measure(threads: Int) -> [Double] {
        shapes.map { measure($0, threads: threads) }
    }

    /// GFLOP/s of `threads` threads running `shape` at once: the best of `rounds` rounds,
    /// each about 10^9 operations per thread (as many rounds as the products' fastest of 20
    /// need about as long, so neither side has more tries at a quiet moment).
    static func measure(_ shape: Shape, threads: Int, rounds: Int = 10) -> Double {
        let steps = 1_000_000_000 / (2 * shape.chains * shape.width)
        var best = 0.0, checksum = 0.0
        for _ in 0..<rounds {
            let time = seconds {
                let results = Results(count: threads)
                DispatchQueue.concurrentPerform(iterations: threads) { t in
                    results.values[t] = shape.run(steps, Double(t))
                }
                checksum += results.values.reduce(0, +)
            }
            best = max(best, Double(threads) * shape.flops(steps: steps) / time / 1e9)
        }
        precondition(checksum.isFinite)
        return best
    }

    /// 6 multiply chains and 6 add chains of `V`; returns a number that depends on all of
    /// them, so the compiler cannot drop any. The factor 1 - 1e-9 keeps the numbers normal.
    @inline(never)
    static func chains6<V: SIMD>(_: V.Type, steps: Int, seed: Double) -> Double where V.Scalar == Double {
        let scale = V(repeating: 1 - 1e-9)
        var m0 = V(repeating: seed), m1 = m0 + 1, m2 = m0 + 2, m3 = m0 + 3, m4 = m0 + 4, m5 = m0 + 5
        var s0 = V(), s1 = s0, s2 = s0, s3 = s0, s4 = s0, s5 = s0
        for _ in 0..<steps {
            m0 *= scale; m1 *= scale; m2 *= scale; m3 *= scale; m4 *= scale; m5 *= scale
            s0 += m0; s1 += m1; s2 += m2; s3 += m3; s4 += m4; s5 += m5
        }
        return (s0 + s1 + s2 + s3 + s4 + s5).sum()
    }

    /// 3 multiply chains and 3 add chains of `V`, as `chains6`.
    @inline(never)
    static func chains3<V: SIMD>(_: V.Type, steps: Int, seed: Double) -> Double where V.Scalar == Double {
        let scale = V(repeating: 1 - 1e-9)
        var m0 = V(repeating: seed), m1 = m0 + 1, m2 = m0 + 2
        var s0 = V(), s1 = s0, s2 = s0
        for _ in 0..<steps {
            m0 *= scale; m1 *= scale; m2 *= scale
            s0 += m0; s1 += m1; s2 += m2
        }
        return (s0 + s1 + s2).sum()
    }
}

/// One number per thread, each written by its own thread only.
private final class Results: @unchecked Sendable {
    let values: UnsafeMutableBufferPointer<Double>
    init(count: Int) { values = .allocate(capacity: count); values.initialize(repeating: 0) }
    deinit { values.deallocate() }
}
