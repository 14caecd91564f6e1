import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One writer of a project's site at a time: `book build` and `book watch` (and two builds)
/// take `.build/book/site.lock` (`flock`, released when the holder ends, even killed) before
/// they swap a new `_site/` in, so neither trips over the other's swap.
enum SiteLock {
    /// Runs `body` holding the lock of the project at `root`; without the lock when its file
    /// cannot be made (a read-only `.build`: the swap is still atomic).
    static func holding<Result>(root: URL, _ body: () throws -> Result) throws -> Result {
        let folder = root.appendingPathComponent(".build/book").path
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let descriptor = open(folder + "/site.lock", O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { return try body() }
        defer { close(descriptor) }
        while flock(descriptor, LOCK_EX) != 0 && errno == EINTR {}
        defer { flock(descriptor, LOCK_UN) }
        return try body()
    }
}
