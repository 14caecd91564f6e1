/// The spellings `Learning` had before its names were made to read like the chapters
/// (December 2026; see CHANGELOG.md), kept so that a chapter written against them still
/// compiles: each use is a deprecation warning whose fix-it writes the new name. Each one
/// calls the new member, so old and new spellings give the same numbers.

extension ElementwiseActivation {
    /// g'(z) from the output a = g(z): the old name of `derivative(fromOutput:)`.
    @available(*, deprecated, renamed: "derivative(fromOutput:)")
    public func derivative(output a: Double) -> Double {
        derivative(fromOutput: a)
    }
}

extension Activation {
    /// dZ from dA and the forward output: the old name of `backward(outputGradient:output:)`.
    @available(*, deprecated, renamed: "backward(outputGradient:output:)")
    public func backward(_ outputGradient: Matrix, output: Matrix) -> Matrix {
        backward(outputGradient: outputGradient, output: output)
    }
}

extension DenseGradients {
    /// dW: the old name of `weightGradient`.
    @available(*, deprecated, renamed: "weightGradient")
    public var weights: Matrix {
        get { weightGradient }
        set { weightGradient = newValue }
    }

    /// db: the old name of `biasGradient`.
    @available(*, deprecated, renamed: "biasGradient")
    public var bias: Matrix {
        get { biasGradient }
        set { biasGradient = newValue }
    }

    /// Gradients from dW and db: the old labels of `init(weightGradient:biasGradient:)`.
    @available(*, deprecated, renamed: "init(weightGradient:biasGradient:)")
    public init(weights: Matrix, bias: Matrix) {
        self.init(weightGradient: weights, biasGradient: bias)
    }
}

extension DenseBackward {
    /// dW and db together: the old name of `parameterGradients`.
    @available(*, deprecated, renamed: "parameterGradients")
    public var parameters: DenseGradients {
        get { parameterGradients }
        set { parameterGradients = newValue }
    }
}

extension Network {
    /// The backward pass with its old argument order: `backward(loss:expected:caches:fusedOutput:)`.
    @available(*, deprecated, renamed: "backward(loss:expected:caches:fusedOutput:)")
    public func backward(caches: [DenseCache], expected: Matrix, loss: some Loss, fusedOutput: Bool = true) -> [DenseBackward] {
        backward(loss: loss, expected: expected, caches: caches, fusedOutput: fusedOutput)
    }

    /// The parameter gradients with the old argument order:
    /// `parameterGradients(loss:expected:caches:fusedOutput:)`.
    @available(*, deprecated, renamed: "parameterGradients(loss:expected:caches:fusedOutput:)")
    public func parameterGradients(caches: [DenseCache], expected: Matrix, loss: some Loss, fusedOutput: Bool = true) -> [DenseGradients] {
        parameterGradients(loss: loss, expected: expected, caches: caches, fusedOutput: fusedOutput)
    }
}

extension Momentum {
    /// The velocities as the old array: `velocities[i]` is `velocity(ofParameter: i)`. The
    /// old array had one velocity for each parameter from 0 up, so this stops with a message
    /// when a parameter below the last one updated has none (an update of weights only).
    @available(*, deprecated, message: "use velocity(ofParameter: i) for velocities[i], or velocitiesByParameter")
    public var velocities: [Matrix] {
        (0..<velocitiesByParameter.count).map { index in
            guard let v = velocitiesByParameter[index] else {
                fatalError("parameter \(index) has no velocity, so the velocities are not an array: use velocity(ofParameter:)")
            }
            return v
        }
    }
}
