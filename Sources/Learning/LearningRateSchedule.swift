/// An optimiser whose learning rate α may change between steps, which is what a
/// `LearningRateSchedule` does to it. Setting a rate that is not a positive number stops the
/// program, as the initialiser does.
public protocol AdjustableLearningRate: Optimizer {
    /// The learning rate α used by the next update.
    var learningRate: Double { get set }
}

extension GradientDescent: AdjustableLearningRate {}
extension Momentum: AdjustableLearningRate {}
extension NesterovMomentum: AdjustableLearningRate {}
extension RMSProp: AdjustableLearningRate {}
extension Adam: AdjustableLearningRate {}

/// How the learning rate falls as training goes on, as a function of t, the number of updates
/// made so far, and α₀, the rate to start from (CS231n's notes, "annealing the
/// learning rate"; Dive into Deep Learning, "learning rate scheduling"):
///
///     constant                      α_t = α₀
///     stepDecay(factor: γ, every: n)  α_t = α₀ γ^⌊t / n⌋      (0 < γ ≤ 1, n ≥ 1)
///     exponential(factor: γ)        α_t = α₀ γ^t              (0 < γ ≤ 1; γ = e^(-k) gives α₀ e^(-k t))
///     inverseTime(decay: k)         α_t = α₀ / (1 + k t)      (k ≥ 0)
///
/// Large steps early cover ground; small steps late stop the noise of mini-batch gradients
/// from keeping the weights jittering around the bottom.
public enum LearningRateSchedule: Equatable, Sendable {
    /// α_t = α₀.
    case constant
    /// α_t = α₀ γ^⌊t / n⌋: multiply by γ = `factor` after every n = `every` updates.
    case stepDecay(factor: Double, every: Int)
    /// α_t = α₀ γ^t: multiply by γ = `factor` after every update.
    case exponential(factor: Double)
    /// α_t = α₀ / (1 + k t) with k = `decay`: "1/t decay".
    case inverseTime(decay: Double)

    /// α_t, the rate for the update that follows t updates, starting from α₀ = `initial`.
    public func rate(initial: Double, after t: Int) -> Double {
        if t < 0 { fatalError("a schedule counts updates from 0, got \(t)") }
        switch self {
        case .constant: return initial
        case .stepDecay(let factor, let every): return initial * integerPower(factor, t / every)
        case .exponential(let factor): return initial * integerPower(factor, t)
        case .inverseTime(let decay): return initial / (1 + decay * Double(t))
        }
    }

    /// Stops with a message unless the schedule's numbers are in their ranges.
    func validate() {
        switch self {
        case .constant: break
        case .stepDecay(let factor, let every):
            if !(factor > 0 && factor <= 1) { fatalError("a step decay's factor must be in (0, 1], got \(factor)") }
            if every < 1 { fatalError("a step decay must wait at least 1 update between decays, got every: \(every)") }
        case .exponential(let factor):
            if !(factor > 0 && factor <= 1) { fatalError("an exponential decay's factor must be in (0, 1], got \(factor)") }
        case .inverseTime(let decay):
            if !(decay >= 0 && decay.isFinite) { fatalError("a 1/t decay's k must be 0 or more, got \(decay)") }
        }
    }
}

/// An optimiser whose learning rate follows a schedule. Before parameter p's update number
/// t + 1 (t updates of p made so far), the base optimiser's rate is set to
/// `schedule.rate(initial: α₀, after: t)`, with α₀ the rate the base was made with; then the
/// base makes its update as usual, with its own state (velocities, moments).
///
///     var optimizer = Scheduled(GradientDescent(learningRate: 1), schedule: .inverseTime(decay: 1))
///
/// steps with α = 1, 1/2, 1/3, ... Each parameter counts its own updates, as Adam's t does,
/// so a parameter left out of an update does not advance.
public struct Scheduled<Base: AdjustableLearningRate>: Optimizer {
    /// The optimiser that makes the steps, with the rate of its latest update.
    public private(set) var base: Base
    /// How the rate falls.
    public let schedule: LearningRateSchedule
    /// α₀, the base's learning rate when it was scheduled.
    public let initialLearningRate: Double
    /// The updates made so far, by parameter index.
    public private(set) var updates: [Int: Int] = [:]

    /// `base`, with its learning rate from now on set by `schedule` (starting from the rate
    /// it has).
    public init(_ base: Base, schedule: LearningRateSchedule) {
        schedule.validate()
        self.base = base
        self.schedule = schedule
        self.initialLearningRate = base.learningRate
    }

    /// The rate the next update of parameter `index` will use.
    public func learningRate(ofParameter index: Int) -> Double {
        schedule.rate(initial: initialLearningRate, after: updates[index, default: 0])
    }

    /// Sets the base's rate for this parameter's next update, then lets the base update it.
    public mutating func update(_ parameter: inout Matrix, gradient: Matrix, index: Int) {
        base.learningRate = learningRate(ofParameter: index)
        base.update(&parameter, gradient: gradient, index: index)
        updates[index, default: 0] += 1
    }
}

/// bⁿ for n ≥ 0 by repeated squaring: exact for the powers of 2 and the same bits on every
/// machine (no `pow`).
func integerPower(_ b: Double, _ n: Int) -> Double {
    var result = 1.0, base = b, n = n
    while n > 0 {
        if n & 1 == 1 { result *= base }
        base *= base
        n >>= 1
    }
    return result
}
