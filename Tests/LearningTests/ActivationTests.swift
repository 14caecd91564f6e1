import Testing
import Learning

/// Checks g'(z), as the activation computes it from its output, against a central difference
/// of g at z, for each z.
func derivativeMatchesFiniteDifference(_ g: some ElementwiseActivation, at points: [Double]) -> Bool {
    points.allSatisfy { z in
        let numerical = GradientCheck.centralDifference(of: { g.value($0) }, at: z)
        return GradientCheck.relativeError(g.derivative(at: z), numerical) < 1e-7
    }
}

/// Checks an activation's matrix backward pass against central differences of the scalar
/// f(Z) = Σ (g(Z) ⊙ R) for a fixed matrix R, whose gradient with respect to A is R.
func backwardMatchesFiniteDifference(_ g: some Activation, at z: Matrix, generator: inout SplitMix64) -> Double {
    let r = Initializer.uniform(scale: 1).matrix(rows: z.rows, columns: z.columns, generator: &generator)
    let analytic = g.backward(outputGradient: r, output: g.forward(z))
    let numerical = GradientCheck.numericalGradient(of: { (g.forward($0) .* r).sum() }, at: z)
    return GradientCheck.maxRelativeError(analytic, numerical)
}

@Suite struct ActivationTests {
    @Test func staticMembersNameTheActivations() {
        func name(_ g: some Activation) -> String { "\(type(of: g))" }
        #expect(name(.sigmoid) == "Sigmoid")
        #expect(name(.tanh) == "Tanh")
        #expect(name(.relu) == "ReLU")
        #expect(name(.leakyReLU(slope: 0.1)) == "LeakyReLU")
        #expect(name(.identity) == "Identity")
        #expect(name(.softmax) == "Softmax")
    }

    @Test func elementwiseMatrixFormsUseTheScalarOnes() {
        let z = Matrix([[-1, 0, 2]])
        let a = Sigmoid().forward(z)
        #expect(a == z.map { Sigmoid().value($0) })
        let dA = Matrix([[1, 2, 3]])
        // dZ = dA ⊙ a(1 - a)
        let expected = dA .* a .* (1 - a)
        #expect(Sigmoid().backward(outputGradient: dA, output: a) == expected)
    }

    @Test func everyActivationPassesAMatrixGradientCheck() {
        var generator = SplitMix64(seed: 7)
        // Points away from ReLU's kink at 0, where a finite difference straddles it.
        let z = Matrix([[-1.5, 0.3, 2.0], [0.7, -0.4, 1.1], [0.25, -2.2, -0.6]])
        let activations: [any Activation] = [Sigmoid(), Tanh(), ReLU(), LeakyReLU(slope: 0.1), Identity(), Softmax()]
        for g in activations {
            let error = backwardMatchesFiniteDifference(g, at: z, generator: &generator)
            #expect(error < 1e-7, "\(type(of: g)): relative error \(error)")
        }
    }
}
