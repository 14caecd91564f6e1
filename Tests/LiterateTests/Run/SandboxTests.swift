import Foundation
import Testing
@testable import Literate

/// What confines `book`'s children, tried on the built `book` as a reader runs it: the
/// compilers of a library build die with `book` even on `kill -9`, the next run removes what
/// that build left, and where Landlock is missing the tool says so once and keeps working.
@Suite struct SandboxTests {
    /// Case 10 of issue 19, during the library build: `kill -9` of book leaves no `swiftc` or
    /// `swift-frontend` running (the driver dies with book's thread by PR_SET_PDEATHSIG, the
    /// compilers it started by the watchdog, as they carry book's mark), and the next run
    /// removes the killed build's staging folder before it builds again.
    @Test(.enabled(if: ChapterProgram.procIsThere, "finds the compilers in /proc, which only Linux has"))
    func killingBookDuringTheLibraryBuildLeavesNoCompilerAndTheNextRunCleansUp() throws {
        let book = try BookExecutable.path()
        let repository = try Project.locate(from: BookExecutable.fixtures)
        // A project of its own, so that its libraries are not built yet: a copy of Learning and Plot.
        let root = NSTemporaryDirectory() + "book-killed-build-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.createDirectory(atPath: root + "/Sources", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: root + "/chapters", withIntermediateDirectories: true)
        for module in ["Learning", "Plot"] {
            try FileManager.default.copyItem(atPath: repository.root + "/Sources/" + module, toPath: root + "/Sources/" + module)
        }
        try "// swift-tools-version:6.0\n".write(toFile: root + "/Package.swift", atomically: true, encoding: .utf8)
        try "# One\n\n```swift\nprint(1)\n```\n".write(toFile: root + "/chapters/01-one.md", atomically: true, encoding: .utf8)
        // Generous waits, polled: a loaded machine may take minutes to reach the compiler.
        let script = """
        set -m
        cd '\(root)'
        compiling() { for p in /proc/[0-9]*; do grep -qs "LITERATE_RUN=$1\\." $p/environ && tr '\\0' '\\n' < $p/cmdline 2>/dev/null | head -1 | grep -q 'swift-frontend$' && return 0; done; return 1; }
        left() { for p in /proc/[0-9]*; do grep -qs "LITERATE_RUN=$1\\." $p/environ && tr '\\0' '\\n' < $p/cmdline 2>/dev/null | head -1; done; }
        '\(book)' check --no-cache >/dev/null 2>&1 &
        b=$!
        for i in $(seq 1 6000); do compiling $b && break; sleep 0.1; done
        compiling $b && echo "compiling"
        ls .build/book/lib | grep -q "\\.tmp-$b-" && echo "staging"
        kill -9 $b
        wait $b
        echo "status $?"
        for i in $(seq 1 600); do [ -z "$(left $b)" ] && break; sleep 0.1; done
        echo "left: $(left $b | xargs -n1 basename 2>/dev/null | sort | uniq -c | xargs)"
        '\(book)' check --no-cache >/dev/null 2>&1 &
        c=$!
        for i in $(seq 1 6000); do compiling $c && break; sleep 0.1; done
        compiling $c && echo "compiling again"
        echo "leftovers: $(ls .build/book/lib | grep -c "\\.tmp-$b-")"
        kill -9 $c
        wait $c
        for i in $(seq 1 600); do [ -z "$(left $c)" ] && break; sleep 0.1; done
        echo "left: $(left $c | xargs -n1 basename 2>/dev/null | sort | uniq -c | xargs)"
        """
        let result = try Subprocess.run("/bin/bash", ["-c", script], timeout: 1800)
        #expect(BookExecutable.lines(result.stdoutText) == ["compiling", "staging", "status 137", "left: ", "compiling again", "leftovers: 0", "left: "],
                "\(result.stderrText)")
    }

    /// Where Landlock is missing (simulated: `LITERATE_SIMULATE_NO_LANDLOCK=1` makes the probe
    /// answer as a kernel without it does), `book watch` says so once, however many rounds it
    /// checks, and chapters still run, unconfined: a write into the chapter's folder succeeds.
    @Test(.enabled(if: ChapterProgram.procIsThere, "Landlock is Linux's"))
    func withoutLandlockTheToolSaysSoOnceAndKeepsWorking() throws {
        let repository = try Project.locate(from: BookExecutable.fixtures)
        // Inside the repository, so the chapter links against its Learning.
        let folder = repository.root + "/.build/landlock-tests-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let chapter = "# Writes\n\n```swift\nimport Foundation\ntry! \"written\".write(toFile: \"results.txt\", atomically: false, encoding: .utf8)\n"
            + "print(try! String(contentsOfFile: \"results.txt\", encoding: .utf8))\n```\n\n```output\nwritten\n```\n"
        try chapter.write(toFile: folder + "/01-writes.md", atomically: true, encoding: .utf8)

        let watch = Process()
        watch.executableURL = URL(fileURLWithPath: try BookExecutable.path())
        watch.arguments = ["watch", "--no-site", "--timeout", "120", "01-writes.md"]
        watch.currentDirectoryURL = URL(fileURLWithPath: folder)
        watch.environment = ProcessInfo.processInfo.environment.merging(["GITHUB_ACTIONS": "", "LITERATE_SIMULATE_NO_LANDLOCK": "1"]) { $1 }
        let printed = LockedText(), said = LockedText()
        let out = Pipe(), err = Pipe()
        watch.standardOutput = out
        watch.standardError = err
        out.fileHandleForReading.readabilityHandler = { handle in printed.append(handle.availableData) }
        err.fileHandleForReading.readabilityHandler = { handle in said.append(handle.availableData) }
        try watch.run()
        defer { if watch.isRunning { kill(watch.processIdentifier, SIGKILL) } }

        try printed.wait(for: "1 passed, 0 failed")
        #expect(FileManager.default.fileExists(atPath: folder + "/results.txt"), "the unconfined chapter could not write its folder")
        try (chapter + "\nSaved again.\n").write(toFile: folder + "/01-writes.md", atomically: true, encoding: .utf8)
        try printed.wait(for: " changed: 01-writes.md\n")
        try printed.wait(for: " changed: 01-writes.md\n1 passed, 0 failed")
        kill(watch.processIdentifier, SIGINT)
        let deadline = Date().addingTimeInterval(60)
        while watch.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        let notes = said.text.components(separatedBy: "note: chapter code can write anywhere you can: this kernel has no Landlock").count - 1
        #expect(notes == 1, "said \(notes) times:\n\(said.text)")
    }
}
