/// Random draws built on `SplitMix64` with our own code, so a seed gives the same numbers on
/// every machine and every Swift version (the standard library's `shuffle` and
/// `Double.random(in:)` may change their algorithms; these never do).
extension SplitMix64 {
    /// A uniform draw from [0, 1): the top 53 bits of `next()` times 2^-53.
    public mutating func uniform() -> Double {
        Double(next() >> 11) * 0x1p-53
    }

    /// A uniform draw from [low, high): low + (high - low) u.
    public mutating func uniform(in range: Range<Double>) -> Double {
        range.lowerBound + (range.upperBound - range.lowerBound) * uniform()
    }

    /// A normal (Gaussian) draw by the Box–Muller transform:
    ///
    ///     mean + standardDeviation x √(-2 ln u1) cos(2π u2)
    ///
    /// with u1 in (0, 1] and u2 in [0, 1) uniform. Uses two `next()` calls per draw.
    public mutating func normal(mean: Double = 0, standardDeviation: Double = 1) -> Double {
        let u1 = 1 - uniform()  // in (0, 1], so ln u1 is finite
        let u2 = uniform()
        let radius = (-2 * Math.logarithm(u1)).squareRoot()
        return mean + standardDeviation * radius * Math.cosine(2 * Double.pi * u2)
    }

    /// A uniform whole number in 0..<n, without modulo bias (draws that would favour small
    /// numbers are rejected and drawn again).
    public mutating func index(below n: Int) -> Int {
        if n <= 0 { fatalError("index(below:) needs n > 0, got \(n)") }
        let bound = UInt64(n)
        // The largest multiple of n that fits: draws at or above it are rejected.
        let limit = UInt64.max - (UInt64.max % bound + 1) % bound
        while true {
            let draw = next()
            if draw <= limit { return Int(draw % bound) }
        }
    }

    /// The Fisher–Yates shuffle of `0..<count`: a uniformly random order of the indices.
    ///
    /// For i from count - 1 down to 1, swap position i with a uniform position in 0...i.
    public mutating func permutation(_ count: Int) -> [Int] {
        var order = Array(0..<count)
        shuffle(&order)
        return order
    }

    /// Shuffles `array` in place by Fisher–Yates, with this generator.
    public mutating func shuffle<T>(_ array: inout [T]) {
        var i = array.count - 1
        while i > 0 {
            let j = index(below: i + 1)
            array.swapAt(i, j)
            i -= 1
        }
    }
}
