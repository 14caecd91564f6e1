#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Whether the process that made a scratch folder still runs, for clean-ups that remove what
/// ended processes left and must not remove what a running one (another `book` on the same
/// project) is using. Folder names carry the maker's pid: `<name>-<pid>`.
public enum EndedProcess {
    /// True when no process `pid` exists (`kill(pid, 0)` fails with ESRCH). A process this
    /// one may not signal (EPERM) still runs; this process itself has not ended.
    public static func hasEnded(_ pid: pid_t) -> Bool {
        guard pid > 0, pid != getpid() else { return false }
        return kill(pid, 0) != 0 && errno == ESRCH
    }

    /// The pid at the end of `name` after `marker` (`main.txt.work-123` with `.work-`: 123).
    public static func pid(in name: String, after marker: String) -> pid_t? {
        guard let range = name.range(of: marker, options: .backwards) else { return nil }
        let digits = name[range.upperBound...]
        guard !digits.isEmpty, digits.allSatisfy(\.isNumber) else { return nil }
        return pid_t(digits)
    }
}
