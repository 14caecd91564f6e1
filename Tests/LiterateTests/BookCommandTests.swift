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
    static func run(_ arguments: [String], in folder: String = fixtures) throws -> ProcessResult {
        // Long enough for a first run that compiles Learning and Plot.
        try Subprocess.run(path(), arguments, in: folder, timeout: 600)
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
        #expect(BookExecutable.lines(result.stdoutText) == ["1 passed, 0 failed (7 printed numbers, 3 prose numbers, 0 math steps checked; 0 steps marked unchecked)"])
    }

    @Test func aWrongNumberExitsOneWithTheLineAndColumn() throws {
        let result = try BookExecutable.run(["check", "wrong-output/chapter.md"])
        #expect(result.exitStatus == 1, "stderr: \(result.stderrText)")
        #expect(BookExecutable.lines(result.stdoutText) == [
            "wrong-output/chapter.md:8:6: error: expected 0.5866 (±0.00005), got 0.58712",
            "0 passed, 1 failed (1 printed number, 0 prose numbers, 0 math steps checked; 0 steps marked unchecked)",
        ])
    }

    @Test func aSlipInTheMathExitsOneAtTheSidesPosition() throws {
        let result = try BookExecutable.run(["check", "wrong-math/chapter.md"])
        #expect(result.exitStatus == 1, "stderr: \(result.stderrText)")
        #expect(BookExecutable.lines(result.stdoutText) == [
            "wrong-math/chapter.md:8:24: error: this step gives 0.2, but the text says 0.3 (±0.05)",
            "wrong-math/chapter.md:13:18: error: this step gives 0.562177, but the text says 0.562187 (±0.0000005)",
            "0 passed, 1 failed (0 printed numbers, 0 prose numbers, 4 math steps checked; 1 step marked unchecked)",
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
}
