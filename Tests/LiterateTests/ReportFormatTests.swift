import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import Literate

/// The four report formats on one small book (`Fixtures/formats/`), compared byte for byte
/// with golden files there. The chapters are parsed for real; their diagnostics are written
/// here (what the checker says is tested in `CheckerTests`; these tests are about the shape).
/// Set `UPDATE_GOLDEN=1` to rewrite the golden files after a deliberate change, then read the diff.
private enum Book {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/formats").path

    static func chapter(_ name: String) throws -> Chapter? {
        try ChapterParser.read(path: folder + "/" + name).chapter.map { chapter in
            var chapter = chapter
            chapter.path = "chapters/" + name
            return chapter
        }
    }

    /// A passing chapter from the cache, a failing one (an output block, two prose numbers, a
    /// trap with its output, a slow expression, a deprecated name with the compiler's note and
    /// fix-it, a math step) and one that does not parse.
    static func reports() throws -> [ChapterReport] {
        let passing = ChapterReport(path: "chapters/01-passing.md", chapter: try chapter("01-passing.md"),
                                    blocks: [BlockResult(index: 0, line: 5, ran: true, output: "z = 1.25\n")], isCached: true)
        let failingChapter = try #require(try chapter("02-failing.md"))
        let path = "chapters/02-failing.md"
        let h = failingChapter.checks[0].location, six = failingChapter.checks[1].location
        let failing = ChapterReport(path: path, chapter: failingChapter, diagnostics: [
            Diagnostic(path: path, at: h, message: "expected 0.5866 (±0.00005), but the code computed 0.58712 for 'h'"),
            Diagnostic(path: path, at: six, message: "expected 7 (±0.5), but the code computed 6.0 for 'six'"),
            Diagnostic(path: path, line: 11, column: 1, severity: .warning, message: "expression took 1200ms to type-check; split it or annotate its types"),
            Diagnostic(path: path, line: 16, column: 5, message: "expected 0.5866 (±0.00005), got 0.58712"),
            renamed(path),
            Diagnostic(path: path, line: 22, column: 7, message: "the code trapped: Fatal error: Index out of range"),
            Diagnostic(path: path, line: 22, column: 7, severity: .note, message: "printed before the failure:\nbefore"),
        ])
        // The math is checked for real: it needs no compiler.
        let text = try String(contentsOfFile: folder + "/02-failing.md", encoding: .utf8)
        let checked = failing.adding(MathCheck.check(text: text, path: path))
        let broken = ChapterReport(path: "chapters/03-broken.md", chapter: nil, diagnostics: [
            Diagnostic(path: "chapters/03-broken.md", line: 3, column: 10, message: "unknown option 'hiden'; did you mean 'hidden'? <&\"%,:>"),
        ])
        return [passing, checked, broken]
    }

    /// A compiler warning with a note and its fix-it, as a renamed `Learning` member gives.
    static func renamed(_ path: String) -> Diagnostic {
        var warning = Diagnostic(path: path, line: 20, column: 9, severity: .warning,
                                 message: "'derivative(output:)' is deprecated: renamed to 'derivative(fromOutput:)'")
        warning.notes = [Diagnostic.Note(line: 20, column: 9, message: "use 'derivative(fromOutput:)' instead",
                                         fixIts: [Diagnostic.FixIt(line: 20, column: 9, text: "derivative")])]
        return warning
    }

    /// Compares `text` with the golden file `name`, or rewrites it when UPDATE_GOLDEN is set.
    static func expectGolden(_ text: String, _ name: String) throws {
        let file = folder + "/" + name
        if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] != nil {
            try text.write(toFile: file, atomically: true, encoding: .utf8)
        }
        let golden = try String(contentsOfFile: file, encoding: .utf8)
        #expect(text == golden, "differs from Fixtures/formats/\(name); got:\n\(text)")
    }
}

@Suite struct ReportFormatTests {
    @Test func text() throws {
        try Book.expectGolden(TextFormat.render(Book.reports()), "report.txt")
    }

    @Test func github() throws {
        let format = GitHubFormat(root: "/repo", currentDirectory: "/repo")
        try Book.expectGolden(format.render(Book.reports()), "report.github.txt")
    }

    @Test func json() throws {
        let text = JSONFormat.render(try Book.reports())
        try Book.expectGolden(text, "report.json")
        // What a consumer reads back.
        let document = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(document["status"] as? String == "failed")
        #expect(document["summary"] as? String == ChapterReport.summary(try Book.reports()))
        let chapters = try #require(document["chapters"] as? [[String: Any]])
        #expect(chapters.map { $0["status"] as? String } == ["passed", "failed", "failed"])
    }

    @Test func junit() throws {
        let text = JUnitFormat.render(try Book.reports())
        try Book.expectGolden(text, "report.junit.xml")
        // Well-formed XML, as a CI dashboard's parser needs.
        let document = try XMLDocument(xmlString: text)
        #expect(try document.nodes(forXPath: "/testsuites/testsuite").count == 3)
        #expect(try document.nodes(forXPath: "//testcase/failure").count == 6)
    }

    @Test func everyFormatSaysTheSummary() throws {
        let reports = try Book.reports()
        for format in ReportFormat.allCases {
            #expect(format.render(reports, root: "/repo", currentDirectory: "/repo").contains(ChapterReport.summary(reports)), "\(format)")
        }
    }

    @Test func githubIsChosenInGitHubActions() {
        #expect(ReportFormat.choose(nil, environment: ["GITHUB_ACTIONS": "true"]) == .github)
        #expect(ReportFormat.choose(nil, environment: [:]) == .text)
        #expect(ReportFormat.choose(.json, environment: ["GITHUB_ACTIONS": "true"]) == .json)
    }

    @Test func githubPathsAreRelativeToTheRepository() {
        let format = GitHubFormat(root: "/repo", currentDirectory: "/repo/chapters")
        #expect(format.repositoryPath("04-forward.md") == "chapters/04-forward.md")
        #expect(format.repositoryPath("/repo/chapters/04-forward.md") == "chapters/04-forward.md")
        #expect(format.repositoryPath("/elsewhere/x.md") == "/elsewhere/x.md")
    }

    @Test func aDiagnosticBelongsToTheCaseItPointsAt() throws {
        let cases = try Book.reports()[1].cases
        #expect(cases.map(\.name) == ["line 3: check:h = 0.5866", "line 3: check:six = 7", "line 5: swift hidden block",
                                      "line 10: swift block", "line 19: swift block",
                                      "line 25: math = 0.5 - 0.4 + 0.1", "line 25: math = 0.3"])
        #expect(cases.map(\.failed) == [true, true, false, true, true, false, true])
        #expect(cases[3].diagnostics.map(\.line) == [11, 16])
        #expect(cases[4].diagnostics.map(\.severity) == [.warning, .error, .note])
        // The note stays inside its warning, whatever else the case holds.
        #expect(cases[4].diagnostics[0].notes.map(\.message) == ["use 'derivative(fromOutput:)' instead"])
    }
}
