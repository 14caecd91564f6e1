import Testing
@testable import Literate

@Suite struct ProseCheckingTests {
    private let checks = [
        ProseCheck(name: "h1", written: "0.5866", location: Location(line: 3, column: 8), linkStart: Location(line: 3, column: 7)),
        ProseCheck(name: "loss", written: "0.59", location: Location(line: 4, column: 2), linkStart: Location(line: 4, column: 1),
                   tolerance: .absolute(0.01)),
        ProseCheck(name: "h2", written: "1", location: Location(line: 5, column: 2), linkStart: Location(line: 5, column: 1)),
    ]

    private func record(_ name: String, _ value: Double, line: Int = 10) -> Transcript.Record {
        Transcript.Record(name: name, value: value, line: line)
    }

    @Test func valuesAreComparedAtTheWrittenPrecision() {
        let checking = ProseChecking(checks: checks, path: "ch.md")
        let (results, diagnostics) = checking.diagnose(records: [record("h1", 0.58712), record("loss", 0.5866)], complete: true)
        #expect(results.map(\.passed) == [false, true, false])
        #expect(results.map(\.computed) == [0.58712, 0.5866, nil])
        #expect(diagnostics.map(\.description) == [
            "ch.md:3:8: error: expected 0.5866 (±0.00005), but the code computed 0.58712 for 'h1'",
            "ch.md:5:2: error: no value named 'h2' was recorded (recorded: h1, loss); add record(\"h2\", value) to the code",
        ])
    }

    /// `[0](check:product)` states that the product is zero, not that it is below 0.5.
    @Test func aWrittenZeroChecksExactlyZero() {
        let zero = ProseCheck(name: "product", written: "0", location: Location(line: 3, column: 2), linkStart: Location(line: 3, column: 1))
        let checking = ProseChecking(checks: [zero], path: "ch.md")
        #expect(checking.diagnose(records: [record("product", 0)], complete: true).0.map(\.passed) == [true])
        let (results, diagnostics) = checking.diagnose(records: [record("product", 1e-315)], complete: true)
        #expect(results.map(\.passed) == [false])
        #expect(diagnostics.map(\.description) == ["ch.md:3:2: error: expected 0 (exactly), but the code computed 1e-315 for 'product'"])
    }

    /// `[keeps rising](check:rises)` with `record("rises", true)`: a claim holds when the code
    /// recorded true, and fails at the link saying what the code found when it recorded false.
    @Test func aClaimPassesWhenTheCodeFoundItTrue() {
        let claims = [
            ProseCheck(name: "rises", written: "keeps rising", location: Location(line: 7, column: 9), linkStart: Location(line: 7, column: 8)),
            ProseCheck(name: "fewer", written: "needs fewer steps", location: Location(line: 8, column: 2), linkStart: Location(line: 8, column: 1)),
        ]
        let records = [Transcript.Record(name: "rises", value: 0, line: 20, claim: true),
                       Transcript.Record(name: "fewer", value: 1, line: 21, claim: true)]
        let (results, diagnostics) = ProseChecking(checks: claims, path: "ch.md").diagnose(records: records, complete: true)
        #expect(results.map(\.passed) == [false, true])
        #expect(results.map(\.claim) == [true, true])
        #expect(diagnostics.map(\.description) == [
            "ch.md:7:9: error: the text claims 'keeps rising', but the code found 'rises' false (recorded at line 20); "
                + "say what the experiment shows, or change the experiment",
        ])
    }

    /// A link without a number checks a claim; when its name holds a number, the text must be the number.
    @Test func aNumberIsNotAClaim() {
        let claim = ProseCheck(name: "h1", written: "about a half", location: Location(line: 3, column: 2), linkStart: Location(line: 3, column: 1))
        let (results, diagnostics) = ProseChecking(checks: [claim], path: "ch.md").diagnose(records: [record("h1", 0.5)], complete: true)
        #expect(results.map(\.passed) == [false])
        #expect(diagnostics.map(\.description) == [
            "ch.md:3:2: error: 'h1' records a number, so the link's text must be that number written out, "
                + "e.g. [0.5](check:h1); record a Bool to check a claim",
        ])
    }

    @Test func missingNamesAreNotReportedWhenTheRunStoppedEarly() {
        let (_, diagnostics) = ProseChecking(checks: checks, path: "ch.md").diagnose(records: [record("h1", 0.5866)], complete: false)
        #expect(diagnostics.isEmpty)
    }

    @Test func aNameRecordedTwiceIsAnError() {
        let block = CodeBlock(index: 0, fence: Location(line: 9, column: 1), firstCodeLine: 10, codeColumn: 1,
                              code: "record(\"x\", 1)\n  record(\"x\", 2)\n")
        let chapter = Chapter(path: "ch.md", blocks: [block], checks: [])
        let diagnostics = ProseChecking(checks: [], path: "ch.md").duplicates(in: [record("x", 1, line: 10), record("x", 2, line: 11)], chapter: chapter)
        #expect(diagnostics.map(\.description) == [
            "ch.md:11:3: error: 'x' is recorded more than once (first at line 10); give each value its own name",
        ])
    }
}
