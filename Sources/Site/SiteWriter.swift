import Foundation

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
                try Data(files[path]!).write(to: url)
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

    private static func reason(_ error: Error) -> String {
        let text = (error as NSError).localizedDescription
        return text.prefix(1).lowercased() + text.dropFirst()
    }
}
