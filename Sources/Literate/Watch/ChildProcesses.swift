import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Every program `book` has started and not yet reaped (swiftc, chapter programs), so that an
/// interrupted `book` stops them too: each runs in its own process group, which a Ctrl-C at
/// the terminal does not reach.
public enum ChildProcesses {
    private static let running = Locked<Set<pid_t>>([])
    nonisolated(unsafe) private static var signalSources: [DispatchSourceSignal] = []

    /// Records a child that leads its own process group.
    static func started(_ pid: pid_t) { running.mutate { _ = $0.insert(pid) } }

    /// Forgets a child once it has been reaped.
    static func ended(_ pid: pid_t) { running.mutate { _ = $0.remove(pid) } }

    /// The process groups alive now (for tests).
    static var groups: Set<pid_t> { running.value }

    /// Kills the process group of every child still running.
    public static func killAll() {
        for pid in running.value { kill(-pid, SIGKILL) }
    }

    /// From now on, SIGINT (Ctrl-C) and SIGTERM kill every child's process group, then end
    /// `book` with the shell's status for the signal (130 or 143).
    public static func stopAllOnInterrupt() {
        for number in [SIGINT, SIGTERM] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler {
                killAll()
                exit(128 + number)
            }
            source.resume()
            signalSources.append(source)
        }
    }
}
