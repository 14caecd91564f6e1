/// How a layer's weights or biases start. Every case draws from a seeded `SplitMix64`
/// (even the ones that draw nothing), so a network's starting point is fixed by its seed.
///
/// - `zeros`, `constant(c)`: every entry the same. Fine for biases; for weights it leaves every
///   hidden unit identical forever (symmetry), which chapter 9 shows.
/// - `smallRandom(scale:)`: scale x N(0, 1), the classic 0.01 x randn.
/// - `uniform(scale:)`: uniform on [-scale, scale).
/// - `xavier`: N(0, 1) x √(1 / inputs), for tanh and sigmoid layers. Strictly this fan-in
///   scaling is LeCun's (LeCun, Bottou, Orr and Müller, 1998); Glorot and Bengio (2010), whose
///   "Xavier" the case is named after, use the variance 2 / (inputs + outputs). The two agree
///   when a layer has as many outputs as inputs.
/// - `he`: N(0, 1) x √(2 / inputs), for ReLU layers (He et al., 2015).
public enum Initializer: Sendable, Equatable {
    /// Every entry 0.
    case zeros
    /// Every entry the given number.
    case constant(Double)
    /// scale x a standard normal draw per entry.
    case smallRandom(scale: Double)
    /// A uniform draw from [-scale, scale) per entry.
    case uniform(scale: Double)
    /// N(0, 1) x √(1 / columns), LeCun's fan-in scaling (not Glorot's 2 / (fan-in + fan-out)):
    /// keeps the variance of Z near that of the inputs.
    case xavier
    /// N(0, 1) x √(2 / columns): the same for ReLU, which zeroes half its inputs.
    case he

    /// The usual small random start: 0.01 x N(0, 1).
    public static let small = Initializer.smallRandom(scale: 0.01)

    /// A (rows, columns) matrix of starting values; for weights, columns is the number of
    /// inputs (fan-in) that `xavier` and `he` scale by.
    public func matrix(rows: Int, columns: Int, generator: inout SplitMix64) -> Matrix {
        let count = rows * columns
        var values = [Double](repeating: 0, count: count)
        switch self {
        case .zeros:
            break
        case .constant(let c):
            values = [Double](repeating: c, count: count)
        case .smallRandom(let scale):
            for k in 0..<count { values[k] = scale * generator.normal() }
        case .uniform(let scale):
            for k in 0..<count { values[k] = generator.uniform(in: -scale..<scale) }
        case .xavier:
            let scale = (1 / Double(Swift.max(columns, 1))).squareRoot()
            for k in 0..<count { values[k] = scale * generator.normal() }
        case .he:
            let scale = (2 / Double(Swift.max(columns, 1))).squareRoot()
            for k in 0..<count { values[k] = scale * generator.normal() }
        }
        return Matrix(rows: rows, columns: columns, elements: values)
    }
}
