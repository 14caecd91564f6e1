import Testing
@testable import Literate

@Suite struct ProgressDisplayTests {
    @Test func aTerminalShowsTheFileNameAndCount() {
        let display = ProgressDisplay(total: 10, isTerminal: true)
        #expect(display.line(for: .started(path: "chapters/04-forward.md", stage: "compiling")) == "[1/10] compiling 04-forward.md")
        #expect(display.line(for: .finished(ChapterReport(path: "a.md", chapter: nil))) == nil)
        #expect(display.line(for: .started(path: "chapters/05-loss.md", stage: "running")) == "[2/10] running 05-loss.md")
    }

    @Test func plainLinesNameThePathAsGiven() {
        let display = ProgressDisplay(total: 2, isTerminal: false)
        #expect(display.line(for: .started(path: "chapters/04-forward.md", stage: "compiling")) == "[1/2] compiling chapters/04-forward.md")
    }

    @Test func theSummaryCountsChapters() {
        let failing = ChapterReport(path: "b.md", chapter: nil, diagnostics: [Diagnostic(path: "b.md", line: 1, column: 1, message: "x")])
        let warned = ChapterReport(path: "c.md", chapter: nil,
                                   diagnostics: [Diagnostic(path: "c.md", line: 1, column: 1, severity: .warning, message: "slow")])
        #expect(ChapterReport.summary([ChapterReport(path: "a.md", chapter: nil), failing, warned]) == "2 passed, 1 failed")
    }
}
