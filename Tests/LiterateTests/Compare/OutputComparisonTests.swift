import Testing
@testable import Literate

@Suite struct OutputComparisonTests {
    private func mismatch(_ expected: String, _ actual: String, tolerance: Tolerance? = nil) -> String? {
        let block = ExpectedOutput(fence: Location(line: 9, column: 1), firstLine: 10, column: 3, text: expected, tolerance: tolerance)
        return OutputComparison(expected: block).firstMismatch(actual: actual).map { "\($0.location): \($0.message)" }
    }

    @Test func matchingOutputPasses() {
        #expect(mismatch("a = 0.5866\nshape (8, 209)\n", "a = 0.5866   \nshape (8, 209)\n\n") == nil)
    }

    @Test func theSameValueWrittenAnotherWayPasses() {
        #expect(mismatch("0.50 1.2e-3 -0.0 3.0\n", "0.5 0.0012 0 3\n") == nil)
        // Binary noise in the last printed digit is the same value.
        #expect(mismatch("0.3\n", "0.30000000000000004\n") == nil)
    }

    @Test func aBlockThatRoundsThePrintedDigitsIsAMismatch() {
        #expect(mismatch("x\nh1 = 0.5866\n", "x\nh1 = 0.586612\n")
            == "11:8: the block shows 0.5866, but the program printed 0.586612; write the printed digits, or print fewer "
            + "decimals in the code (an output block shows what the program prints; give it a tolerance to compare approximately)")
        #expect(mismatch("3\n", "3.2\n") != nil)
        // A tolerance compares approximately, so rounding is the author's choice there.
        #expect(mismatch("h1 = 0.5866\n", "h1 = 0.586612\n", tolerance: .absolute(0.00005)) == nil)
    }

    @Test func aWrongNumberPointsAtItsColumn() {
        #expect(mismatch("x\nh1 = 0.5866\n", "x\nh1 = 0.58712\n") == "11:8: expected 0.5866 (±0.00005), got 0.58712")
    }

    @Test func textMustMatchExactly() {
        #expect(mismatch("loss falls\n", "loss rises\n") == "10:8: expected \"loss falls\", got \"loss rises\"")
        #expect(mismatch("[0.5, 1]\n", "0.5, 1\n") == "10:3: expected \"[0.5, 1]\", got \"0.5, 1\"")
    }

    @Test func missingAndExtraLines() {
        #expect(mismatch("a\nb\n", "a\n") == "11:3: expected \"b\", but the block printed nothing more")
        #expect(mismatch("a\n", "a\nb\n")
            == "11:3: the block printed more: \"b\"; add it to the output block, or end the block with a line '...'")
    }

    @Test func ellipsisSkipsLines() {
        #expect(mismatch("start\n...\nend 3\n", "start\n1\n2\nend 3\n") == nil)
        #expect(mismatch("start\n...\n", "start\n1\n2\n") == nil)
        #expect(mismatch("...\nend\n", "end\n") == nil)
        #expect(mismatch("start\n...\nend\n", "start\n1\n") == "12:3: expected \"end\" after the skipped lines, but no printed line matches it")
    }

    @Test func toleranceAppliesToTheWholeBlock() {
        #expect(mismatch("0.59\n0.41\n", "0.5866\n0.4134\n", tolerance: .absolute(0.01)) == nil)
        #expect(mismatch("0.58\n", "0.5866\n") == "10:3: expected 0.58 (±0.005), got 0.5866")
        #expect(mismatch("1000\n", "1009\n", tolerance: .relative(0.01)) == nil)
    }
}
