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

    var succeeded: Bool { exitStatus == 0 && !timedOut && !overflowed }
    var stdoutText: String { String(decoding: stdout, as: UTF8.self) }
    var stderrText: String { String(decoding: stderr, as: UTF8.self) }
}

/// Runs a program with standard input from /dev/null, both outputs captured, a time limit and
/// an output limit; on either limit the whole process group is killed.
enum Subprocess {
    /// On timeout, `quitFirst` sends SIGQUIT to the program and gives it `grace` seconds (or until
    /// the Swift runtime says `Backtrace took`) to print a backtrace of where it was stuck,
    /// before the whole group is killed.
    static func run(_ executable: String, _ arguments: [String], in folder: String? = nil,
                    environment: [String: String] = [:], timeout: Double = 600, outputLimit: Int = 64 << 20,
                    quitFirst: Bool = false, grace: Double = 3) throws -> ProcessResult {
        var outPipe: [Int32] = [0, 0], errPipe: [Int32] = [0, 0]
        guard pipe(&outPipe) == 0, pipe(&errPipe) == 0 else { throw BookError.io("cannot create a pipe") }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, outPipe[1], 1)
        posix_spawn_file_actions_adddup2(&actions, errPipe[1], 2)
        for fd in outPipe + errPipe { posix_spawn_file_actions_addclose(&actions, fd) }
        if let folder {
            guard let addChdir = Subprocess.addChdir else { throw BookError.io("this C library cannot start a program in another folder") }
            _ = addChdir(&actions, folder)
        }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // Own process group (to kill it whole), default signal handling and no blocked signals:
        // whatever `book` itself ignores or blocks must not change how a chapter crashes.
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))
        posix_spawnattr_setpgroup(&attributes, 0)
        var allSignals = sigset_t()
        sigfillset(&allSignals)
        posix_spawnattr_setsigdefault(&attributes, &allSignals)
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)

        var merged = ProcessInfo.processInfo.environment
        for (key, value) in environment { merged[key] = value }
        let envStrings = merged.map { "\($0.key)=\($0.value)" }
        let argv = [executable] + arguments
        var pid: pid_t = 0
        let status = withCStrings(argv) { argvPointers in
            withCStrings(envStrings) { envPointers in
                posix_spawnp(&pid, executable, &actions, &attributes, argvPointers, envPointers)
            }
        }
        close(outPipe[1])
        close(errPipe[1])
        guard status == 0 else {
            close(outPipe[0])
            close(errPipe[0])
            throw BookError.io("cannot run \(executable): \(String(cString: strerror(status)))")
        }
        ChildProcesses.started(pid)
        defer { ChildProcesses.ended(pid) }
        var result = ProcessResult(stdout: [], stderr: [], exitStatus: nil, signal: nil, timedOut: false, overflowed: false)
        var deadline = Date().addingTimeInterval(timeout)
        var open = [outPipe[0], errPipe[0]]
        var buffer = [UInt8](repeating: 0, count: 65536)
        while !open.isEmpty {
            let remaining = deadline.timeIntervalSinceNow
            if remaining <= 0 || (result.timedOut && result.stderrText.contains("Backtrace took")) {
                if quitFirst && !result.timedOut {
                    result.timedOut = true
                    kill(pid, SIGQUIT)
                    deadline = Date().addingTimeInterval(grace)
                    continue
                }
                result.timedOut = true
                kill(-pid, SIGKILL)
                break
            }
            var fds = open.map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
            let ready = poll(&fds, nfds_t(fds.count), Int32(min(remaining, 1) * 1000) + 1)
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
                kill(-pid, SIGKILL)
                break
            }
        }
        close(outPipe[0])
        close(errPipe[0])
        var waitStatus: Int32 = 0
        while waitpid(pid, &waitStatus, 0) < 0 && errno == EINTR {}
        // Anything the program started in its group must not outlive it.
        kill(-pid, SIGKILL)
        if waitStatus & 0x7f == 0 {
            result.exitStatus = (waitStatus >> 8) & 0xff
        } else {
            result.signal = waitStatus & 0x7f
        }
        return result
    }

    private typealias AddChdir = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, UnsafePointer<CChar>) -> Int32

    /// glibc's `posix_spawn_file_actions_addchdir_np` (2.29+), which Swift's Glibc module does not export.
    private static let addChdir: AddChdir? = {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "posix_spawn_file_actions_addchdir_np") else { return nil }
        return unsafeBitCast(symbol, to: AddChdir.self)
    }()

    /// Calls `body` with a NULL-terminated C array of the strings.
    private static func withCStrings<R>(_ strings: [String], _ body: ([UnsafeMutablePointer<CChar>?]) -> R) -> R {
        var pointers: [UnsafeMutablePointer<CChar>?] = strings.map { strdup($0) }
        pointers.append(nil)
        defer { for pointer in pointers { free(pointer) } }
        return body(pointers)
    }
}
