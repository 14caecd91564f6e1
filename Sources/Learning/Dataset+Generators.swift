/// Small datasets made by code, seeded, for the chapters' experiments.
extension Dataset {
    /// XOR: the four corners of the unit square, labelled 1 when exactly one input is 1.
    ///
    ///     x1: 0 0 1 1
    ///     x2: 0 1 0 1
    ///     y:  0 1 1 0
    ///
    /// No straight line separates the classes, so it needs a hidden layer.
    public static func xor() -> Dataset {
        Dataset(features: Matrix([[0, 0, 1, 1], [0, 1, 0, 1]]), labels: Matrix([[0, 1, 1, 0]]))
    }

    /// Two interleaving half circles ("moons"), `count` points in all, labels 0 and 1.
    ///
    /// Class 0: (cos t, sin t); class 1: (1 - cos t, 0.5 - sin t); t evenly spaced on [0, π];
    /// then N(0, noise²) added to each coordinate. Class 0 first, then class 1.
    public static func twoMoons(count: Int, noise: Double, generator: inout SplitMix64) -> Dataset {
        let upper = count / 2 + count % 2, lower = count / 2
        var x1: [Double] = [], x2: [Double] = [], y: [Double] = []
        for (label, n) in [(0, upper), (1, lower)] {
            for k in 0..<n {
                let t = n > 1 ? Double.pi * Double(k) / Double(n - 1) : 0
                let (c, s) = (Math.cosine(t), Math.sine(t))
                x1.append((label == 0 ? c : 1 - c) + noise * generator.normal())
                x2.append((label == 0 ? s : 0.5 - s) + noise * generator.normal())
                y.append(Double(label))
            }
        }
        return Dataset(features: Matrix([x1, x2]), labels: Matrix(row: y))
    }

    /// Interleaved spiral arms, `countPerClass` points on each of `classes` arms; labels are the
    /// arm numbers 0..<classes as a (1, m) row (use `oneHot(classes:)` for softmax).
    ///
    /// Arm c, point k: radius r = k / (countPerClass - 1), angle θ = 4(c + r) + noise x N(0, 1),
    /// position (r sin θ, r cos θ).
    public static func spirals(countPerClass: Int, classes: Int, noise: Double, generator: inout SplitMix64) -> Dataset {
        var x1: [Double] = [], x2: [Double] = [], y: [Double] = []
        for c in 0..<classes {
            for k in 0..<countPerClass {
                let r = countPerClass > 1 ? Double(k) / Double(countPerClass - 1) : 0
                let angle = 4 * (Double(c) + r) + noise * generator.normal()
                x1.append(r * Math.sine(angle))
                x2.append(r * Math.cosine(angle))
                y.append(Double(c))
            }
        }
        return Dataset(features: Matrix([x1, x2]), labels: Matrix(row: y))
    }

    /// Points near a line: x uniform on [-1, 1), y = slope x + intercept + noise x N(0, 1).
    /// Features (1, count), labels (1, count).
    public static func noisyLine(count: Int, slope: Double, intercept: Double, noise: Double,
                                 generator: inout SplitMix64) -> Dataset {
        sampled(count: count, in: -1..<1, noise: noise, generator: &generator) { slope * $0 + intercept }
    }

    /// Samples of a known function for regression: x uniform on `range`,
    /// y = f(x) + noise x N(0, 1). Features (1, count), labels (1, count).
    public static func sampled(count: Int, in range: Range<Double>, noise: Double, generator: inout SplitMix64,
                               of f: (Double) -> Double) -> Dataset {
        var x: [Double] = [], y: [Double] = []
        for _ in 0..<count {
            let value = generator.uniform(in: range)
            x.append(value)
            y.append(f(value) + noise * generator.normal())
        }
        return Dataset(features: Matrix(row: x), labels: Matrix(row: y))
    }
}
