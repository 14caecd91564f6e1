/// Calls `body(k)` for k = 0, 1, ..., count - 1, in order: the loop of the optimisers'
/// updates, which visit a parameter's numbers one index at a time.
///
/// Fewer than `vectorFrom` (8) numbers go through a loop of their own, which the compiler
/// unrolls and leaves scalar; more go through the plain loop it vectorises. A parameter that
/// small belongs to a tiny network, whose gradient the training step has just written one
/// number at a time, and a vector load that spans numbers still on their way to the cache
/// cannot take them from the pending stores: it waits until they are written (a failed
/// store-to-load forward, the likely cause of what was measured). Built for AVX2, whose
/// vectorised loop takes a remainder of 4 numbers with one 256-bit load, the plain loop made
/// the 2-2-2 network's training (`learning-benchmark tiny`) 3 to 4% slower than an SSE2 build,
/// whose loop stays scalar below 6 numbers, while running fewer instructions; with the split
/// it is as fast or faster, and the AVX-512 build 5% faster than before. Either way each
/// number is computed by the same operations, so the results are the same bits.
@inline(__always)
func forEachNumber(_ count: Int, _ body: (Int) -> Void) {
    if count < vectorFrom {
        var k = 0
        while k < count {
            body(k)
            k &+= 1
        }
    } else {
        for k in 0..<count { body(k) }
    }
}

/// The fewest numbers `forEachNumber` hands to a vectorisable loop: 8, two 256-bit vectors.
let vectorFrom = 8
