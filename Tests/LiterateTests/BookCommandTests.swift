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
    static func run(_ arguments: [String], in folder: String = fixtures, direct: Bool = false) throws -> ProcessResult {
        // Long enough for a first run that compiles Learning and Plot.
        direct ? try Subprocess.run(arguments[0], Array(arguments.dropFirst()), in: folder, timeout: 600)
            : try Subprocess.run(path(), arguments, in: folder, timeout: 600)
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

    /// SIGINT and SIGTERM to `book` while a chapter runs: `book` ends with the signal and no
    /// process it started (marked LITERATE_RUN=<book's pid>.) is left.
    @Test(arguments: ["INT", "TERM"]) func aSignalStopsBookAndEveryChapterProcess(_ signal: String) throws {
        let book = try BookExecutable.path()
        let script = """
        set -m
        '\(book)' check --no-cache --timeout 120 hang/chapter.md >/dev/null 2>&1 &
        b=$!
        running() { for p in /proc/[0-9]*; do grep -qs "LITERATE_RUN=$b\\." $p/environ && grep -qs /program $p/cmdline && return 0; done; return 1; }
        for i in $(seq 1 1200); do running && break; sleep 0.1; done
        running && echo "program running"
        kill -\(signal) $b
        wait $b
        echo "status $?"
        sleep 0.3
        grep -ls "LITERATE_RUN=$b\\." /proc/[0-9]*/environ 2>/dev/null | grep -v self | wc -l
        """
        let result = try BookExecutable.run(["/bin/bash", "-c", script], direct: true)
        let status = signal == "INT" ? 130 : 143
        #expect(BookExecutable.lines(result.stdoutText) == ["program running", "status \(status)", "0"], "\(result.stderrText)")
    }

    @Test func badOptionValuesExitTwoWithAMessage() throws {
        let timeout = "is not allowed; give a number of seconds above 0 and at most 86400, e.g. --timeout 30"
        for (arguments, message) in [(["--timeout", "nan"], "error: --timeout nan \(timeout)"),
                                     (["--timeout", "0"], "error: --timeout 0 \(timeout)"),
                                     (["--timeout=-1"], "error: --timeout -1 \(timeout)"),
                                     (["--jobs", "0"], "error: --jobs 0 is not allowed; give a whole number from 1 to 256, e.g. --jobs 2")] {
            let result = try BookExecutable.run(["check"] + arguments + ["passing/chapter.md"])
            #expect(result.exitStatus == 2, "\(arguments)")
            #expect(result.stdoutText == "")
            #expect(BookExecutable.lines(result.stderrText) == [message])
        }
    }

    @Test func theSameFileTwiceIsCheckedOnce() throws {
        let result = try BookExecutable.run(["check", "passing/chapter.md", "./passing/chapter.md"])
        #expect(result.exitStatus == 0, "stderr: \(result.stderrText)")
        #expect(BookExecutable.lines(result.stdoutText) == ["1 passed, 0 failed (7 printed numbers, 3 prose numbers, 0 math steps checked; 0 steps marked unchecked)"])
    }

    /// A project folder of its own: Package.swift and Sources/Learning, and `extra` set up.
    private func temporaryProject(_ extra: (String) throws -> Void = { _ in }) throws -> String {
        let root = NSTemporaryDirectory() + "book-project-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: root + "/Sources/Learning", withIntermediateDirectories: true)
        try "// swift-tools-version:6.0\n".write(toFile: root + "/Package.swift", atomically: true, encoding: .utf8)
        try extra(root)
        return root
    }

    @Test func noChaptersIsASetupProblem() throws {
        let root = try temporaryProject()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let result = try BookExecutable.run(["check"], in: root)
        #expect(result.exitStatus == 2)
        #expect(BookExecutable.lines(result.stderrText) == ["error: no chapters found in chapters; add NN-name.md files there, or name the files to check"])
    }

    @Test func aCacheFolderThatCannotBeWrittenIsSaidPlainly() throws {
        let root = try temporaryProject { root in
            try FileManager.default.createDirectory(atPath: root + "/chapters", withIntermediateDirectories: true)
            try "```swift\nprint(1)\n```\n".write(toFile: root + "/chapters/01-one.md", atomically: true, encoding: .utf8)
            // A file where .build/book/lib must be a folder (as root, permissions would not stop a write).
            try FileManager.default.createDirectory(atPath: root + "/.build/book", withIntermediateDirectories: true)
            try "".write(toFile: root + "/.build/book/lib", atomically: true, encoding: .utf8)
        }
        defer { try? FileManager.default.removeItem(atPath: root) }
        let result = try BookExecutable.run(["check"], in: root)
        #expect(result.exitStatus == 2)
        let lines = BookExecutable.lines(result.stderrText).filter { !$0.hasPrefix("compiling") && !$0.hasPrefix("[") }
        #expect(lines.count == 1 && lines[0].hasPrefix("error: cannot write \(root)/.build/book/lib/"), "\(lines)")
        #expect(lines.first?.hasSuffix("; make the folder writable, or remove it") == true)
        #expect(!result.stderrText.contains("NSCocoaErrorDomain") && !result.stderrText.contains("Error Domain"))
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
