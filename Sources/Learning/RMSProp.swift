/// RMSProp: divide each parameter's gradient by a running root mean square of its recent
/// gradients, so that every parameter takes steps of about the same size whatever the scale
/// of its gradient (Hinton, Srivastava and Swersky, *Neural Networks for Machine Learning*,
/// Coursera lecture 6e, 2012). Each parameter keeps a mean square s (starting at 0):
///
///     s ← β₂ s + (1 - β₂) g²
///     W ← W - α g / (√s + ε)
///
/// element by element, with g = ∂J/∂W, learning rate α > 0, decay 0 ≤ β₂ < 1 (the lecture's
/// 0.9; chapter 12 writes β₂, Adam's name for the same average) and a small ε > 0 that keeps
/// the division finite where s is 0. The lecture writes g / √s; ε outside the root is
/// PyTorch's choice, and Adam's.
///
/// A steep direction (large g) gets a large √s and a gradient direction that is shallow gets
/// a small one, so the two step at comparable speeds: the cure for a narrow valley that
/// momentum only eases. With s starting at 0, the first steps are larger than α: at the first
/// step √s = √(1 - β₂) |g|, so the step is α / √(1 - β₂) (3.16 α for β₂ = 0.9); Adam corrects this.
///
/// The mean squares are this value's state, one per parameter, created at its first update.
public struct RMSProp: Optimizer {
    /// The learning rate α, a positive number.
    public var learningRate: Double {
        didSet { checkLearningRate(learningRate) }
    }
    /// The decay β₂ of the running mean square, 0 ≤ β₂ < 1.
    public let decay: Double
    /// ε, added to √s before dividing.
    public let epsilon: Double
    /// The running mean square s of each parameter's gradient, by parameter index.
    public private(set) var meanSquares: [Int: Matrix] = [:]

    /// RMSProp with learning rate α = `learningRate` (> 0), decay β₂ = `decay` in [0, 1)
    /// (0.9 by default) and ε = `epsilon` > 0 (1e-8 by default).
    public init(learningRate: Double, decay: Double = 0.9, epsilon: Double = 1e-8) {
        checkLearningRate(learningRate)
        if !(decay >= 0 && decay < 1) {
            fatalError("RMSProp's decay must be in [0, 1), got \(decay)")
        }
        if !(epsilon > 0 && epsilon.isFinite) {
            fatalError("RMSProp's epsilon must be a small positive number, got \(epsilon)")
        }
        self.learningRate = learningRate
        self.decay = decay
        self.epsilon = epsilon
    }

    /// The running mean square s of parameter `index`; stops with a message if that parameter
    /// was never updated.
    public func meanSquare(ofParameter index: Int) -> Matrix {
        guard let s = meanSquares[index] else {
            fatalError("no mean square for parameter \(index) yet: RMSProp creates it at the parameter's first update")
        }
        return s
    }

    /// s ← β₂ s + (1 - β₂) g², then W ← W - α g / (√s + ε), in place.
    public mutating func update(_ parameter: inout Matrix, gradient: Matrix, index: Int) {
        checkGradient(parameter, gradient, index: index)
        let shape = parameter.shape
        parameter.elements.withUnsafeMutableBufferPointer { w in
            gradient.elements.withUnsafeBufferPointer { g in update(w, gradient: g, shape: shape, index: index) }
        }
    }

    /// s_k ← β₂ s_k + (1 - β₂) g_k², then w_k ← w_k - α g_k / (√s_k + ε), for the parameter's
    /// numbers w and its gradient's g (`StorageOptimizer`), with s the mean square of parameter `index`.
    mutating func update(_ w: UnsafeMutableBufferPointer<Double>, gradient g: UnsafeBufferPointer<Double>, shape: Shape, index: Int) {
        let alpha = learningRate, beta2 = decay, eps = epsilon
        RMSProp.step(&meanSquares[index, default: Matrix(rows: shape.rows, columns: shape.columns, repeating: 0)],
                     w, g, shape: shape, index: index, alpha: alpha, beta2: beta2, eps: eps)
    }

    /// The update with the mean square `meanSquare`, changed in place where the dictionary keeps it.
    private static func step(_ meanSquare: inout Matrix, _ w: UnsafeMutableBufferPointer<Double>, _ g: UnsafeBufferPointer<Double>,
                             shape: Shape, index: Int, alpha: Double, beta2: Double, eps: Double) {
        checkState(meanSquare.shape, of: shape, index: index, optimizer: "RMSProp")
        meanSquare.elements.withUnsafeMutableBufferPointer { s in
            forEachNumber(w.count) { k in
                s[k] = beta2 * s[k] + (1 - beta2) * g[k] * g[k]
                w[k] -= alpha * g[k] / (s[k].squareRoot() + eps)
            }
        }
    }
}
