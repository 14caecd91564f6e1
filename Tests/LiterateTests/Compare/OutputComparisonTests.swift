import Testing
@testable import Literate

@Suite struct OutputComparisonTests {
    private func mismatch(_ expected: String, _ actual: String, tolerance: Tolerance? = nil) -> String? {
        let block = ExpectedOutput(fence: Location(line: 9, column: 1), firstLine: 10, column: 3, text: expected, tolerance: tolerance)
        let all = OutputComparison(expected: block).mismatches(actual: actual).map { "\($0.location): \($0.message)" }
        return all.isEmpty ? nil : all.joined(separator: "\n")
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
            == "11:8: the block shows 0.5866, but the program printed 0.586612; write the printed digits, or print 4 "
            + "decimals in the code with `.formatted(decimals: 4)` (an output block shows what the program prints; give it a "
            + "tolerance to compare approximately)")
        #expect(mismatch("3\n", "3.2\n")?.contains("print 0 decimals in the code with `.formatted(decimals: 0)`") == true)
        // Written with an exponent, the number is not what formatted(decimals:) prints.
        #expect(mismatch("1.2e-3\n", "0.00123\n")?.contains("print fewer digits in the code (") == true)
        // A tolerance compares approximately, so rounding is the author's choice there.
        #expect(mismatch("h1 = 0.5866\n", "h1 = 0.586612\n", tolerance: .absolute(0.00005)) == nil)
    }

    /// A product that underflowed prints 0.0; one that stopped at the smallest subnormal prints
    /// 5e-324, and the block's 0.0 must not pass it.
    @Test func aWrittenZeroDoesNotPassATinyPrintedNumber() {
        #expect(mismatch("product: 0.0\n", "product: 0.0\n") == nil)
        #expect(mismatch("product: 0.0\n", "product: 5e-324\n") == "10:12: expected 0.0 (exactly), got 5e-324")
        #expect(mismatch("product: 0.0\n", "product: 1e-323\n") == "10:12: expected 0.0 (exactly), got 1e-323")
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

    @Test func everyWrongLineIsReportedInOneRun() {
        // Seven wrong numbers on four lines, and a wrong word: all of them, in the block's order.
        let expected = "epoch 1: 0.50\nepoch 2: 0.41\nepoch 3: 0.30\nw = [0.1, 0.2, 0.3]\nthe cost falls\n"
        let printed = "epoch 1: 0.52\nepoch 2: 0.41\nepoch 3: 0.33\nw = [0.17, 0.27, 0.37]\nthe cost rises\n"
        #expect(mismatch(expected, printed) == """
            10:12: expected 0.50 (±0.005), got 0.52
            12:12: expected 0.30 (±0.005), got 0.33
            13:8: expected 0.1 (±0.05), got 0.17
            13:13: expected 0.2 (±0.05), got 0.27
            13:18: expected 0.3 (±0.05), got 0.37
            14:12: expected "the cost falls", got "the cost rises"
            """)
    }

    @Test func oneMissingOrExtraLineDoesNotShiftTheRest() {
        // The program printed a line the block lacks: one mismatch, and the lines after it pair up.
        #expect(mismatch("a 1\nc 3\nd 5\n", "a 1\nb 2\nc 3\nd 4\n") == """
            11:3: the block printed "b 2" before this line; add it to the output block
            12:5: expected 5 (±0.5), got 4
            """)
        // The block has a line the program did not print.
        #expect(mismatch("a 1\nb 2\nc 3\nd 5\n", "a 1\nc 3\nd 4\n") == """
            11:3: expected "b 2", but the program did not print this line
            13:5: expected 5 (±0.5), got 4
            """)
        // Same length: lines are paired in order, even when one would match a neighbour.
        #expect(mismatch("x 1\nx 1\n", "x 2\nx 1\n") == "10:5: expected 1 (±0.5), got 2")
    }
}
