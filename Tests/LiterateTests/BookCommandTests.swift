import Foundation
import Testing
@testable import Literate

/// The built `book` executable, run as a separate process the way a reader runs it: exit
/// status, what goes to standard output and standard error.
///
/// `swift test` builds every product, so `book` lies next to the test bundle in the products
/// folder. It runs inside the fixture books, so it finds this repository as its project and
/// shares the compiled Learning in `.build/book/lib/` with `CheckerTests` (compiled once).
private enum BookExecutable {
    /// The products folder: the folder holding the `.xctest` bundle this test runs in.
    static let productsFolder: String? = {
        let candidates = [CommandLine.arguments.first, Bundle.main.executablePath, Bundle.main.bundlePath].compactMap { $0 }
        for candidate in candidates {
            var url = URL(fileURLWithPath: candidate).standardizedFileURL
            while url.path != "/" {
                if url.pathExtension == "xctest" { return url.deletingLastPathComponent().path }
                url = url.deletingLastPathComponent()
            }
        }
        return nil
    }()

    /// `<products>/book`, or a message saying why it cannot be found.
    static func path() throws -> String {
        let folder = try #require(productsFolder, "no .xctest bundle in \(CommandLine.arguments.first ?? "?"); cannot find the products folder")
        let book = folder + "/book"
        try #require(FileManager.default.isExecutableFile(atPath: book),
                     "the book executable is missing at \(book); build it with `swift build` (swift test should have)")
        return book
    }

    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures").path

    /// Runs `book arguments` in `folder` (the fixture books by default).
    static func run(_ arguments: [String], in folder: String = fixtures, environment: [String: String] = ["GITHUB_ACTIONS": ""]) throws -> ProcessResult {
        // Long enough for a first run that compiles Learning and Plot. GITHUB_ACTIONS is
        // cleared so that the tests see the text format when they run in GitHub Actions too.
        try Subprocess.run(path(), arguments, in: folder, environment: environment, timeout: 600)
    }

    /// The lines of a text, without the empty one after its final newline.
    static func lines(_ text: String) -> [String] {
        text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init).filter { !$0.isEmpty }
    }
}

/// One at a time: the two checks that compile share one Learning, and the rest are instant.
@Suite(.serialized) struct BookCommandTests {
    @Test func aPassingChapterExitsZero() throws {
        let result = try BookExecutable.run(["check", "passing/chapter.md"])
        #expect(result.exitStatus == 0, "stderr: \(result.stderrText)")
        #expect(BookExecutable.lines(result.stdoutText) == ["1 passed, 0 failed"])
    }

    @Test func aWrongNumberExitsOneWithTheLineAndColumn() throws {
        let result = try BookExecutable.run(["check", "wrong-output/chapter.md"])
        #expect(result.exitStatus == 1, "stderr: \(result.stderrText)")
        #expect(BookExecutable.lines(result.stdoutText) == [
            "wrong-output/chapter.md:8:6: error: expected 0.5866 (±0.00005), got 0.58712",
            "0 passed, 1 failed",
        ])
    }

    @Test func aMissingFileExitsTwoNamingIt() throws {
        let result = try BookExecutable.run(["check", "nowhere/chapter.md"])
        #expect(result.exitStatus == 2)
        #expect(result.stdoutText == "")
        #expect(BookExecutable.lines(result.stderrText) == ["error: no such file: nowhere/chapter.md"])
    }

    @Test func anUnknownOptionExitsTwo() throws {
        let result = try BookExecutable.run(["check", "--frobnicate"])
        #expect(result.exitStatus == 2)
        #expect(result.stderrText.contains("--frobnicate"))
    }

    @Test func outsideAProjectExitsTwo() throws {
        let result = try BookExecutable.run(["check", "chapter.md"], in: NSTemporaryDirectory())
        #expect(result.exitStatus == 2)
        #expect(result.stderrText.hasPrefix("error: no project found above "))
    }

    @Test func versionAndHelp() throws {
        let version = try BookExecutable.run(["--version"])
        #expect(version.exitStatus == 0)
        #expect(version.stdoutText.wholeMatch(of: /\d+\.\d+\.\d+\n/) != nil, "printed: \(version.stdoutText)")
        let help = try BookExecutable.run(["check", "--help"])
        #expect(help.exitStatus == 0)
        #expect(help.stdoutText.contains("--timeout"))
        #expect(help.stdoutText.contains("Exit status: 0 when everything holds"))
    }

    @Test(arguments: ReportFormat.allCases) func exitStatusesAreTheSameInEveryFormat(format: ReportFormat) throws {
        let passing = try BookExecutable.run(["check", "--format", format.rawValue, "passing/chapter.md"])
        #expect(passing.exitStatus == 0, "stderr: \(passing.stderrText)")
        let failing = try BookExecutable.run(["check", "--format", format.rawValue, "wrong-output/chapter.md"])
        #expect(failing.exitStatus == 1, "stderr: \(failing.stderrText)")
        #expect(failing.stdoutText.contains("0 passed, 1 failed"))
        let missing = try BookExecutable.run(["check", "--format", format.rawValue, "nowhere/chapter.md"])
        #expect(missing.exitStatus == 2)
        #expect(missing.stdoutText == "")
    }

    @Test func githubActionsGetsAnnotationsAtTheRepositoryPath() throws {
        let result = try BookExecutable.run(["check", "wrong-output/chapter.md"], environment: ["GITHUB_ACTIONS": "true"])
        #expect(result.exitStatus == 1)
        #expect(BookExecutable.lines(result.stdoutText) == [
            "::error file=Tests/LiterateTests/Fixtures/wrong-output/chapter.md,line=8,col=6,title=book check::expected 0.5866 (±0.00005), got 0.58712",
            "0 passed, 1 failed",
        ])
    }

    @Test func jsonIsOneDocumentOnStandardOutput() throws {
        let result = try BookExecutable.run(["check", "--format", "json", "wrong-output/chapter.md", "passing/chapter.md"])
        #expect(result.exitStatus == 1)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout)) as? [String: Any])
        let chapters = try #require(document["chapters"] as? [[String: Any]])
        #expect(chapters.map { $0["path"] as? String } == ["wrong-output/chapter.md", "passing/chapter.md"])
        #expect(chapters.map { $0["status"] as? String } == ["failed", "passed"])
    }

    @Test func shardsTogetherCheckEveryChapterOnce() throws {
        let files = ["passing/chapter.md", "wrong-output/chapter.md", "unknown-option/chapter.md"]
        var seen: [String] = []
        for index in 1...2 {
            let result = try BookExecutable.run(["check", "--format", "json", "--shard", "\(index)/2"] + files)
            let document = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout)) as? [String: Any])
            seen += try #require(document["chapters"] as? [[String: Any]]).compactMap { $0["path"] as? String }
        }
        #expect(seen.sorted() == files.sorted())
    }

    @Test(arguments: ["0/2", "3/2", "two"]) func aBadShardExitsTwo(text: String) throws {
        let result = try BookExecutable.run(["check", "--shard", text])
        #expect(result.exitStatus == 2)
        #expect(result.stderrText.contains("wants K/N with 1 <= K <= N"))
    }
}
