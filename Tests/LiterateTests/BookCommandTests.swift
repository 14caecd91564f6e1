import Foundation
import Testing
@testable import Literate

/// The built `book` executable, run as a separate process the way a reader runs it: exit
/// status, what goes to standard output and standard error.
///
/// `swift test` builds every product, so `book` lies next to the test bundle in the products
/// folder. It runs inside the fixture books, so it finds this repository as its project and
/// shares the compiled Learning in `.build/book/lib/` with `CheckerTests` (compiled once).
enum BookExecutable {
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
    static func run(_ arguments: [String], in folder: String = fixtures, direct: Bool = false,
                    environment: [String: String] = ["GITHUB_ACTIONS": ""]) throws -> ProcessResult {
        // Long enough for a first run that compiles Learning and Plot. GITHUB_ACTIONS is
        // cleared so that the tests see the text format when they run in GitHub Actions too.
        direct ? try Subprocess.run(arguments[0], Array(arguments.dropFirst()), in: folder, environment: environment, timeout: 600)
            : try Subprocess.run(path(), arguments, in: folder, environment: environment, timeout: 600)
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
        #expect(BookExecutable.lines(result.stdoutText) == ["1 passed, 0 failed (7 printed numbers, 3 prose numbers, 0 claims, 0 math steps checked; 0 steps marked unchecked)"])
    }

    @Test func aWrongNumberExitsOneWithTheLineAndColumn() throws {
        let result = try BookExecutable.run(["check", "wrong-output/chapter.md"])
        #expect(result.exitStatus == 1, "stderr: \(result.stderrText)")
        #expect(BookExecutable.lines(result.stdoutText) == [
            "wrong-output/chapter.md:8:6: error: expected 0.5866 (±0.00005), got 0.58712",
            "0 passed, 1 failed (1 printed number, 0 prose numbers, 0 claims, 0 math steps checked; 0 steps marked unchecked)",
        ])
    }

    @Test func aSlipInTheMathExitsOneAtTheSidesPosition() throws {
        let result = try BookExecutable.run(["check", "wrong-math/chapter.md"])
        #expect(result.exitStatus == 1, "stderr: \(result.stderrText)")
        #expect(BookExecutable.lines(result.stdoutText) == [
            "wrong-math/chapter.md:8:24: error: this step gives 0.2, but the text says 0.3 (±0.05)",
            "wrong-math/chapter.md:13:18: error: this step gives 0.562177, but the text says 0.562187 (±0.0000005)",
            "0 passed, 1 failed (0 printed numbers, 0 prose numbers, 0 claims, 4 math steps checked; 1 step marked unchecked)",
        ])
    }

    /// SIGINT and SIGTERM to `book` while a chapter runs: `book` ends with the signal and no
    /// process it started (marked LITERATE_RUN=<book's pid>.) is left.
    @Test(.enabled(if: ChapterProgram.procIsThere, "finds the chapter's processes in /proc, which only Linux has"),
          arguments: ["INT", "TERM"]) func aSignalStopsBookAndEveryChapterProcess(_ signal: String) throws {
        let book = try BookExecutable.path()
        let script = """
        set -m
        '\(book)' check --no-cache --timeout 120 hang/chapter.md >/dev/null 2>&1 &
        b=$!
        running() { for p in /proc/[0-9]*; do grep -qs "LITERATE_RUN=$b\\." $p/environ && tr '\\0' '\\n' < $p/cmdline 2>/dev/null | head -1 | grep -q '/program$' && return 0; done; return 1; }
        for i in $(seq 1 3000); do running && break; sleep 0.1; done
        running && echo "program running"
        kill -\(signal) $b
        wait $b
        echo "status $?"
        """ + ChapterProgram.countLeftovers
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

    /// Case 6 of issue 19: values that trapped ("Double value cannot be converted to Int") or
    /// were taken for options ("Missing value") get a message saying what to give.
    @Test func outOfRangeAndNegativeValuesAreClearErrors() throws {
        let timeout = "is not allowed; give a number of seconds above 0 and at most 86400, e.g. --timeout 30"
        let cases: [([String], String)] = [
            (["check", "--timeout", "1e19"], "error: --timeout 1e+19 \(timeout)"),
            (["run", "--timeout", "1e19", "passing/chapter.md"], "error: --timeout 1e+19 \(timeout)"),
            (["check", "--timeout", "-5"], "error: --timeout -5 \(timeout)"),
            (["check", "--memory", "-1"], "error: --memory -1 is not allowed; give a number of megabytes from 256 to 1048576, e.g. --memory 8192"),
            (["check", "--memory", "99999999999999999"], "error: --memory 99999999999999999 is not allowed; give a number of megabytes from 256 to 1048576, e.g. --memory 8192"),
        ]
        for (arguments, message) in cases {
            let result = try BookExecutable.run(arguments + (arguments[0] == "check" ? ["passing/chapter.md"] : []))
            #expect(result.exitStatus == 2 && result.signal == nil, "\(arguments): \(result.stderrText)")
            #expect(BookExecutable.lines(result.stderrText) == [message], "\(arguments)")
        }
        for shard in ["-1/2", "1/1000000000", "1/-2"] {
            let result = try BookExecutable.run(["check", "--shard", shard, "passing/chapter.md"])
            #expect(result.exitStatus == 2 && result.signal == nil, "\(shard)")
            #expect(result.stderrText.contains("wants K/N with 1 <= K <= N <= 1000"), "\(shard): \(result.stderrText)")
        }
    }

    /// Case 10 of issue 19: `kill -9` of book, which no handler sees, still leaves no process it
    /// started: the program dies with the thread that started it, its children by the watchdog.
    @Test func killingBookOutrightLeavesNothingRunning() throws {
        let book = try BookExecutable.path()
        let script = """
        set -m
        '\(book)' check --no-cache --timeout 120 waits-for-child/chapter.md >/dev/null 2>&1 &
        b=$!
        running() { for p in /proc/[0-9]*; do grep -qs "LITERATE_RUN=$b\\." $p/environ && tr '\\0' '\\n' < $p/cmdline 2>/dev/null | head -1 | grep -q 'sleep' && return 0; done; return 1; }
        for i in $(seq 1 3000); do running && break; sleep 0.1; done
        running && echo "child running"
        kill -9 $b
        wait $b
        echo "status $?"
        """ + ChapterProgram.countLeftovers
        let result = try BookExecutable.run(["/bin/bash", "-c", script], direct: true)
        #expect(BookExecutable.lines(result.stdoutText) == ["child running", "status 137", "0"], "\(result.stderrText)")
    }

    @Test func watchWithABadOptionValueExitsTwoAtOnce() throws {
        let result = try Subprocess.run(try BookExecutable.path(), ["watch", "--no-site", "--jobs", "0", "passing/chapter.md"],
                                        in: BookExecutable.fixtures, timeout: 60)
        #expect(!result.timedOut && result.exitStatus == 2)
        #expect(BookExecutable.lines(result.stderrText) == ["error: --jobs 0 is not allowed; give a whole number from 1 to 256, e.g. --jobs 2"])
    }

    @Test func theSameFileTwiceIsCheckedOnce() throws {
        let result = try BookExecutable.run(["check", "passing/chapter.md", "./passing/chapter.md"])
        #expect(result.exitStatus == 0, "stderr: \(result.stderrText)")
        #expect(BookExecutable.lines(result.stdoutText) == ["1 passed, 0 failed (7 printed numbers, 3 prose numbers, 0 claims, 0 math steps checked; 0 steps marked unchecked)"])
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
            "0 passed, 1 failed (1 printed number, 0 prose numbers, 0 claims, 0 math steps checked; 0 steps marked unchecked)",
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

    /// `book watch`: the first check, a save that breaks a number and its diagnostic, a save
    /// that makes the chapter hang, then Ctrl-C, which must stop the hanging program too.
    @Test(.enabled(if: ChapterProgram.procIsThere, "finds the chapter's program in /proc, which only Linux has"))
    func watchChecksAgainOnSaveAndCtrlCStopsEverything() throws {
        let book = try SumBook(named: "watch-command-tests")
        defer { book.remove() }
        let folder = book.folder, chapter = SumBook.chapter
        let (watch, printed) = try book.watch(with: try BookExecutable.path(), errorsShown: false)
        defer { if watch.isRunning { kill(watch.processIdentifier, SIGKILL) } }

        try printed.wait(for: "1 passed, 0 failed")
        try chapter.replacingOccurrences(of: "[3]", with: "[4]").write(toFile: folder + "/01-sum.md", atomically: true, encoding: .utf8)
        try printed.wait(for: "01-sum.md:3:13: error: expected 4 (±0.5), but the code computed 3.0 for 'sum'\n0 passed, 1 failed")
        #expect(printed.text.contains(" changed: 01-sum.md\n"))

        try (chapter + "\n```swift\nwhile true {}\n```\n").write(toFile: folder + "/01-sum.md", atomically: true, encoding: .utf8)
        let program = try ChapterProgram.waitUntilRunning(startedBy: watch.processIdentifier)
        kill(watch.processIdentifier, SIGINT)
        let deadline = Date().addingTimeInterval(60)
        while watch.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        try #require(!watch.isRunning, "book watch did not stop on SIGINT")
        #expect(watch.terminationReason == .uncaughtSignal && watch.terminationStatus == SIGINT)
        #expect(ChapterProgram.isGone(program), "the chapter's program outlived book watch")
    }
}

extension BookCommandTests {
    /// An author rebuilds while `book watch` (or `book serve`) runs: the build deletes the
    /// executable the running one was started from. Its next check still keys the cache by
    /// the engine it runs (read through /proc/self/exe), instead of failing with "cannot read
    /// the running executable".
    @Test(.enabled(if: ChapterProgram.procIsThere, "reads /proc/self/exe, which only Linux has"))
    func aRunningWatchKeepsCheckingAfterItsExecutableIsDeleted() throws {
        let book = try SumBook(named: "watch-deleted-tests")
        defer { book.remove() }
        let folder = book.folder, chapter = SumBook.chapter
        let copy = folder + "/book-copy"
        try FileManager.default.copyItem(atPath: try BookExecutable.path(), toPath: copy)
        let (watch, printed) = try book.watch(with: copy, errorsShown: true)
        defer { if watch.isRunning { kill(watch.processIdentifier, SIGKILL) } }

        try printed.wait(for: "1 passed, 0 failed")
        try FileManager.default.removeItem(atPath: copy)
        try chapter.replacingOccurrences(of: "[3]", with: "[4]").write(toFile: folder + "/01-sum.md", atomically: true, encoding: .utf8)
        try printed.wait(forAny: ["0 passed, 1 failed", "cannot read the running executable"])
        #expect(printed.text.contains("01-sum.md:3:13: error: expected 4 (±0.5), but the code computed 3.0 for 'sum'"))
        #expect(!printed.text.contains("cannot read the running executable"))
        kill(watch.processIdentifier, SIGINT)
    }
}

/// A one-chapter book, "The sum is [3](check:sum)" over `record("sum", 1 + 2)`, in a new
/// folder inside the repository's .build (so the chapter links against its Learning).
struct SumBook {
    static let chapter = "# Sum\n\nThe sum is [3](check:sum).\n\n```swift\nrecord(\"sum\", 1 + 2)\n```\n"
    let folder: String

    init(named name: String) throws {
        let repository = try Project.locate(from: BookExecutable.fixtures)
        folder = repository.root + "/.build/\(name)-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try SumBook.chapter.write(toFile: folder + "/01-sum.md", atomically: true, encoding: .utf8)
    }

    func remove() { try? FileManager.default.removeItem(atPath: folder) }

    /// `executable watch --no-site` of the chapter, started, and what it prints as it
    /// arrives (its standard error too when `errorsShown`).
    func watch(with executable: String, errorsShown: Bool) throws -> (Process, LockedText) {
        let watch = Process()
        watch.executableURL = URL(fileURLWithPath: executable)
        watch.arguments = ["watch", "--no-site", "--timeout", "120", "01-sum.md"]
        watch.currentDirectoryURL = URL(fileURLWithPath: folder)
        watch.environment = ProcessInfo.processInfo.environment.merging(["GITHUB_ACTIONS": ""]) { $1 }
        let printed = LockedText()
        let out = Pipe()
        watch.standardOutput = out
        if errorsShown { watch.standardError = out } else { watch.standardError = FileHandle.nullDevice }
        out.fileHandleForReading.readabilityHandler = { handle in printed.append(handle.availableData) }
        try watch.run()
        return (watch, printed)
    }
}

/// Text a child prints, collected as it arrives.
final class LockedText: @unchecked Sendable {
    private let lock = NSLock()
    private var data = Data()

    func append(_ more: Data) { lock.withLock { data.append(more) } }
    var text: String { lock.withLock { String(decoding: data, as: UTF8.self) } }

    /// Waits (up to ten minutes: the first check may compile Learning) until `expected` has been printed.
    func wait(for expected: String) throws {
        try wait(forAny: [expected])
    }

    /// Waits (up to ten minutes) until one of `expected` has been printed.
    func wait(forAny expected: [String]) throws {
        let deadline = Date().addingTimeInterval(600)
        while !expected.contains(where: text.contains) {
            try #require(Date() < deadline, "never printed \(expected.joined(separator: " or ")); printed:\n\(text)")
            Thread.sleep(forTimeInterval: 0.05)
        }
    }
}

/// A chapter's program, found through /proc: the engine runs it from a work folder that ends
/// in the id of the `book` that started it.
enum ChapterProgram {
    /// Shell lines that print how many processes still carry the run mark of book `$b`
    /// (`LITERATE_RUN=$b.`), after giving the kernel up to 5 s to end what was killed: a
    /// SIGKILL takes effect asynchronously.
    static let countLeftovers = "\n" + """
        for i in $(seq 1 50); do
            left=$(grep -ls "LITERATE_RUN=$b\\." /proc/[0-9]*/environ 2>/dev/null | grep -v self | wc -l)
            [ "$left" = 0 ] && break
            sleep 0.1
        done
        echo $left
        """

    /// Whether this system has /proc with processes' environments (Linux; not macOS).
    static let procIsThere = FileManager.default.fileExists(atPath: "/proc/self/environ")

    static func waitUntilRunning(startedBy book: Int32) throws -> Int32 {
        let deadline = Date().addingTimeInterval(600)
        while Date() < deadline {
            for name in (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? [] {
                guard let pid = Int32(name), let command = try? String(contentsOfFile: "/proc/\(name)/cmdline", encoding: .utf8) else { continue }
                if command.contains("/.build/book/work/") && command.contains("-\(book)/program") && !isGone(pid) { return pid }
            }
            Thread.sleep(forTimeInterval: 0.05)
        }
        throw CancellationError()
    }

    /// Whether the process has ended (gone, or a zombie waiting for a parent to reap it).
    static func isGone(_ pid: Int32) -> Bool {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8) else { return true }
        let state = stat.split(separator: ")").last?.split(separator: " ").first
        return state == "Z" || state == "X"
    }
}
