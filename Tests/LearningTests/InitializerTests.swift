import Testing
import Learning

@Suite struct InitializerTests {
    @Test func constantsIgnoreTheGeneratorButTakeOne() {
        var generator = SplitMix64(seed: 1)
        #expect(Initializer.zeros.matrix(rows: 2, columns: 3, generator: &generator) == Matrix(rows: 2, columns: 3, repeating: 0))
        #expect(Initializer.constant(0.5).matrix(rows: 1, columns: 2, generator: &generator) == Matrix([[0.5, 0.5]]))
    }

    @Test func smallRandomIsScaledNormal() {
        var a = SplitMix64(seed: 2), b = SplitMix64(seed: 2)
        let m = Initializer.smallRandom(scale: 0.01).matrix(rows: 2, columns: 2, generator: &a)
        let expected = (0..<4).map { _ in 0.01 * b.normal() }
        #expect(m.elements == expected)
        #expect(Initializer.small == .smallRandom(scale: 0.01))
    }

    @Test func xavierAndHeScaleByFanIn() {
        // Same draws, scaled by √(1/n) and √(2/n) with n = 50 inputs (columns).
        var a = SplitMix64(seed: 3), b = SplitMix64(seed: 3), c = SplitMix64(seed: 3)
        let xavier = Initializer.xavier.matrix(rows: 4, columns: 50, generator: &a)
        let he = Initializer.he.matrix(rows: 4, columns: 50, generator: &b)
        let normal = Initializer.smallRandom(scale: 1).matrix(rows: 4, columns: 50, generator: &c)
        #expect(isClose(xavier, normal * (1.0 / 50).squareRoot(), within: 1e-15))
        #expect(isClose(he, normal * (2.0 / 50).squareRoot(), within: 1e-15))
    }

    @Test func uniformStaysInItsRange() {
        var generator = SplitMix64(seed: 4)
        let m = Initializer.uniform(scale: 0.3).matrix(rows: 10, columns: 10, generator: &generator)
        #expect(m.elements.allSatisfy { $0 >= -0.3 && $0 < 0.3 })
    }

    @Test func sameSeedSameNetwork() {
        var a = SplitMix64(seed: 99), b = SplitMix64(seed: 99)
        let n1 = Network(sizes: [3, 4, 2], hidden: .tanh, output: .softmax, generator: &a)
        let n2 = Network(sizes: [3, 4, 2], hidden: .tanh, output: .softmax, generator: &b)
        #expect(n1.parameters == n2.parameters)
    }
}
