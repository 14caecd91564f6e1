import Foundation

/// The engine's identity in every cache key: the SHA-256 of the executable that is running
/// (`book`, or the test runner), which holds the engine's code as it was built. A checker
/// rebuilt from other sources, a stricter rule, a merge of two branches: each is another
/// executable, so no report written by one is answered by the other, whatever name or version
/// the sources give themselves. (A hand-set version string, bumped by hand, was missed.)
///
/// Hashing a large executable costs a noticeable part of a repeat check, so the digest is
/// remembered per file (path, size, inode, modification and change time) in
/// `.build/book/engine/`, as the compiler's version is.
enum EngineDigest {
    /// The running executable's path (Linux: /proc/self/exe, the file itself even when started
    /// through a link).
    static var executable: String {
        #if os(Linux)
        if let real = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") { return real }
        #endif
        return Bundle.main.executablePath ?? CommandLine.arguments[0]
    }

    /// The file `digest` reads by default. On Linux, /proc/self/exe itself: it opens the image
    /// that is running even after a rebuild has deleted or replaced the file at `executable`
    /// (a `book serve` left running while its author rebuilds keeps checking with the engine
    /// it runs, under that engine's key). Elsewhere, `executable`.
    static var runningImage: String {
        #if os(Linux)
        return "/proc/self/exe"
        #else
        return executable
        #endif
    }

    /// SHA-256 of `file`'s bytes, remembered in `cacheFolder/engine/` under its stamp; nil when
    /// it cannot be read.
    static func digest(of file: String = runningImage, cacheFolder: String) -> String? {
        var status = stat()
        guard stat(file, &status) == 0 else { return nil }
        let stamp = "\(file) \(status.st_size) \(status.st_ino) \(status.st_mtim.tv_sec).\(status.st_mtim.tv_nsec) \(status.st_ctim.tv_sec).\(status.st_ctim.tv_nsec)"
        let remembered = cacheFolder + "/engine/" + String(SHA256.hex(stamp).prefix(24))
        if let data = FileManager.default.contents(atPath: remembered), data.count == 64 {
            return String(decoding: data, as: UTF8.self)
        }
        guard let handle = FileHandle(forReadingAtPath: file) else { return nil }
        defer { try? handle.close() }
        var hash = SHA256()
        while let chunk = try? handle.read(upToCount: 1 << 20), !chunk.isEmpty { hash.update(chunk) }
        let digest = hash.hexDigest()
        try? FileManager.default.createDirectory(atPath: cacheFolder + "/engine", withIntermediateDirectories: true)
        try? Data(digest.utf8).write(to: URL(fileURLWithPath: remembered), options: .atomic)
        return digest
    }
}
