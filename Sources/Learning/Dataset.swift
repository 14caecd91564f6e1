/// A set of examples: features and labels, one example per column.
///
/// `features` is (number of features, m); `labels` is (number of targets, m): a row of 0/1
/// for a yes/no task, a row of class numbers 0, 1, ... before one-hot encoding, a one-hot
/// (classes, m) matrix for softmax, or real numbers for regression.
public struct Dataset: Sendable, Equatable {
    /// The inputs X, shape (features, m).
    public var features: Matrix
    /// The targets Y, shape (targets, m).
    public var labels: Matrix

    /// A dataset from features and labels with the same number of columns (examples).
    public init(features: Matrix, labels: Matrix) {
        if features.columns != labels.columns {
            fatalError("shape mismatch: features \(features.shape) and labels \(labels.shape) need one column per example each")
        }
        self.features = features
        self.labels = labels
    }

    /// The number of examples m.
    public var count: Int { features.columns }

    /// The examples at `indices`, in that order.
    public func examples(at indices: [Int]) -> Dataset {
        Dataset(features: features.columns(at: indices), labels: labels.columns(at: indices))
    }

    /// A seeded random split into a training set and a test set held out from training:
    /// the examples are shuffled (Fisher–Yates, `generator`), the first
    /// round(testFraction x m) go to `test`, the rest to `training`.
    public func split(testFraction: Double, generator: inout SplitMix64) -> (training: Dataset, test: Dataset) {
        if !(testFraction >= 0 && testFraction <= 1) {
            fatalError("test fraction must be between 0 and 1, got \(testFraction)")
        }
        let order = generator.permutation(count)
        let testCount = Int((testFraction * Double(count)).rounded())
        return (examples(at: Array(order[testCount...])), examples(at: Array(order[..<testCount])))
    }

    /// The dataset in a CSV file of numbers: one example per line, the label in column
    /// `labelColumn` (counted from 0; default the last), every other column a feature.
    /// A header line is skipped (see `CSV`).
    ///
    /// - Throws: `CSVError` with the file and line of a malformed row.
    public static func load(csv path: String, labelColumn: Int? = nil) throws -> Dataset {
        let rows = try CSV.read(path)
        let width = rows[0].count
        let label = labelColumn ?? width - 1
        if width < 2 || label < 0 || label >= width {
            throw CSVError(path: path, line: 0, message: "label column \(label) does not exist in rows of \(width) numbers")
        }
        let m = rows.count
        var features = [Double](repeating: 0, count: (width - 1) * m)
        var labels = [Double](repeating: 0, count: m)
        for (j, row) in rows.enumerated() {
            var i = 0
            for (column, value) in row.enumerated() {
                if column == label {
                    labels[j] = value
                } else {
                    features[i * m + j] = value
                    i += 1
                }
            }
        }
        return Dataset(features: Matrix(rows: width - 1, columns: m, elements: features),
                       labels: Matrix(rows: 1, columns: m, elements: labels))
    }
}
