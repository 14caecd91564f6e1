/// Adam: momentum and RMSProp together, with both running averages corrected for starting at
/// zero (Kingma and Ba, "Adam: A Method for Stochastic Optimization", ICLR 2015, Algorithm 1).
/// Each parameter keeps a first moment m and a second moment v (both starting at 0) and its
/// own step count t; at every update, element by element, with g = ∂J/∂W:
///
///     t ← t + 1
///     m ← β₁ m + (1 - β₁) g            a running mean of the gradient
///     v ← β₂ v + (1 - β₂) g²           a running mean of its square
///     m̂ = m / (1 - β₁ᵗ),  v̂ = v / (1 - β₂ᵗ)
///     W ← W - α m̂ / (√v̂ + ε)
///
/// with learning rate α > 0 and 0 ≤ β₁, β₂ < 1. The paper's defaults are α = 0.001,
/// β₁ = 0.9, β₂ = 0.999, ε = 10⁻⁸; β₁, β₂ and ε default to them here, α must be given.
///
/// The divisions by 1 - βᵗ undo the pull towards 0 of averages that start at 0: at t = 1,
/// m̂ = g and v̂ = g², so the first step is α g / |g| = α in size (less ε), whatever the scale
/// of g. Later steps stay about α in size while the gradient keeps its sign, and shrink when
/// its sign flips (m̂ averages out while v̂ does not).
///
/// The moments and step counts are this value's state, one of each per parameter, created at
/// the parameter's first update (numbered as in `Network.parameters`).
public struct Adam: Optimizer {
    /// The learning rate α, a positive number.
    public var learningRate: Double {
        didSet { checkLearningRate(learningRate) }
    }
    /// β₁, the decay of the running mean of the gradient, 0 ≤ β₁ < 1.
    public let beta1: Double
    /// β₂, the decay of the running mean of the squared gradient, 0 ≤ β₂ < 1.
    public let beta2: Double
    /// ε, added to √v̂ before dividing.
    public let epsilon: Double
    /// Each parameter's moments m and v and its step count t, by parameter index.
    public private(set) var moments: [Int: Moments] = [:]

    /// One parameter's state: the first moment m, the second moment v, and t, the number of
    /// updates it has had.
    public struct Moments: Equatable, Sendable {
        /// m, the running mean of the gradient (before bias correction).
        public var first: Matrix
        /// v, the running mean of the squared gradient (before bias correction).
        public var second: Matrix
        /// t, the updates made so far.
        public var step: Int
        /// β₁ᵗ and β₂ᵗ, kept by multiplying once per step (the same bits on every machine, no `pow`).
        var powers: (beta1: Double, beta2: Double) = (1, 1)

        public static func == (a: Moments, b: Moments) -> Bool {
            a.first == b.first && a.second == b.second && a.step == b.step
        }
    }

    /// Adam with learning rate α = `learningRate` (> 0), β₁ = `beta1` and β₂ = `beta2` in
    /// [0, 1) (0.9 and 0.999 by default) and ε = `epsilon` > 0 (1e-8 by default).
    public init(learningRate: Double, beta1: Double = 0.9, beta2: Double = 0.999, epsilon: Double = 1e-8) {
        checkLearningRate(learningRate)
        for (name, beta) in [("beta1", beta1), ("beta2", beta2)] where !(beta >= 0 && beta < 1) {
            fatalError("Adam's \(name) must be in [0, 1), got \(beta)")
        }
        if !(epsilon > 0 && epsilon.isFinite) {
            fatalError("Adam's epsilon must be a small positive number, got \(epsilon)")
        }
        self.learningRate = learningRate
        self.beta1 = beta1
        self.beta2 = beta2
        self.epsilon = epsilon
    }

    /// The moments and step count of parameter `index` (0 for a single number); stops with a
    /// message if that parameter was never updated.
    public func moments(ofParameter index: Int) -> Moments {
        guard let state = moments[index] else {
            fatalError("no moments for parameter \(index) yet: Adam creates them at the parameter's first update")
        }
        return state
    }

    /// One step of Algorithm 1 for parameter `index`, in place.
    public mutating func update(_ parameter: inout Matrix, gradient: Matrix, index: Int) {
        checkGradient(parameter, gradient, index: index)
        let shape = parameter.shape
        parameter.elements.withUnsafeMutableBufferPointer { w in
            gradient.elements.withUnsafeBufferPointer { g in update(w, gradient: g, shape: shape, index: index) }
        }
    }

    /// Algorithm 1's step for the parameter's numbers w and its gradient's g
    /// (`StorageOptimizer`), with the moments of parameter `index`, changed where the
    /// dictionary keeps them (created at the first update: no matrix is made at later ones).
    mutating func update(_ w: UnsafeMutableBufferPointer<Double>, gradient g: UnsafeBufferPointer<Double>, shape: Shape, index: Int) {
        if let state = moments[index]?.first.shape { checkState(state, of: shape, index: index, optimizer: "Adam") }
        let alpha = learningRate, b1 = beta1, b2 = beta2, eps = epsilon
        Adam.step(&moments[index, default: Moments(first: Matrix(rows: shape.rows, columns: shape.columns, repeating: 0),
                                                   second: Matrix(rows: shape.rows, columns: shape.columns, repeating: 0), step: 0)],
                  w, g, alpha: alpha, b1: b1, b2: b2, eps: eps)
    }

    /// t ← t + 1, then for every k: m_k ← β₁ m_k + (1 - β₁) g_k, v_k ← β₂ v_k + (1 - β₂) g_k²,
    /// w_k ← w_k - α m̂_k / (√v̂_k + ε), with m̂ = m / (1 - β₁ᵗ) and v̂ = v / (1 - β₂ᵗ).
    private static func step(_ state: inout Moments, _ w: UnsafeMutableBufferPointer<Double>, _ g: UnsafeBufferPointer<Double>,
                             alpha: Double, b1: Double, b2: Double, eps: Double) {
        state.step += 1
        state.powers = (state.powers.beta1 * b1, state.powers.beta2 * b2)
        let correction1 = 1 - state.powers.beta1, correction2 = 1 - state.powers.beta2
        state.first.elements.withUnsafeMutableBufferPointer { m in
            state.second.elements.withUnsafeMutableBufferPointer { v in
                forEachNumber(w.count) { k in
                    m[k] = b1 * m[k] + (1 - b1) * g[k]
                    v[k] = b2 * v[k] + (1 - b2) * g[k] * g[k]
                    let mHat = m[k] / correction1, vHat = v[k] / correction2
                    w[k] -= alpha * mHat / (vHat.squareRoot() + eps)
                }
            }
        }
    }
}
