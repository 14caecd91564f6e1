import Testing
import Learning

@Suite struct RandomTests {
    @Test func uniformMatchesAnIndependentImplementation() {
        // Reference: a separate Python transcription of SplitMix64 and (next >> 11) x 2^-53.
        var generator = SplitMix64(seed: 0)
        #expect(generator.uniform() == 0.8833108082136426)  // 0xE220A8397B1DCDAF >> 11, x 2^-53
        #expect(generator.uniform() == 0.43152799704850997)
    }

    @Test func boxMullerMatchesAnIndependentImplementation() {
        // u1 = 1 - uniform(), u2 = uniform(), √(-2 ln u1) cos(2π u2), from seed 1 in Python
        var generator = SplitMix64(seed: 1)
        #expect(isClose(generator.normal(), -0.034267321791851144, within: 1e-15))
    }

    @Test func fisherYatesMatchesAnIndependentImplementation() {
        var generator = SplitMix64(seed: 7)
        #expect(generator.permutation(10) == [8, 1, 5, 9, 0, 4, 3, 2, 6, 7])
    }

    @Test func drawsHaveTheRightDistribution() {
        var generator = SplitMix64(seed: 123)
        let n = 20_000
        let uniforms = (0..<n).map { _ in generator.uniform() }
        #expect(uniforms.allSatisfy { $0 >= 0 && $0 < 1 })
        #expect(abs(uniforms.reduce(0, +) / Double(n) - 0.5) < 0.01)
        let normals = (0..<n).map { _ in generator.normal(mean: 3, standardDeviation: 2) }
        let mean = normals.reduce(0, +) / Double(n)
        let variance = normals.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(n)
        #expect(abs(mean - 3) < 0.05)
        #expect(abs(variance.squareRoot() - 2) < 0.05)
        var counts = [Int](repeating: 0, count: 6)
        for _ in 0..<6000 { counts[generator.index(below: 6)] += 1 }
        #expect(counts.allSatisfy { abs($0 - 1000) < 100 })
    }

    @Test func uniformInARange() {
        var generator = SplitMix64(seed: 5)
        let draws = (0..<1000).map { _ in generator.uniform(in: -2..<3) }
        #expect(draws.allSatisfy { $0 >= -2 && $0 < 3 })
        #expect(draws.min()! < -1.9 && draws.max()! > 2.9)
    }

    @Test func shuffleIsAPermutation() {
        var generator = SplitMix64(seed: 9)
        var items = Array("abcdefgh")
        generator.shuffle(&items)
        #expect(items.sorted() == Array("abcdefgh"))
        #expect(items != Array("abcdefgh"))
    }
}
