import Testing
import Learning

/// How many labels equal each class 0..<classes.
func classCounts(_ labels: Matrix, classes: Int) -> [Int] {
    (0..<classes).map { c in labels.elements.filter { $0 == Double(c) }.count }
}

@Suite struct DatasetTests {
    @Test func loadsIris() throws {
        let iris = try Dataset.load(csv: shippedData("iris.csv"))
        #expect(iris.features.shape == Shape(4, 150))
        #expect(iris.labels.shape == Shape(1, 150))
        #expect(classCounts(iris.labels, classes: 3) == [50, 50, 50])
        // First data line: 5.1,3.5,1.4,0.2,0
        #expect(iris.features.column(0) == Matrix(column: [5.1, 3.5, 1.4, 0.2]))
    }

    @Test func loadsBreastCancer() throws {
        let cancer = try Dataset.load(csv: shippedData("breast_cancer.csv"))
        #expect(cancer.features.shape == Shape(30, 569))
        #expect(classCounts(cancer.labels, classes: 2) == [212, 357])  // malignant, benign
        #expect(cancer.features[0, 0] == 17.99)
    }

    @Test func loadsDigits() throws {
        let digits = try Dataset.load(csv: shippedData("digits.csv"))
        #expect(digits.features.shape == Shape(64, 1797))
        #expect(digits.features.min() == 0 && digits.features.max() == 16)
        #expect(classCounts(digits.labels, classes: 10).reduce(0, +) == 1797)
        #expect(classCounts(digits.labels, classes: 10).allSatisfy { $0 > 170 })
    }

    @Test func labelColumnCanBeChosen() throws {
        let data = try Dataset.load(csv: shippedData("iris.csv"), labelColumn: 0)
        #expect(data.labels[0, 0] == 5.1)
        #expect(data.features.column(0) == Matrix(column: [3.5, 1.4, 0.2, 0]))
    }

    @Test func splitIsSeededDisjointAndComplete() {
        let data = Dataset(features: Matrix(row: (0..<150).map(Double.init)), labels: Matrix(row: (0..<150).map { Double($0 % 3) }))
        var a = SplitMix64(seed: 1), b = SplitMix64(seed: 1), c = SplitMix64(seed: 2)
        let first = data.split(testFraction: 0.2, generator: &a)
        let again = data.split(testFraction: 0.2, generator: &b)
        let other = data.split(testFraction: 0.2, generator: &c)
        #expect(first.training.count == 120 && first.test.count == 30)  // 0.2 x 150 = 30
        #expect(first.training == again.training && first.test == again.test)
        #expect(first.test != other.test)
        let all = (first.training.features.elements + first.test.features.elements).sorted()
        #expect(all == (0..<150).map(Double.init))
        // Features and labels stay together.
        #expect(zip(first.test.features.elements, first.test.labels.elements).allSatisfy { $1 == Double(Int($0) % 3) })
    }

    @Test func featuresAndLabelsMustAgreeOnExamples() async {
        await #expect(processExitsWith: .failure) {
            _ = Dataset(features: Matrix(rows: 2, columns: 3, repeating: 0), labels: Matrix(row: [1, 0]))
        }
    }
}
