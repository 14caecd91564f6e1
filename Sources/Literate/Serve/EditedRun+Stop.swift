import Foundation
#if canImport(Glibc)
import Glibc
#endif

extension EditedRun {
    /// Stops a run in `scratch` at once: every process whose working folder is the scratch
    /// folder or inside it (the compiler works in `<scratch>/.work`, the program in the scratch
    /// folder) is killed with its process group, which `Subprocess` gives each run. Returns how
    /// many processes were found; call it until the run has returned, since a compile that
    /// just finished may start the program.
    @discardableResult
    public static func stop(scratch: String) -> Int {
        let folder = URL(fileURLWithPath: scratch).resolvingSymlinksInPath().path
        guard folder.count > 1, let names = try? FileManager.default.contentsOfDirectory(atPath: "/proc") else { return 0 }
        var found = 0
        for name in names {
            guard let pid = pid_t(name), pid != getpid(),
                  let cwd = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/\(name)/cwd"),
                  cwd == folder || cwd.hasPrefix(folder + "/") else { continue }
            found += 1
            let group = getpgid(pid)
            // Never this process's own group: runs always get a group of their own.
            if group > 0 && group != getpgrp() { kill(-group, SIGKILL) }
            kill(pid, SIGKILL)
        }
        return found
    }
}
