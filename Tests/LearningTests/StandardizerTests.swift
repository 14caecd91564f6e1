import Testing
import Learning

@Suite struct StandardizerTests {
    @Test func handValues() {
        // Row 1: 1, 2, 3: μ = 2, σ = √((1 + 0 + 1)/3) = √(2/3) = 0.8164966; x' = (-1.2247449, 0, 1.2247449)
        // Row 2: 10, 10, 10: μ = 10, σ = 0 so taken as 1; x' = 0
        let x = Matrix([[1, 2, 3], [10, 10, 10]])
        let standardizer = Standardizer(fitting: x)
        #expect(standardizer.mean == Matrix(column: [2, 10]))
        #expect(isClose(standardizer.standardDeviation, Matrix(column: [(2.0 / 3).squareRoot(), 1])))
        let expected = Matrix([[-1.224744871391589, 0, 1.224744871391589], [0, 0, 0]])
        #expect(isClose(standardizer.apply(x), expected, within: 1e-15))
    }

    @Test func fittedOnTrainingAppliedToTest() {
        let training = Matrix([[0, 2, 4]])  // μ = 2, σ = √(8/3)
        let standardizer = Standardizer(fitting: training)
        // The test value 6 uses the training μ and σ: (6 - 2) / √(8/3) = 2.4494897
        #expect(isClose(standardizer.apply(Matrix([[6]]))[0, 0], 2.449489742783178))
    }

    @Test func standardisedFeaturesHaveMeanZeroAndDeviationOne() throws {
        let cancer = try Dataset.load(csv: shippedData("breast_cancer.csv"))
        let z = Standardizer(fitting: cancer.features).apply(cancer.features)
        #expect(isClose(z.rowMeans(), Matrix(rows: 30, columns: 1, repeating: 0), within: 1e-12))
        #expect(isClose((z .* z).rowMeans(), Matrix(rows: 30, columns: 1, repeating: 1), within: 1e-12))
    }
}
