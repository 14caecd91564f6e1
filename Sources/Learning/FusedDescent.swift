/// Gradient descent on the first layer's weights, W ← W - α dW, made by the kernel that
/// computes dW (`DotProducts`), a block of columns of dW at a time as soon as the kernel has
/// written it, while its numbers are still in the core's first-level cache: full-batch
/// training with `GradientDescent` whose inputs are kept in panels (see `TrainingStep`).
///
/// Why: the next forward product reads W packed (`InOrderDots.pack`), 8 rows side by side.
/// Packed after the update, on one core, by a second pass, it took about 7% of the wide
/// network's training, and the other core then read all of it out of the first core's cache.
/// Moved here, each core moves the columns of W whose gradient it computed, in both layouts,
/// while the other core does the same for the rest.
///
/// Each number is moved as `GradientDescent` moves it, w - α g (a multiply, then a
/// subtraction), so W is the same to the last bit as the update after the product gives.
struct FusedDescent: @unchecked Sendable {
    /// α, the learning rate.
    let rate: Double
    /// W (m, p), row-major like dW: moved in place.
    let weights: UnsafeMutablePointer<Double>
    /// The same W as `InOrderDots.pack` lays it out: moved in place too, for the next product.
    let packed: UnsafeMutablePointer<Double>

    /// Moves the columns `columns` of W's block `block` of 8 rows (its first `rows` rows are
    /// W's, the rest padding in the packed copy), whose gradient the kernel has just written
    /// at `gradient` (dW's numbers from row 8 block and column `columns.lowerBound`, rows `p`
    /// apart, still in the core's first-level cache).
    @inline(never)
    func move(block: Int, columns: Range<Int>, gradient: UnsafePointer<Double>, rows: Int, p: Int) {
        typealias Vector = SIMD8<Double>
        let step = Vector(repeating: rate)
        for k in columns {
            let t = k &- columns.lowerBound, at = packed + (block &* p &+ k) &* 8
            // Lanes past `rows` hold the padding, 0, which a zero gradient leaves at 0.
            var g = Vector()
            for r in 0..<rows { g[r] = gradient[r &* p &+ t] }
            let moved = Vector.load(at) - step * g
            moved.store(at)
            let w = weights + (block &* 8 &* p &+ k)
            for r in 0..<rows { w[r &* p] = moved[r] }
        }
    }
}
