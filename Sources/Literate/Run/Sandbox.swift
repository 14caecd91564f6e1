import CSandbox
import Foundation

/// What confines a chapter's program, in one place: Linux's Landlock (its file-system writes
/// confined to its own folders and the temporary folder, inherited by every process it
/// starts), the memory limit, and a death tied to `book`'s (`CSandbox`, the C code that runs
/// between fork and exec). Elsewhere than Linux, programs run without these protections, and
/// `problem` says so.
public enum Sandbox {
    /// Why chapter code runs unconfined here, or nil when Landlock confines it: for the
    /// command-line tool to say once.
    public static var problem: String? { landlock.problem }

    /// Set to `1`, makes the probe answer as a kernel without Landlock does (ENOSYS), so that
    /// tests can try that path on a machine that has it. For tests: it lifts the confinement.
    static let simulateMissingVariable = "LITERATE_SIMULATE_NO_LANDLOCK"

    /// The kernel's Landlock ABI, or why there is none.
    static let landlock: (abi: Int, problem: String?) = {
        let simulated = ProcessInfo.processInfo.environment[simulateMissingVariable] == "1"
        let abi = simulated ? -Int(ENOSYS) : Int(sandbox_landlock_abi())
        if abi > 0 { return (abi, nil) }
        #if os(Linux)
        let reason = abi == -Int(ENOSYS) ? "this kernel has no Landlock" + (simulated ? " (simulated: \(simulateMissingVariable)=1)" : "")
            : abi == -Int(EOPNOTSUPP) ? "Landlock is disabled on this machine" : "Landlock is blocked here (\(String(cString: strerror(Int32(-abi)))))"
        #else
        let reason = "Landlock is Linux-only"
        #endif
        return (0, "chapter code can write anywhere you can: \(reason)")
    }()

    /// What a chapter's program may write to besides its own temporary folder: the devices
    /// programs write to. Not /tmp: a book may live there.
    static let alwaysWritable = ["/dev/null", "/dev/zero", "/dev/full", "/dev/tty", "/dev/shm", "/dev/pts"]

    /// The sentence a write outside them earns, for diagnostics.
    static let whereToWrite = "chapter code may write only in its temporary folder "
        + "(FileManager.default.temporaryDirectory, i.e. $TMPDIR); the chapters, .build/ and _site/ are read-only to it"

    /// A Landlock ruleset allowing writes only beneath `writable` and `alwaysWritable`; nil
    /// where Landlock is missing (said once, by `problem`). Throws when Landlock is there but
    /// the ruleset cannot be made: the program does not run unconfined in silence. The caller
    /// closes the descriptor.
    static func ruleset(writable: [String]) throws -> Int32? {
        guard landlock.problem == nil else { return nil }
        let paths = writable + alwaysWritable
        let pointers = paths.map { strdup($0) }
        defer { for pointer in pointers { free(pointer) } }
        let descriptor = pointers.map { UnsafePointer($0) }.withUnsafeBufferPointer {
            sandbox_landlock_ruleset($0.baseAddress, Int32(paths.count))
        }
        guard descriptor >= 0 else {
            throw BookError.io("cannot confine the chapter's program with Landlock: \(String(cString: strerror(-descriptor)))")
        }
        return descriptor
    }

    /// Starts a process that kills every process `book` started (those marked
    /// `LITERATE_RUN=<book's pid>.`) when `book` ends, even by SIGKILL.
    static func startWatchdog(markPrefix: String) {
        _ = sandbox_start_watchdog(markPrefix)
    }

    /// Starts `path` as `sandbox_spawn` does; returns the pid, or throws with the reason.
    static func spawn(_ path: String, arguments: [String], environment: [String], folder: String?,
                      stdout: Int32, stderr: Int32, memoryLimit: Int, ruleset: Int32?) throws -> pid_t {
        let argv = ([path] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup($0) } + [nil]
        defer { for pointer in argv + envp { free(pointer) } }
        var pid: pid_t = 0
        let status = argv.withUnsafeBufferPointer { argvPointers in
            envp.withUnsafeBufferPointer { envPointers in
                path.withCString { pathPointer in
                    withOptionalCString(folder) { folderPointer in
                        var options = sandbox_spawn_options(
                            path: pathPointer, argv: argvPointers.baseAddress, envp: envPointers.baseAddress,
                            directory: folderPointer, stdout_fd: stdout, stderr_fd: stderr,
                            memory_limit: Int64(memoryLimit), ruleset_fd: ruleset ?? -1)
                        return sandbox_spawn(&options, &pid)
                    }
                }
            }
        }
        guard status == 0 else { throw BookError.io("cannot run \(path): \(String(cString: strerror(status)))") }
        return pid
    }

    private static func withOptionalCString<R>(_ text: String?, _ body: (UnsafePointer<CChar>?) -> R) -> R {
        guard let text else { return body(nil) }
        return text.withCString { body($0) }
    }

    /// `name` as an absolute path: itself when it holds a `/`, else the first executable of
    /// that name on PATH (as `posix_spawnp` searched).
    static func locate(_ name: String) -> String {
        guard !name.contains("/") else { return name }
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for folder in path.split(separator: ":") where FileManager.default.isExecutableFile(atPath: "\(folder)/\(name)") {
            return "\(folder)/\(name)"
        }
        return name
    }
}
