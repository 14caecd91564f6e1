/// A small, fast, seedable random number generator (Steele, Lea and Flood's SplitMix64).
///
/// Every random choice in the book goes through a generator like this one, created from a
/// written seed, so that every number in every chapter is the same on every machine and run.
///
///     state <- state + 0x9E3779B97F4A7C15
///     z <- (z xor (z >> 30)) * 0xBF58476D1CE4E5B9
///     z <- (z xor (z >> 27)) * 0x94D049BB133111EB
///     output z xor (z >> 31)
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    /// A generator whose whole sequence is fixed by `seed`.
    public init(seed: UInt64) {
        state = seed
    }

    /// The next 64 random bits: advance the state by the golden-ratio step, then mix it.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
