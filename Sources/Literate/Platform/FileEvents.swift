import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The kernel telling `FileWatcher` that Markdown files in some folders changed: Linux inotify,
/// on which the waiting thread sleeps in `poll` until a write, a create, a rename or a removal.
///
/// Elsewhere (macOS, whose FSEvents or kqueue are not wired here) `init` returns nil and
/// `FileWatcher` compares the files' sizes and dates four times a second instead.
final class FileEvents {
    #if os(Linux)
    private let descriptor: Int32
    private let watches: [Int32: String]

    /// Watches `folders` (absolute); nil when inotify is missing or a folder cannot be watched.
    init?(folders: [String]) {
        let fd = inotify_init1(Int32(IN_CLOEXEC | IN_NONBLOCK))
        guard fd >= 0 else { return nil }
        let mask = UInt32(IN_CLOSE_WRITE | IN_MOVED_TO | IN_CREATE | IN_DELETE | IN_MOVED_FROM)
        var watches: [Int32: String] = [:]
        for folder in folders {
            let watch = inotify_add_watch(fd, folder, mask)
            if watch >= 0 { watches[watch] = folder }
        }
        guard watches.count == folders.count else {
            close(fd)
            return nil
        }
        descriptor = fd
        self.watches = watches
    }

    deinit { close(descriptor) }

    /// Blocks until a `.md` file changes or `timeout` seconds pass; after the first change,
    /// gathers more for `settle` seconds, so that one save (a few writes and a rename) is one
    /// answer. Returns the absolute paths that changed (empty on timeout).
    func waitForChanges(timeout: Double, settle: Double) -> Set<String> {
        var changed = Set<String>()
        var deadline = Date().addingTimeInterval(timeout)
        while true {
            var entry = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            let ready = poll(&entry, 1, Int32(max(0, deadline.timeIntervalSinceNow) * 1000))
            if ready < 0 && errno == EINTR { continue }
            guard ready > 0 else { return changed }
            let before = changed.count
            changed.formUnion(readEvents())
            if before == 0 && !changed.isEmpty { deadline = Date().addingTimeInterval(settle) }
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
    #else
    init?(folders: [String]) { nil }

    func waitForChanges(timeout: Double, settle: Double) -> Set<String> { [] }
    #endif
}
