import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Every process `book` starts, and every process those start, dies with its run and with
/// `book`.
///
/// How: each run gets its own process group and a mark in its environment,
/// `LITERATE_RUN=<book's pid>.<run>`, which every descendant inherits; when the run ends, its
/// group is killed, then every process still carrying its mark (a child that left the group
/// with `setsid`, a daemon) is found in `/proc` and killed. `takeCharge()`, which the
/// command-line tool calls, makes `book` a child subreaper (`prctl(PR_SET_CHILD_SUBREAPER)` on
/// Linux), so such orphans become its children rather than init's (and are reaped by it), and
/// makes SIGINT, SIGTERM and SIGHUP kill every run before `book` exits with the signal's
/// status. A library user (the tests) keeps its own signal handling, and its orphans go to init.
public enum ChildProcesses {
    /// The environment variable that marks a run's processes.
    static let markVariable = "LITERATE_RUN"

    /// Process groups of the runs alive now, by their mark.
    private static let running = Locked<[String: pid_t]>([:])
    private static let counter = Locked(0)

    /// Held from spawning a process until it is in `running`, so `reapOrphans` never takes a
    /// child that a run is about to wait for.
    static let spawning = NSLock()
    /// Whether `takeCharge()` made this process a subreaper.
    private static let isSubreaper = Locked(false)

    /// A fresh mark for one run.
    static func newMark() -> String {
        let number = counter.mutate { value -> Int in
            value += 1
            return value
        }
        return "\(getpid()).\(number)"
    }

    static func started(_ pid: pid_t, mark: String) { running.mutate { $0[mark] = pid } }

    /// Kills the run's group and every process carrying its mark; returns how many processes
    /// outside the group were still alive (a child it started and did not wait for).
    @discardableResult
    static func stop(_ pid: pid_t, mark: String) -> Int {
        kill(-pid, SIGKILL)
        var killed = Set<pid_t>()
        // Killing one process can orphan others: look again until none is left.
        for _ in 0..<20 {
            // Members of its group are dying already; the others left it.
            let found = marked(with: "\(markVariable)=\(mark)").map(\.pid).filter { getpgid($0) != pid && !killed.contains($0) }
            if found.isEmpty { break }
            for stray in found {
                kill(stray, SIGKILL)
                killed.insert(stray)
            }
            // Wait (up to a second) until they are gone, so the next look does not see them dying.
            for _ in 0..<100 {
                // A killed orphan of this subreaper is its child: wait for it, or it stays a zombie.
                if isSubreaper.value { for stray in found where parent(of: stray) == getpid() { waitpid(stray, nil, WNOHANG) } }
                if found.allSatisfy({ status(of: $0).map { $0.state == UInt8(ascii: "Z") } ?? true }) { break }
                usleep(10_000)
            }
        }
        if isSubreaper.value { reapOrphans() }
        running.mutate { $0[mark] = nil }
        return killed.count
    }

    /// Makes this process the reaper of every orphan its runs leave, and stops every run on
    /// SIGINT, SIGTERM and SIGHUP before ending with that signal. Call once, from the
    /// command-line tool.
    public static func takeCharge() {
        #if os(Linux)
        if let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "prctl"),
           unsafeBitCast(symbol, to: Prctl.self)(36 /* PR_SET_CHILD_SUBREAPER */, 1, 0, 0, 0) == 0 {
            isSubreaper.mutate { $0 = true }
        }
        #endif
        // A parent may start book with these blocked (Foundation's Process on Linux blocks
        // nearly every signal in its children): then the signal re-raised below would stay
        // pending and book would never end.
        var handled = sigset_t()
        sigemptyset(&handled)
        for number in [SIGINT, SIGTERM, SIGHUP] { sigaddset(&handled, number) }
        pthread_sigmask(SIG_UNBLOCK, &handled, nil)
        for number in [SIGINT, SIGTERM, SIGHUP] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: signalQueue)
            source.setEventHandler {
                stopping.mutate { $0 = true }
                for (mark, pid) in running.value { stop(pid, mark: mark) }
                for stray in marked(with: "\(markVariable)=\(getpid()).") { kill(stray.pid, SIGKILL) }
                signal(number, SIG_DFL)
                kill(getpid(), number)
                // Only reached if every thread blocks the signal.
                usleep(200_000)
                _exit(128 + number)
            }
            source.resume()
            signalSources.mutate { $0.append(source) }
        }
    }

    /// Set once a signal is stopping `book`: runs that end now must not report (their end
    /// is the signal's doing), so `Subprocess` waits there for the signal to end the process.
    static let stopping = Locked(false)

    private static let signalQueue = DispatchQueue(label: "book.signals")
    private static let signalSources = Locked<[DispatchSourceSignal]>([])

    /// This user's processes whose environment holds `entry` (or, ending in `.`, an entry
    /// starting with it), with their process groups.
    static func marked(with entry: String) -> [(pid: pid_t, group: pid_t)] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: "/proc") else { return [] }
        let needle = Array(entry.utf8)
        let me = getpid()
        return names.compactMap { name -> (pid_t, pid_t)? in
            guard let pid = pid_t(name), pid != me,
                  let environment = FileManager.default.contents(atPath: "/proc/\(name)/environ") else { return nil }
            let found = environment.split(separator: 0).contains { variable in
                entry.hasSuffix(".") ? variable.starts(with: needle) : variable.elementsEqual(needle)
            }
            return found ? (pid, getpgid(pid)) : nil
        }
    }

    /// Reaps children that ended after being orphaned to this subreaper, without touching the
    /// ones a run is still waiting for.
    private static func reapOrphans() {
        spawning.lock()
        defer { spawning.unlock() }
        let waited = Set(running.value.values)
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: "/proc") else { return }
        for name in names {
            guard let pid = pid_t(name), !waited.contains(pid), let (state, parent) = status(of: pid),
                  state == UInt8(ascii: "Z"), parent == getpid() else { continue }
            waitpid(pid, nil, WNOHANG)
        }
    }

    /// A process's state letter and parent, from `/proc/<pid>/stat` (the fields after the command).
    private static func status(of pid: pid_t) -> (state: UInt8, parent: pid_t)? {
        guard let stat = FileManager.default.contents(atPath: "/proc/\(pid)/stat"),
              let close = stat.lastIndex(of: UInt8(ascii: ")")), close + 2 < stat.count else { return nil }
        let fields = stat[(close + 2)...].split(separator: UInt8(ascii: " "))
        guard fields.count > 1, let state = fields[0].first, let parent = pid_t(String(decoding: fields[1], as: UTF8.self)) else { return nil }
        return (state, parent)
    }

    private static func parent(of pid: pid_t) -> pid_t? { status(of: pid)?.parent }

    private typealias Prctl = @convention(c) (Int32, UInt, UInt, UInt, UInt) -> Int32
}
