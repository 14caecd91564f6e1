import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Waits for Markdown files in some folders to change: with the kernel's events when it has
/// them (`FileEvents`: Linux inotify, the thread sleeps until the kernel reports a write), else
/// by comparing each file's size and modification time four times a second. Neither spins.
///
/// Folders are watched rather than files, because editors save by writing a new file and
/// renaming it over the old one, which ends a watch on the old file.
public final class FileWatcher {
    /// The folders watched, absolute.
    public let folders: [String]
    /// Whether changes come from inotify (else from polling).
    public var usesInotify: Bool { events != nil }

    private var events: FileEvents?
    private var snapshot: [String: String] = [:]

    /// How long to keep gathering events after the first one: an editor's save is often a few
    /// writes and a rename.
    static let settle = 0.05
    /// Seconds between two looks when polling.
    static let pollInterval = 0.25

    /// Watches `folders`; `inotify` false forces polling (for tests).
    public init(folders: [String], inotify: Bool = true) {
        var seen: [String] = []
        for folder in folders.map({ URL(fileURLWithPath: $0).standardizedFileURL.path }) where !seen.contains(folder) { seen.append(folder) }
        self.folders = seen
        if inotify { events = FileEvents(folders: seen) }
        if events == nil { snapshot = Self.look(at: seen) }
    }

    /// Blocks until a `.md` file in the folders is written, created, renamed or removed, or
    /// `timeout` seconds pass; returns the absolute paths that changed (empty on timeout).
    public func waitForChanges(timeout: Double) -> Set<String> {
        events?.waitForChanges(timeout: timeout, settle: Self.settle) ?? pollForChanges(timeout: timeout)
    }

    private func pollForChanges(timeout: Double) -> Set<String> {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            let now = Self.look(at: folders)
            let changed = Set(now.keys.filter { snapshot[$0] != now[$0] } + snapshot.keys.filter { now[$0] == nil })
            snapshot = now
            if !changed.isEmpty { return changed }
            let remaining = deadline.timeIntervalSinceNow
            if remaining <= 0 { return [] }
            Thread.sleep(forTimeInterval: min(Self.pollInterval, remaining))
        }
    }

    /// Size and modification time of every `.md` file in `folders`.
    private static func look(at folders: [String]) -> [String: String] {
        var stamps: [String: String] = [:]
        for folder in folders {
            for name in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] where name.hasSuffix(".md") {
                var info = stat()
                let path = folder + "/" + name
                if stat(path, &info) == 0 {
                    stamps[path] = "\(info.st_size) \(info.modificationTime.tv_sec).\(info.modificationTime.tv_nsec)"
                }
            }
        }
        return stamps
    }
}
