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
}
