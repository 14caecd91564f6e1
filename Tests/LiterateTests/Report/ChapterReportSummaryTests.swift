import Testing
@testable import Literate

@Suite struct ChapterReportSummaryTests {
    @Test func theSummaryCountsChaptersFirst() {
        let failing = ChapterReport(path: "b.md", chapter: nil, diagnostics: [Diagnostic(path: "b.md", line: 1, column: 1, message: "x")])
        let warned = ChapterReport(path: "c.md", chapter: nil,
                                   diagnostics: [Diagnostic(path: "c.md", line: 1, column: 1, severity: .warning, message: "slow")])
        #expect(ChapterReport.summary([ChapterReport(path: "a.md", chapter: nil), failing, warned])
            == "2 passed, 1 failed (0 printed numbers, 0 prose numbers, 0 claims, 0 math steps checked; 0 steps marked unchecked)")
    }

    @Test func theSummaryCountsWhatWasChecked() {
        let expected = ExpectedOutput(fence: Location(line: 5, column: 1), firstLine: 6, column: 1, text: "h = 0.5 and 2\nnone\n")
        let shown = CodeBlock(index: 0, fence: Location(line: 1, column: 1), firstCodeLine: 2, codeColumn: 1, code: "", expected: expected)
        let skipped = CodeBlock(index: 1, fence: Location(line: 9, column: 1), firstCodeLine: 10, codeColumn: 1, code: "", expected: expected)
        let prose = ProseCheck(name: "h", written: "0.5", location: Location(line: 3, column: 2), linkStart: Location(line: 3, column: 1))
        let claim = ProseCheck(name: "c", written: "rises", location: Location(line: 4, column: 2), linkStart: Location(line: 4, column: 1))
        let chapter = Chapter(path: "a.md", blocks: [shown, skipped], checks: [prose, prose, claim])
        let step = MathStepResult(location: Location(line: 7, column: 1), written: "1", computed: [1], allowance: 0, passed: true)
        let report = ChapterReport(path: "a.md", chapter: chapter,
                                   blocks: [BlockResult(index: 0, line: 1, ran: true), BlockResult(index: 1, line: 9, ran: false)],
                                   checks: [CheckResult(check: prose, computed: 0.5, passed: true), CheckResult(check: prose, computed: nil, passed: false),
                                            CheckResult(check: claim, computed: 1, passed: true, claim: true)],
                                   math: [step, step, step], uncheckedMath: [Location(line: 8, column: 3)])
        // Two numbers in the one output block that ran, one prose number with a recorded value, one claim.
        #expect(ChapterReport.summary([report])
            == "1 passed, 0 failed (2 printed numbers, 1 prose number, 1 claim, 3 math steps checked; 1 step marked unchecked)")
    }

    @Test func mathDiagnosticsAreMergedInFileOrder() {
        let report = ChapterReport(path: "a.md", chapter: nil, diagnostics: [
            Diagnostic(path: "a.md", line: 2, column: 1, message: "two"), Diagnostic(path: "a.md", line: 9, column: 1, message: "nine"),
        ])
        let math = MathReport(diagnostics: [Diagnostic(path: "a.md", line: 5, column: 4, message: "five"),
                                            Diagnostic(path: "a.md", line: 12, column: 1, message: "twelve")])
        #expect(report.adding(math).diagnostics.map(\.message) == ["two", "five", "nine", "twelve"])
    }
}
