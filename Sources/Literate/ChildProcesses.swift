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
/// with `setsid`, a daemon) is found in `/proc` and killed. `book` is a child subreaper
/// (`prctl(PR_SET_CHILD_SUBREAPER)` on Linux), so such orphans become its children rather
/// than init's, and `stopOnSignals()` makes SIGINT, SIGTERM and SIGHUP kill every run
/// before `book` exits with the signal's status.
public enum ChildProcesses {
    /// The environment variable that marks a run's processes.
    static let markVariable = "LITERATE_RUN"

    /// Process groups of the runs alive now, by their mark.
    private static let running = Locked<[String: pid_t]>([:])
    private static let counter = Locked(0)

    /// A fresh mark for one run; makes this process a subreaper the first time.
    static func newMark() -> String {
        _ = becomeSubreaper
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
        var strays = 0
        // Killing one process can orphan others: look again until none is left.
        for _ in 0..<20 {
            // Members of its group are dying already; the others left it.
            let found = marked(with: "\(markVariable)=\(mark)").filter { $0.group != pid }.map(\.pid)
            if found.isEmpty { break }
            strays += found.count
            for stray in found { kill(stray, SIGKILL) }
            usleep(2000)
        }
        reapOrphans()
        running.mutate { $0[mark] = nil }
        return strays
    }

    /// Stops every run on SIGINT, SIGTERM and SIGHUP, then ends `book` with that signal.
    /// Call once, from the command-line tool.
    public static func stopOnSignals() {
        for number in [SIGINT, SIGTERM, SIGHUP] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: signalQueue)
            source.setEventHandler {
                for (mark, pid) in running.value { stop(pid, mark: mark) }
                for stray in marked(with: "\(markVariable)=\(getpid()).") { kill(stray.pid, SIGKILL) }
                signal(number, SIG_DFL)
                kill(getpid(), number)
            }
            source.resume()
            signalSources.mutate { $0.append(source) }
        }
    }

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
        let waited = Set(running.value.values)
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: "/proc") else { return }
        for name in names {
            guard let pid = pid_t(name), !waited.contains(pid),
                  let stat = FileManager.default.contents(atPath: "/proc/\(name)/stat"),
                  let close = stat.lastIndex(of: UInt8(ascii: ")")) else { continue }
            // Fields after the command: state, parent pid.
            let fields = stat[(close + 2)...].split(separator: UInt8(ascii: " "))
            guard fields.count > 1, fields[0].first == UInt8(ascii: "Z"),
                  pid_t(String(decoding: fields[1], as: UTF8.self)) == getpid() else { continue }
            var status: Int32 = 0
            waitpid(pid, &status, WNOHANG)
        }
    }

    private typealias Prctl = @convention(c) (Int32, UInt, UInt, UInt, UInt) -> Int32

    /// `prctl(PR_SET_CHILD_SUBREAPER, 1)`, through `dlsym` since Swift cannot call C's
    /// variadic `prctl` directly; nothing on systems without it.
    private static let becomeSubreaper: Void = {
        #if os(Linux)
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "prctl") else { return }
        _ = unsafeBitCast(symbol, to: Prctl.self)(36 /* PR_SET_CHILD_SUBREAPER */, 1, 0, 0, 0)
        #endif
    }()
}
