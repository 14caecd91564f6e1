/// A layer's activation as `TrainingStep` applies it, decided once per training run.
///
/// The library's element-wise activations (sigmoid, tanh, ReLU, leaky ReLU, identity) work on
/// the step's own storage, with no `Matrix` and no call through the `Activation` protocol:
///
///     forward    a_k = g(z_k)                 (Tanh by its vector formula, as `Tanh.forward`)
///     backward   dz_k = da_k · g'(from a_k)   (identity: dz_k = da_k, as `Identity.backward`)
///
/// which are the very numbers of their `forward(_:into:)` and `backward(outputGradient:output:into:)`.
/// Any other activation (softmax, or a type of the caller's) is `.other`: the step calls it
/// through the protocol, on matrices. The cases carry no reference, so reading one out of an
/// array costs no retain.
enum StepActivation {
    case sigmoid
    case tanh
    case relu
    case leakyReLU(LeakyReLU)
    case identity
    /// Any other activation: called through `Activation`'s methods.
    case other

    /// The case for `activation`: its own when it is one of the library's element-wise types.
    init(_ activation: any Activation) {
        switch activation {
        case is Sigmoid: self = .sigmoid
        case is Tanh: self = .tanh
        case is ReLU: self = .relu
        case let leaky as LeakyReLU: self = .leakyReLU(leaky)
        case is Identity: self = .identity
        default: self = .other
        }
    }

    /// a_k = g(z_k) for the `count` numbers at `z`, into `a`. Not for `.other`.
    @inline(__always)
    func forward(_ z: UnsafePointer<Double>, into a: UnsafeMutablePointer<Double>, count: Int) {
        switch self {
        case .sigmoid: Self.forward(Sigmoid(), z, a, count)
        case .tanh: Tanh.forward(UnsafeBufferPointer(start: z, count: count), into: UnsafeMutableBufferPointer(start: a, count: count))
        case .relu: Self.forward(ReLU(), z, a, count)
        case .leakyReLU(let leaky): Self.forward(leaky, z, a, count)
        case .identity: Self.forward(Identity(), z, a, count)
        case .other: preconditionFailure("an activation of another type is applied through its Activation methods")
        }
    }

    /// dz_k = da_k · g'(from a_k) for the `count` numbers at `da` and `a`, into `dz`. Not for `.other`.
    @inline(__always)
    func backward(_ da: UnsafePointer<Double>, output a: UnsafePointer<Double>, into dz: UnsafeMutablePointer<Double>, count: Int) {
        switch self {
        case .sigmoid: Self.backward(Sigmoid(), da, a, dz, count)
        case .tanh: Self.backward(Tanh(), da, a, dz, count)
        case .relu: Self.backward(ReLU(), da, a, dz, count)
        case .leakyReLU(let leaky): Self.backward(leaky, da, a, dz, count)
        // Identity's backward hands dA on unchanged.
        case .identity: dz.update(from: da, count: count)
        case .other: preconditionFailure("an activation of another type is applied through its Activation methods")
        }
    }

    @inline(__always)
    private static func forward(_ g: some ElementwiseActivation, _ z: UnsafePointer<Double>, _ a: UnsafeMutablePointer<Double>, _ count: Int) {
        for k in 0..<count { a[k] = g.value(z[k]) }
    }

    @inline(__always)
    private static func backward(_ g: some ElementwiseActivation, _ da: UnsafePointer<Double>, _ a: UnsafePointer<Double>,
                                 _ dz: UnsafeMutablePointer<Double>, _ count: Int) {
        for k in 0..<count { dz[k] = da[k] * g.derivative(fromOutput: a[k]) }
    }
}
