import Foundation
import Literate
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes a site atomically: into a hidden sibling folder first, then swapped in with one
/// exchange (`DirectoryExchange`: `renameat2(RENAME_EXCHANGE)` on Linux, `renamex_np(RENAME_SWAP)`
/// on macOS), so at every instant `output` is either the whole previous
/// site or the whole new one, and a failed write leaves the previous site exactly as it was.
///
/// The sibling folders are `.<name>-building-<pid>` (the new site, then the old one after the
/// exchange, removed at once); a build killed before removing one leaves it behind, and the
/// next build removes every such folder whose process is gone. Where the exchange is not
/// supported (another kernel or file system) the swap falls back to two renames.
public enum SiteWriter {
    /// Writes `files` (site paths → bytes) as the folder `output`, replacing what was there.
    public static func write(_ files: [String: [UInt8]], to output: URL) throws {
        let manager = FileManager.default
        let parent = output.deletingLastPathComponent()
        let name = output.lastPathComponent
        removeLeftovers(of: name, in: parent)
        let id = ProcessInfo.processInfo.processIdentifier
        let building = parent.appendingPathComponent(".\(name)-building-\(id)")
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
        do {
            try swap(building, into: output)
        } catch {
            try? manager.removeItem(at: building)
            throw SiteError.writeFailed(output.path, reason(error))
        }
        // After the exchange `building` holds the previous site.
        try? manager.removeItem(at: building)
    }

    /// Puts `new` at `output`: exchanged with the old folder in one step when there is one.
    static func swap(_ new: URL, into output: URL) throws {
        let manager = FileManager.default
        guard manager.fileExists(atPath: output.path) else {
            try manager.moveItem(at: new, to: output)
            return
        }
        switch DirectoryExchange.exchange(new.path, output.path) {
        case .exchanged: return
        case .failed(let failure): throw SiteError.writeFailed(output.path, String(cString: strerror(failure)))
        case .unsupported: break
        }
        // No exchange here: two renames, undone if the second fails.
        let previous = new.deletingLastPathComponent().appendingPathComponent(new.lastPathComponent + "-previous")
        try manager.moveItem(at: output, to: previous)
        do {
            try manager.moveItem(at: new, to: output)
        } catch {
            try? manager.moveItem(at: previous, to: output)
            throw error
        }
        try? manager.moveItem(at: previous, to: new)
    }

    /// Removes `.<name>-building-<pid>` and `.<name>-previous-<pid>` folders in `parent` whose
    /// process no longer runs: what a killed build left.
    static func removeLeftovers(of name: String, in parent: URL) {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: parent.path)) ?? []
        for entry in names {
            for prefix in [".\(name)-building-", ".\(name)-previous-"] where entry.hasPrefix(prefix) {
                let digits = entry.dropFirst(prefix.count).prefix { $0.isNumber }
                guard let pid = pid_t(digits), EndedProcess.hasEnded(pid) || pid == getpid() else { continue }
                try? FileManager.default.removeItem(at: parent.appendingPathComponent(entry))
            }
        }
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
            let count = bytes.withUnsafeBytes { systemWrite(descriptor, $0.baseAddress! + written, bytes.count - written) }
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

extension SiteError {
    /// Whether the site could not be written (a setup problem, not the chapters' fault).
    public var isWriteFailure: Bool {
        if case .writeFailed = self { return true }
        return false
    }
}

/// The C library's `write(2)`, named apart from `SiteWriter.write`, which hides it inside the type.
private func systemWrite(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
    write(descriptor, bytes, count)
}
