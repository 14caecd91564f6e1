import Foundation
import Testing
@testable import Literate

@Suite struct SubprocessTests {
    @Test func outputsStatusAndFolder() throws {
        let result = try Subprocess.run("/bin/sh", ["-c", "pwd; echo oops >&2; exit 3"], in: "/tmp")
        #expect(result.stdoutText == "/tmp\n")
        #expect(result.stderrText == "oops\n")
        #expect(result.exitStatus == 3 && result.signal == nil && !result.succeeded)
    }

    @Test func standardInputIsEmpty() throws {
        let result = try Subprocess.run("/bin/sh", ["-c", "cat; echo done"], timeout: 5)
        #expect(result.stdoutText == "done\n")
    }

    @Test func aHangIsStopped() throws {
        let start = Date()
        let result = try Subprocess.run("/bin/sh", ["-c", "echo started; sleep 30"], timeout: 0.5)
        #expect(result.timedOut)
        #expect(result.stdoutText == "started\n")
        #expect(Date().timeIntervalSince(start) < 5)
    }

    @Test func aFloodIsStopped() throws {
        let result = try Subprocess.run("/bin/sh", ["-c", "yes"], timeout: 10, outputLimit: 10_000)
        #expect(result.overflowed)
        #expect(result.stdout.count == 10_000)
    }

    @Test func closingBothOutputsDoesNotEscapeTheTimeLimit() throws {
        let start = Date()
        let result = try Subprocess.run("/bin/sh", ["-c", "exec >&- 2>&-; while :; do :; done"], timeout: 0.5, quitFirst: true)
        #expect(result.timedOut)
        #expect(Date().timeIntervalSince(start) < 5)
    }

    /// Whether a process exists and is not a zombie.
    private func isAlive(_ pid: pid_t) -> Bool {
        guard let stat = FileManager.default.contents(atPath: "/proc/\(pid)/stat"),
              let close = stat.lastIndex(of: UInt8(ascii: ")")), close + 2 < stat.count else { return false }
        return stat[close + 2] != UInt8(ascii: "Z")
    }

    @Test func aChildHoldingTheOutputEndsTheRunAndIsKilled() throws {
        let start = Date()
        let result = try Subprocess.run("/bin/sh", ["-c", "sleep 30 & echo $!"], timeout: 20)
        #expect(Date().timeIntervalSince(start) < 5)
        #expect(!result.timedOut && result.exitStatus == 0)
        #expect(result.outputHeldOpen && result.strays == 0)  // sleep stayed in the group
        let child = try #require(pid_t(result.stdoutText.trimmingCharacters(in: .whitespacesAndNewlines)))
        #expect(endsSoon(child))
    }

    /// Whether `pid` is gone within 5 s: a SIGKILL takes effect asynchronously, and on a loaded
    /// machine the kernel may not have ended the process when `run` returns.
    private func endsSoon(_ pid: pid_t) -> Bool {
        for _ in 0..<50 {
            if !isAlive(pid) { return true }
            usleep(100_000)
        }
        return !isAlive(pid)
    }

    @Test func aDaemonThatLeftTheGroupIsFoundAndKilled() throws {
        let result = try Subprocess.run("/bin/sh", ["-c", "setsid sleep 30 >/dev/null 2>&1 & echo $!; sleep 0.5"], timeout: 20)
        #expect(!result.timedOut && !result.outputHeldOpen)
        #expect(result.strays == 1)
        let daemon = try #require(pid_t(result.stdoutText.trimmingCharacters(in: .whitespacesAndNewlines)))
        #expect(endsSoon(daemon))
    }

    @Test func aSignalIsReported() throws {
        let result = try Subprocess.run("/bin/sh", ["-c", "kill -ABRT $$"])
        #expect(result.signal == SIGABRT)
        #expect(result.exitStatus == nil)
    }
}

@Suite struct SubprocessQuitTests {
    @Test func aHangIsAskedToQuitBeforeItIsKilled() throws {
        let script = "trap 'echo quit >&2; exit 3' QUIT; echo started; while :; do :; done"
        let result = try Subprocess.run("/bin/sh", ["-c", script], timeout: 0.5, quitFirst: true, grace: 2)
        #expect(result.timedOut)
        #expect(result.stderrText == "quit\n")
    }
}
