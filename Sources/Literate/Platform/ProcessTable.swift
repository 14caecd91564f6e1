import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The machine's processes as `ChildProcesses` needs them: their ids, a process's environment,
/// and its state and parent.
///
/// Linux reads `/proc`. macOS asks the kernel with `sysctl` (`KERN_PROC` for the table,
/// `KERN_PROCARGS2` for an environment, readable for this user's processes). Elsewhere the
/// table is empty: a run's processes are then stopped through their process group only, so one
/// that left it (`setsid`) is not found.
enum ProcessTable {
    #if os(Linux)
    /// Every process id `/proc` lists.
    static func processIDs() -> [pid_t] {
        ((try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []).compactMap { pid_t($0) }
    }

    /// The `NAME=value` entries of `pid`'s environment; nil when it cannot be read (another
    /// user's process, or one that ended).
    static func environment(of pid: pid_t) -> [ArraySlice<UInt8>]? {
        guard let data = FileManager.default.contents(atPath: "/proc/\(pid)/environ") else { return nil }
        return Array(data).split(separator: 0)
    }

    /// A process's state letter (`Z` for a zombie) and parent, from `/proc/<pid>/stat` (the
    /// fields after the command, which may hold spaces and parentheses).
    static func status(of pid: pid_t) -> (state: UInt8, parent: pid_t)? {
        guard let stat = FileManager.default.contents(atPath: "/proc/\(pid)/stat"),
              let close = stat.lastIndex(of: UInt8(ascii: ")")), close + 2 < stat.count else { return nil }
        let fields = stat[(close + 2)...].split(separator: UInt8(ascii: " "))
        guard fields.count > 1, let state = fields[0].first, let parent = pid_t(String(decoding: fields[1], as: UTF8.self)) else { return nil }
        return (state, parent)
    }
    #elseif os(macOS)
    /// Every process id the kernel's process table holds.
    static func processIDs() -> [pid_t] {
        var name: [Int32] = [CTL_KERN, KERN_PROC, KERN_PROC_ALL, 0]
        var size = 0
        guard sysctl(&name, 4, nil, &size, nil, 0) == 0 else { return [] }
        // Room for processes started between the two calls.
        var table = [kinfo_proc](repeating: kinfo_proc(), count: size / MemoryLayout<kinfo_proc>.stride + 32)
        size = table.count * MemoryLayout<kinfo_proc>.stride
        guard sysctl(&name, 4, &table, &size, nil, 0) == 0 else { return [] }
        return table.prefix(size / MemoryLayout<kinfo_proc>.stride).map { $0.kp_proc.p_pid }
    }

    /// The `NAME=value` entries of `pid`'s environment, from `KERN_PROCARGS2`: the argument
    /// count, the executable's path, padding, the arguments, then the environment. nil when it
    /// cannot be read (another user's process, or one that ended).
    static func environment(of pid: pid_t) -> [ArraySlice<UInt8>]? {
        var name: [Int32] = [CTL_KERN, KERN_PROCARGS2, pid]
        var size = 0
        guard sysctl(&name, 3, nil, &size, nil, 0) == 0, size > MemoryLayout<Int32>.size else { return nil }
        var buffer = [UInt8](repeating: 0, count: size)
        guard sysctl(&name, 3, &buffer, &size, nil, 0) == 0, size > MemoryLayout<Int32>.size else { return nil }
        let count = Int(buffer.withUnsafeBytes { $0.loadUnaligned(as: Int32.self) })
        // Empty strings are skipped with the padding: an empty argument shifts the cut by one,
        // which can only add an argument to what is searched for the mark.
        let strings = buffer[MemoryLayout<Int32>.size..<size].split(separator: 0)
        guard strings.count > count else { return [] }
        return Array(strings.dropFirst(1 + count))
    }

    /// A process's state (`Z` for a zombie, `R` for any other) and parent.
    static func status(of pid: pid_t) -> (state: UInt8, parent: pid_t)? {
        var name: [Int32] = [CTL_KERN, KERN_PROC, KERN_PROC_PID, pid]
        var info = kinfo_proc()
        var size = MemoryLayout<kinfo_proc>.stride
        guard sysctl(&name, 4, &info, &size, nil, 0) == 0, size > 0 else { return nil }
        let zombie = info.kp_proc.p_stat == 5  // SZOMB in <sys/proc.h>
        return (zombie ? UInt8(ascii: "Z") : UInt8(ascii: "R"), info.kp_eproc.e_ppid)
    }
    #else
    static func processIDs() -> [pid_t] { [] }
    static func environment(of pid: pid_t) -> [ArraySlice<UInt8>]? { nil }
    static func status(of pid: pid_t) -> (state: UInt8, parent: pid_t)? { nil }
    #endif
}
