import Foundation
import Testing
@testable import Literate

@Suite struct FileWatcherTests {
    static func folder() throws -> String {
        let folder = NSTemporaryDirectory() + "file-watcher-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return URL(fileURLWithPath: folder).standardizedFileURL.path
    }

    @Test(arguments: [true, false]) func aSaveIsSeen(inotify: Bool) throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try "# One\n".write(toFile: folder + "/01-one.md", atomically: false, encoding: .utf8)
        let watcher = FileWatcher(folders: [folder], inotify: inotify)
        #expect(watcher.usesInotify == inotify)
        #expect(watcher.waitForChanges(timeout: 0.3).isEmpty, "nothing changed yet")
        DispatchQueue.global().asyncAfter(deadline: .now() + 0.2) {
            // As editors save: a new file renamed over the old one.
            try? "# One, again\n".write(toFile: folder + "/01-one.md", atomically: true, encoding: .utf8)
        }
        #expect(watcher.waitForChanges(timeout: 10) == [folder + "/01-one.md"])
    }

    @Test(arguments: [true, false]) func otherFilesAreIgnored(inotify: Bool) throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let watcher = FileWatcher(folders: [folder], inotify: inotify)
        try "x".write(toFile: folder + "/notes.txt", atomically: false, encoding: .utf8)
        #expect(watcher.waitForChanges(timeout: 0.6).isEmpty)
        try "# New\n".write(toFile: folder + "/02-new.md", atomically: false, encoding: .utf8)
        #expect(watcher.waitForChanges(timeout: 10) == [folder + "/02-new.md"])
    }
}
