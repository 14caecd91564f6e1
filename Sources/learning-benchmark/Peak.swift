import Dispatch

/// The machine's peak for the arithmetic the product kernels do, measured: separate vector
/// multiplies and adds (no fused multiply-add, which would change results), with no memory
/// traffic at all.
///
/// Each step multiplies 8 vectors by a constant and adds them into 8 others: 16 independent
/// chains, enough to keep every floating-point port busy while each waits out its latency.
/// Compiled with the same machine flags as Learning (Package.swift), so the vectors are as
/// wide as the kernels' (8 numbers: one AVX-512 register, or two AVX2 ones).
enum Peak {
    /// Floating-point operations in one `chains` call with `steps` steps.
    static func flops(steps: Int) -> Double { Double(steps) * 16 * 8 }

    /// 16 chains of `steps` multiplies and adds; returns a number that depends on all of them,
    /// so the compiler cannot drop any.
    @inline(never)
    static func chains(steps: Int, seed: Double) -> Double {
        typealias V = SIMD8<Double>
        let scale = V(repeating: 1 - 1e-9)
        var m0 = V(repeating: seed), m1 = m0 + 1, m2 = m0 + 2, m3 = m0 + 3
        var m4 = m0 + 4, m5 = m0 + 5, m6 = m0 + 6, m7 = m0 + 7
        var s0 = V(), s1 = s0, s2 = s0, s3 = s0, s4 = s0, s5 = s0, s6 = s0, s7 = s0
        for _ in 0..<steps {
            m0 *= scale; m1 *= scale; m2 *= scale; m3 *= scale
            m4 *= scale; m5 *= scale; m6 *= scale; m7 *= scale
            s0 += m0; s1 += m1; s2 += m2; s3 += m3
            s4 += m4; s5 += m5; s6 += m6; s7 += m7
        }
        return (s0 + s1 + s2 + s3 + s4 + s5 + s6 + s7).sum()
    }

    /// GFLOP/s of `threads` threads running `chains` at once: the best of `rounds` rounds,
    /// each about 2 x 10^9 operations per thread.
    static func measure(threads: Int, rounds: Int = 3) -> Double {
        let steps = 16_000_000
        var best = 0.0, checksum = 0.0
        for _ in 0..<rounds {
            let time = seconds {
                let results = Results(count: threads)
                DispatchQueue.concurrentPerform(iterations: threads) { t in
                    results.values[t] = chains(steps: steps, seed: Double(t))
                }
                checksum += results.values.reduce(0, +)
            }
            best = max(best, Double(threads) * flops(steps: steps) / time / 1e9)
        }
        precondition(checksum.isFinite)
        return best
    }
}

/// One number per thread, each written by its own thread only.
private final class Results: @unchecked Sendable {
    let values: UnsafeMutableBufferPointer<Double>
    init(count: Int) { values = .allocate(capacity: count); values.initialize(repeating: 0) }
    deinit { values.deallocate() }
}
