import Testing
import Learning

@Suite struct IdentityTests {
    @Test func passesValuesAndGradientsThrough() {
        let i = Identity()
        #expect(i.value(-3.5) == -3.5)
        #expect(i.derivative(at: 123) == 1)
        let z = Matrix([[1, -1000, 1000]])
        #expect(i.forward(z) == z)
        let dA = Matrix([[0.5, 0.25, -2]])
        #expect(i.backward(outputGradient: dA, output: z) == dA)
        #expect(derivativeMatchesFiniteDifference(i, at: [-1, 0, 2]))
    }
}
