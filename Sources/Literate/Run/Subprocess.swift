import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How a child process ended and what it printed.
struct ProcessResult: Sendable {
    var stdout: [UInt8]
    var stderr: [UInt8]
    /// The exit status when it exited; nil when a signal ended it.
    var exitStatus: Int32?
    /// The signal that ended it, if any.
    var signal: Int32?
    /// Whether it was stopped for running past its time limit.
    var timedOut: Bool
    /// Whether it was stopped for printing more than its output limit.
    var overflowed: Bool
    /// How many processes it started were still running when it ended (and were killed).
    var strays = 0
    /// Whether it ended while processes it started still held its output open: the output
    /// was read for a moment more, then they were killed.
    var outputHeldOpen = false

    var succeeded: Bool { exitStatus == 0 && !timedOut && !overflowed }
    var stdoutText: String { String(decoding: stdout, as: UTF8.self) }
    var stderrText: String { String(decoding: stderr, as: UTF8.self) }
}

/// Runs a program with standard input from /dev/null, both outputs captured, a time limit and
/// an output limit; on either limit, and when it ends, everything it started is killed
/// (`ChildProcesses`). It dies with the thread that runs it (so with `book`, even on SIGKILL);
/// `memoryLimit` (bytes of address space, 0 for none) and `writable` (the folders it may write
/// to besides the temporary folder; nil for anywhere) confine it (`Sandbox`).
///
/// The time limit holds in every state: the program is watched with `waitpid(WNOHANG)` at
/// least every 0.1 s, so one that closes its outputs and loops is still stopped, and one that
/// exits while a process it started holds its outputs open ends the run at once.
enum Subprocess {
    /// On timeout, `quitFirst` sends SIGQUIT to the program and gives it `grace` seconds (or until
    /// the Swift runtime says `Backtrace took`) to print a backtrace of where it was stuck,
    /// before the whole group is killed.
    static func run(_ executable: String, _ arguments: [String], in folder: String? = nil,
                    environment: [String: String] = [:], timeout: Double = 600, outputLimit: Int = 64 << 20,
                    quitFirst: Bool = false, grace: Double = 3, memoryLimit: Int = 0,
                    writable: [String]? = nil) throws -> ProcessResult {
        var outPipe: [Int32] = [0, 0], errPipe: [Int32] = [0, 0]
        guard pipe(&outPipe) == 0, pipe(&errPipe) == 0 else { throw BookError.io("cannot create a pipe") }
        // Confined, when asked: writes only beneath `writable` and the temporary folder (Landlock).
        let ruleset: Int32?
        do {
            ruleset = try writable.flatMap { try Sandbox.ruleset(writable: $0) }
        } catch {
            for fd in outPipe + errPipe { close(fd) }
            throw error
        }
        defer { if let ruleset { close(ruleset) } }

        let mark = ChildProcesses.newMark()
        var merged = ProcessInfo.processInfo.environment
        for (key, value) in environment { merged[key] = value }
        merged[ChildProcesses.markVariable] = mark
        let envStrings = merged.map { "\($0.key)=\($0.value)" }
        var pid: pid_t = 0
        ChildProcesses.spawning.lock()
        var spawnError: Error?
        do {
            pid = try Sandbox.spawn(Sandbox.locate(executable), arguments: arguments, environment: envStrings, folder: folder,
                                    stdout: outPipe[1], stderr: errPipe[1], memoryLimit: memoryLimit, ruleset: ruleset)
            ChildProcesses.started(pid, mark: mark)
        } catch {
            spawnError = error
        }
        ChildProcesses.spawning.unlock()
        close(outPipe[1])
        close(errPipe[1])
        if let spawnError {
            close(outPipe[0])
            close(errPipe[0])
            throw spawnError
        }
        var result = ProcessResult(stdout: [], stderr: [], exitStatus: nil, signal: nil, timedOut: false, overflowed: false)
        var deadline = Date().addingTimeInterval(timeout)
        var open = [outPipe[0], errPipe[0]]
        var buffer = [UInt8](repeating: 0, count: 65536)
        var waitStatus: Int32 = 0
        var exited = false
        // Once both outputs are closed, the program is ending: its exit is looked for after
        // 1 ms, then 2, 4, ... up to 0.1 s, instead of 0.1 s at once.
        var pause = 1
        while !(exited && open.isEmpty) {
            let remaining = deadline.timeIntervalSinceNow
            if remaining <= 0 || (result.timedOut && result.stderrText.contains("Backtrace took")) {
                if exited { break }  // ended, but its children held the outputs: see below
                // A backtrace is worth waiting for only while its standard error is open.
                if quitFirst && !result.timedOut && open.contains(errPipe[0]) {
                    result.timedOut = true
                    kill(pid, SIGQUIT)
                    deadline = Date().addingTimeInterval(grace)
                    continue
                }
                result.timedOut = true
                break
            }
            var fds = open.map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
            var wait = Int32(min(remaining, 0.1) * 1000) + 1
            if open.isEmpty {
                wait = min(wait, Int32(pause))
                pause = min(pause * 2, 100)
            }
            let ready = poll(&fds, nfds_t(fds.count), wait)
            if ready < 0 && errno != EINTR { break }
            for entry in fds where entry.revents != 0 {
                let count = read(entry.fd, &buffer, buffer.count)
                if count <= 0 {
                    open.removeAll { $0 == entry.fd }
                    continue
                }
                if entry.fd == outPipe[0] {
                    result.stdout.append(contentsOf: buffer[0..<count])
                } else if result.stderr.count < outputLimit {
                    result.stderr.append(contentsOf: buffer[0..<count])
                }
            }
            if result.stdout.count > outputLimit {
                result.overflowed = true
                result.stdout.removeLast(result.stdout.count - outputLimit)
                break
            }
            // ECHILD: someone else reaped it (it has ended all the same).
            if !exited, case let waited = waitpid(pid, &waitStatus, WNOHANG), waited == pid || (waited < 0 && errno == ECHILD) {
                exited = true
                // What is already in the pipes is read; a process still holding them gets 0.2 s.
                if !open.isEmpty { deadline = min(deadline, Date().addingTimeInterval(0.2)) }
            }
        }
        result.outputHeldOpen = exited && !open.isEmpty && !result.overflowed
        close(outPipe[0])
        close(errPipe[0])
        if !exited {
            kill(-pid, SIGKILL)
            while waitpid(pid, &waitStatus, 0) < 0 && errno == EINTR {}
        }
        // Anything the program started must not outlive it.
        result.strays = ChildProcesses.stop(pid, mark: mark)
        while ChildProcesses.stopping.value { sleep(60) }  // book is ending by a signal
        if waitStatus & 0x7f == 0 {
            result.exitStatus = (waitStatus >> 8) & 0xff
        } else {
            result.signal = waitStatus & 0x7f
        }
        return result
    }
}
