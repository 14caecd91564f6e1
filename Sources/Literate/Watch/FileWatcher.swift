import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Waits for Markdown files in some folders to change: with Linux inotify when it is there
/// (the thread sleeps in `poll` until the kernel reports a write), else by comparing each
/// file's size and modification time four times a second. Neither spins.
///
/// Folders are watched rather than files, because editors save by writing a new file and
/// renaming it over the old one, which ends a watch on the old file.
public final class FileWatcher {
    /// The folders watched, absolute.
    public let folders: [String]
    /// Whether changes come from inotify (else from polling).
    public var usesInotify: Bool { descriptor >= 0 }

    private var descriptor: Int32 = -1
    private var watches: [Int32: String] = [:]
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
        #if os(Linux)
        if inotify {
            let fd = inotify_init1(Int32(IN_CLOEXEC | IN_NONBLOCK))
            if fd >= 0 {
                let mask = UInt32(IN_CLOSE_WRITE | IN_MOVED_TO | IN_CREATE | IN_DELETE | IN_MOVED_FROM)
                for folder in seen {
                    let watch = inotify_add_watch(fd, folder, mask)
                    if watch >= 0 { watches[watch] = folder }
                }
                if watches.count == seen.count { descriptor = fd } else { close(fd) }
            }
        }
        #endif
        if descriptor < 0 { snapshot = Self.look(at: seen) }
    }

    deinit {
        if descriptor >= 0 { close(descriptor) }
    }

    /// Blocks until a `.md` file in the folders is written, created, renamed or removed, or
    /// `timeout` seconds pass; returns the absolute paths that changed (empty on timeout).
    public func waitForChanges(timeout: Double) -> Set<String> {
        descriptor >= 0 ? waitForEvents(timeout: timeout) : pollForChanges(timeout: timeout)
    }

    private func waitForEvents(timeout: Double) -> Set<String> {
        var changed = Set<String>()
        var deadline = Date().addingTimeInterval(timeout)
        while true {
            var entry = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            let ready = Glibc.poll(&entry, 1, Int32(max(0, deadline.timeIntervalSinceNow) * 1000))
            if ready < 0 && errno == EINTR { continue }
            guard ready > 0 else { return changed }
            let before = changed.count
            changed.formUnion(readEvents())
            // The first change starts a short settle, so that one save gives one round.
            if before == 0 && !changed.isEmpty { deadline = Date().addingTimeInterval(Self.settle) }
        }
    }

    /// The `.md` paths named by the events waiting on the descriptor.
    private func readEvents() -> Set<String> {
        var changed = Set<String>()
        var buffer = [UInt8](repeating: 0, count: 16 * 1024)
        while true {
            let count = read(descriptor, &buffer, buffer.count)
            guard count > 0 else { return changed }
            var offset = 0
            let header = MemoryLayout<inotify_event>.size
            while offset + header <= count {
                let (watch, length) = buffer.withUnsafeBytes { raw -> (Int32, Int) in
                    let event = raw.loadUnaligned(fromByteOffset: offset, as: inotify_event.self)
                    return (event.wd, Int(event.len))
                }
                let nameBytes = buffer[(offset + header)..<min(count, offset + header + length)].prefix { $0 != 0 }
                let name = String(decoding: nameBytes, as: UTF8.self)
                if name.hasSuffix(".md"), let folder = watches[watch] { changed.insert(folder + "/" + name) }
                offset += header + length
            }
        }
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
                    stamps[path] = "\(info.st_size) \(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)"
                }
            }
        }
        return stamps
    }
}
