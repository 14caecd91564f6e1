import Learning

/// The three trainings the benchmark times, written with Learning's public API.
///
/// Benchmarks/numpy_reference.py does the same in NumPy: the same data and starting
/// weights (drawn from the same `SplitMix64` streams), the same update rules and the same
/// number of updates, so the final costs of the two sides agree to many digits.
enum Workload: String, CaseIterable {
    /// Chapter 2's shapes: 12288 inputs, 8 ReLU units, 1 sigmoid output, 209 examples,
    /// binary cross-entropy, full-batch gradient descent, 500 iterations.
    case wide
    /// A 2-2-2 sigmoid network on one example, mean squared error, gradient descent,
    /// 100,000 steps: the cost of every small operation shows.
    case tiny
    /// The handwritten digits: 64-32-10, tanh then softmax, cross-entropy, mini-batch SGD
    /// with momentum 0.9, batches of 32, 20 epochs.
    case digits
}

/// A finished training: how long the training loop took and the cost it ended at.
struct Outcome {
    var seconds: Double
    var cost: Double
}

/// Seconds taken by `body`, measured on the monotonic clock.
func seconds(_ body: () throws -> Void) rethrows -> Double {
    let clock = ContinuousClock()
    let start = clock.now
    try body()
    let elapsed = clock.now - start
    return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
}

/// Synthetic "images" for `wide`: 209 examples of 12288 values in [0, 1.1), labels 0 or 1,
/// positives 0.1 brighter. Seed 1 draws the labels (the top bit of `next()`), then the
/// pixels row by row with `uniform()`.
func wideData() -> (inputs: Matrix, labels: Matrix) {
    var generator = SplitMix64(seed: 1)
    let labels = (0..<209).map { _ in Double(generator.next() >> 63) }
    var pixels = [Double](repeating: 0, count: 12288 * 209)
    for i in 0..<12288 {
        for j in 0..<209 { pixels[i * 209 + j] = generator.uniform() + 0.1 * labels[j] }
    }
    return (Matrix(rows: 12288, columns: 209, elements: pixels), Matrix(row: labels))
}

/// `iterations` other than 500 is for counting instructions (`wide10` in main.swift), where
/// valgrind takes too long for the whole training.
func trainWide(iterations: Int = 500) throws -> Outcome {
    let (x, y) = wideData()
    var generator = SplitMix64(seed: 2)
    var network = Network(sizes: [12288, 8, 1], hidden: .relu, output: .sigmoid,
                          weights: .uniform(scale: 0.01), bias: .zeros, generator: &generator)
    var history: TrainingHistory?
    let time = try seconds {
        history = try network.train(inputs: x, expected: y, loss: BinaryCrossEntropy(),
                                    optimizer: GradientDescent(learningRate: 0.01), iterations: iterations)
    }
    return Outcome(seconds: time, cost: history?.costs.last ?? .nan)
}

func trainTiny() throws -> Outcome {
    let x = Matrix(column: [0.05, 0.10]), y = Matrix(column: [0.01, 0.99])
    var network = Network([
        Dense(weights: Matrix([[0.15, 0.20], [0.25, 0.30]]), bias: Matrix(column: [0.35, 0.35]), activation: .sigmoid),
        Dense(weights: Matrix([[0.40, 0.45], [0.50, 0.55]]), bias: Matrix(column: [0.60, 0.60]), activation: .sigmoid),
    ])
    var history: TrainingHistory?
    let time = try seconds {
        history = try network.train(inputs: x, expected: y, loss: MeanSquaredError(),
                                    optimizer: GradientDescent(learningRate: 0.5), iterations: 100_000)
    }
    return Outcome(seconds: time, cost: history?.costs.last ?? .nan)
}

/// The handwritten digits from `csv` (64 pixels 0...16, then the digit, per line): inputs
/// (64, m) divided by 16, one-hot targets (10, m).
func digitsData(csv: String) throws -> (inputs: Matrix, targets: Matrix) {
    let digits = try Dataset.load(csv: csv)
    return (digits.features / 16, digits.labels.oneHot(classes: 10))
}

func trainDigits(csv: String) throws -> Outcome {
    let (x, y) = try digitsData(csv: csv)
    var generator = SplitMix64(seed: 3)
    var network = Network(sizes: [64, 32, 10], hidden: .tanh, output: .softmax,
                          weights: .uniform(scale: 0.1), bias: .zeros, generator: &generator)
    var shuffler = SplitMix64(seed: 4)
    var history: TrainingHistory?
    let time = try seconds {
        history = try network.train(inputs: x, expected: y, loss: CrossEntropy(),
                                    optimizer: Momentum(learningRate: 0.05, momentum: 0.9),
                                    batchSize: 32, epochs: 20, generator: &shuffler)
    }
    return Outcome(seconds: time, cost: history?.costs.last ?? .nan)
}

/// The two big products of `wide` alone, each the fastest of `repetitions`, in seconds: the
/// forward product W (8, 12288) X (12288, 209) (`*`, the row-update kernel) and the weight
/// gradient dZ (8, 209) Xᵀ (`timesTransposed`, the dot-product kernel).
func timeWideProducts(repetitions: Int = 20) -> (forward: Double, gradient: Double) {
    let (x, _) = wideData()
    var generator = SplitMix64(seed: 2)
    var w = Initializer.uniform(scale: 0.01).matrix(rows: 8, columns: 12288, generator: &generator)
    var dz = Initializer.uniform(scale: 0.01).matrix(rows: 8, columns: 209, generator: &generator)
    var forward = Double.infinity, gradient = Double.infinity, checksum = 0.0
    for _ in 0..<repetitions {
        w.elements[0] += 1e-3  // a new product each time, so none can be reused
        dz.elements[0] += 1e-3
        forward = min(forward, seconds { checksum += (w * x).elements[0] })
        gradient = min(gradient, seconds { checksum += dz.timesTransposed(x).elements[0] })
    }
    precondition(checksum.isFinite)
    return (forward, gradient)
}
