import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Writes a site atomically: into a hidden sibling folder first, then swapped in by renames,
/// so a failed write leaves the previous site exactly as it was.
public enum SiteWriter {
    /// Writes `files` (site paths → bytes) as the folder `output`, replacing what was there.
    public static func write(_ files: [String: [UInt8]], to output: URL) throws {
        let manager = FileManager.default
        let parent = output.deletingLastPathComponent()
        let name = output.lastPathComponent
        let id = ProcessInfo.processInfo.processIdentifier
        let building = parent.appendingPathComponent(".\(name)-building-\(id)")
        let previous = parent.appendingPathComponent(".\(name)-previous-\(id)")
        try? manager.removeItem(at: building)
        do {
            try manager.createDirectory(at: building, withIntermediateDirectories: true)
            for path in files.keys.sorted() {
                let url = building.appendingPathComponent(path)
                try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try writeFile(files[path]!, to: url.path)
            }
        } catch {
            try? manager.removeItem(at: building)
            throw SiteError.writeFailed(output.path, reason(error))
        }
        let hadSite = manager.fileExists(atPath: output.path)
        do {
            if hadSite { try manager.moveItem(at: output, to: previous) }
        } catch {
            try? manager.removeItem(at: building)
            throw SiteError.writeFailed(output.path, reason(error))
        }
        do {
            try manager.moveItem(at: building, to: output)
        } catch {
            if hadSite { try? manager.moveItem(at: previous, to: output) }
            try? manager.removeItem(at: building)
            throw SiteError.writeFailed(output.path, reason(error))
        }
        if hadSite { try? manager.removeItem(at: previous) }
    }

    /// Writes bytes with plain POSIX calls: Foundation's `Data.write` syncs every file to
    /// disk, which made a build of 80 files take a second; the swap by rename is what keeps
    /// a failed build from touching the old site.
    private static func writeFile(_ bytes: [UInt8], to path: String) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw SiteError.writeFailed(path, String(cString: strerror(errno))) }
        defer { close(descriptor) }
        var written = 0
        while written < bytes.count {
            let count = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress! + written, bytes.count - written) }
            guard count > 0 else { throw SiteError.writeFailed(path, String(cString: strerror(errno))) }
            written += count
        }
    }

    private static func reason(_ error: Error) -> String {
        if case SiteError.writeFailed(let path, let reason) = error { return "\(path): \(reason)" }
        let text = (error as NSError).localizedDescription
        return text.prefix(1).lowercased() + text.dropFirst()
    }
}
