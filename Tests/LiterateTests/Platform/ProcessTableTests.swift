import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Testing
@testable import Literate

/// The process table `ChildProcesses` reads (/proc on Linux, sysctl on macOS), tried on this
/// test process and children it starts.
@Suite struct ProcessTableTests {
    @Test func findsThisProcessAndItsParent() throws {
        #expect(ProcessTable.processIDs().contains(getpid()))
        let (state, parent) = try #require(ProcessTable.status(of: getpid()))
        #expect(parent == getppid())
        #expect(state != UInt8(ascii: "Z"))
    }

    @Test func seesAnEndedChildAsAZombieUntilItIsWaitedFor() throws {
        var pid: pid_t = 0
        let argv = cStrings(["/bin/sh", "-c", "exit 0"]), envp = cStrings([])
        defer { (argv + envp).forEach { free($0) } }
        try #require(posix_spawn(&pid, "/bin/sh", nil, nil, argv, envp) == 0)
        // Until it is waited for, the ended child stays in the table as a zombie of this process.
        var zombie = false
        for _ in 0..<200 {
            if let (state, parent) = ProcessTable.status(of: pid), state == UInt8(ascii: "Z") {
                #expect(parent == getpid())
                zombie = true
                break
            }
            usleep(10_000)
        }
        #expect(zombie)
        waitpid(pid, nil, 0)
        #expect(ProcessTable.status(of: pid) == nil)
    }

    @Test func readsTheEnvironmentOfARunningChild() throws {
        var pid: pid_t = 0
        let argv = cStrings(["sleep", "5"]), envp = cStrings(["PROCESS_TABLE_MARK=7", "OTHER=x"])
        defer { (argv + envp).forEach { free($0) } }
        try #require(posix_spawn(&pid, "/bin/sleep", nil, nil, argv, envp) == 0)
        defer {
            kill(pid, SIGKILL)
            waitpid(pid, nil, 0)
        }
        var entries: [String] = []
        for _ in 0..<200 {
            entries = (ProcessTable.environment(of: pid) ?? []).map { String(decoding: $0, as: UTF8.self) }
            if entries.contains("PROCESS_TABLE_MARK=7") { break }
            usleep(10_000)
        }
        #expect(entries.contains("PROCESS_TABLE_MARK=7"))
        #expect(entries.contains("OTHER=x"))
    }

    /// A NULL-terminated array of C strings, to free afterwards.
    private func cStrings(_ strings: [String]) -> [UnsafeMutablePointer<CChar>?] {
        strings.map { strdup($0) } + [nil]
    }
}
