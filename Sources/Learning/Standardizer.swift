/// Standardisation: shift and scale each feature to mean 0 and standard deviation 1,
///
///     x' = (x - μ) / σ        per feature (per row), μ and σ over the training examples
///
/// Fit it on the training set only, then apply the same μ and σ to the test set: the test
/// set must stay unseen. σ is the population standard deviation, √((1/m) Σ (x - μ)²); a
/// feature that never changes (σ = 0) is only shifted (σ is taken as 1).
public struct Standardizer: Sendable, Equatable {
    /// μ, the mean of each feature, shape (features, 1).
    public let mean: Matrix
    /// σ, the standard deviation of each feature (1 where it was 0), shape (features, 1).
    public let standardDeviation: Matrix

    /// μ and σ of each row of `features` (features, m).
    public init(fitting features: Matrix) {
        if features.columns == 0 { fatalError("cannot standardise \(features.shape): no examples") }
        let mean = features.rowMeans()
        let centred = features - mean
        let variance = (centred .* centred).rowMeans()
        self.mean = mean
        self.standardDeviation = variance.map { $0 > 0 ? $0.squareRoot() : 1 }
    }

    /// (x - μ) / σ for every column of `features`.
    public func apply(_ features: Matrix) -> Matrix {
        if features.rows != mean.rows {
            fatalError("shape mismatch: fitted on \(mean.rows) features, got \(features.shape)")
        }
        return (features - mean) / standardDeviation
    }
}
