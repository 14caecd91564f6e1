/// An optimiser whose update also runs on numbers it is handed by pointer, as `train`'s step
/// holds them: there, passing each gradient to `update(_:gradient:index:)` as a `Matrix`
/// value retains and releases its storage, once per parameter and step (for a 2-2-2
/// network, 4 of the 8 reference counts a step had left before this form). `train` uses
/// this form for the optimisers that have it (`TrainingStep.update(_:by:)`), the matrix
/// form for any other.
///
/// A conforming type's `update(_:gradient:index:)` calls this one, so the two give the same
/// numbers: the same rule, `parameter` and `gradient` being the elements of the parameter
/// and of its gradient (as many), row after row.
protocol StorageOptimizer: Optimizer {
    /// One update step of parameter number `index`, of shape `shape`, from its gradient, in place.
    mutating func update(_ parameter: UnsafeMutableBufferPointer<Double>, gradient: UnsafeBufferPointer<Double>,
                         shape: Shape, index: Int)
}

extension GradientDescent: StorageOptimizer {}
extension Momentum: StorageOptimizer {}
extension NesterovMomentum: StorageOptimizer {}
extension RMSProp: StorageOptimizer {}
extension Adam: StorageOptimizer {}
