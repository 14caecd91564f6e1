import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Making this process the reaper of its descendants' orphans, so a process a chapter's program
/// started and left behind becomes `book`'s child (and is reaped by it) rather than init's.
///
/// Linux has it (`prctl(PR_SET_CHILD_SUBREAPER)`, reached through `dlsym` since Swift's Glibc
/// module does not export `prctl`). macOS has no such call: there orphans go to launchd, and
/// `ChildProcesses` still finds and kills them through `ProcessTable`.
enum Subreaper {
    /// Makes this process a subreaper; false where the system cannot.
    static func become() -> Bool {
        #if os(Linux)
        typealias Prctl = @convention(c) (Int32, UInt, UInt, UInt, UInt) -> Int32
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "prctl") else { return false }
        return unsafeBitCast(symbol, to: Prctl.self)(36 /* PR_SET_CHILD_SUBREAPER */, 1, 0, 0, 0) == 0
        #else
        return false
        #endif
    }
}
