import Testing
import Learning

@Suite struct DatasetGeneratorsTests {
    @Test func xorTable() {
        let data = Dataset.xor()
        for j in 0..<4 {
            let a = data.features[0, j], b = data.features[1, j]
            #expect(data.labels[0, j] == ((a == 1) != (b == 1) ? 1 : 0))
        }
    }

    @Test func moonsWithoutNoiseLieOnTheirCircles() {
        var generator = SplitMix64(seed: 1)
        let data = Dataset.twoMoons(count: 21, noise: 0, generator: &generator)
        #expect(data.count == 21)
        #expect(data.labels.elements.filter { $0 == 0 }.count == 11)
        for j in 0..<data.count {
            let x = data.features[0, j], y = data.features[1, j]
            // Class 0 on the unit circle around (0, 0); class 1 around (1, 0.5).
            let r = data.labels[0, j] == 0 ? x * x + y * y : (x - 1) * (x - 1) + (y - 0.5) * (y - 0.5)
            #expect(isClose(r, 1, within: 1e-12))
        }
    }

    @Test func spiralsHaveEveryClass() {
        var generator = SplitMix64(seed: 2)
        let data = Dataset.spirals(countPerClass: 50, classes: 3, noise: 0.2, generator: &generator)
        #expect(data.features.shape == Shape(2, 150))
        #expect(classCounts(data.labels, classes: 3) == [50, 50, 50])
        #expect(data.features.elements.allSatisfy { abs($0) <= 1 })  // radius at most 1
    }

    @Test func noiselessLineIsExact() {
        var generator = SplitMix64(seed: 3)
        let data = Dataset.noisyLine(count: 20, slope: 2, intercept: -1, noise: 0, generator: &generator)
        for j in 0..<20 {
            #expect(data.labels[0, j] == 2 * data.features[0, j] - 1)
        }
    }

    @Test func seededGeneratorsRepeat() {
        var a = SplitMix64(seed: 8), b = SplitMix64(seed: 8)
        #expect(Dataset.twoMoons(count: 30, noise: 0.1, generator: &a) == Dataset.twoMoons(count: 30, noise: 0.1, generator: &b))
        let f = Dataset.sampled(count: 5, in: 0..<3, noise: 0.1, generator: &a) { $0 * $0 }
        let g = Dataset.sampled(count: 5, in: 0..<3, noise: 0.1, generator: &b) { $0 * $0 }
        #expect(f == g)
    }
}
