import Foundation
import Testing
@testable import Literate

/// Cases 5 and 9 of issue 19: the digest covers what a chapter can read through a linked
/// folder, never loops, and the record of read files forgets files that are gone.
@Suite struct FolderDigestTests {
    private func temporaryFolder() throws -> String {
        let folder = NSTemporaryDirectory() + "literate-folder-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return folder
    }

    @Test func filesUnderALinkedFolderAreInTheDigest() throws {
        let root = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.createDirectory(atPath: root + "/shared", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: root + "/book", withIntermediateDirectories: true)
        try "1\n".write(toFile: root + "/shared/n.txt", atomically: false, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: root + "/book/data", withDestinationPath: "../shared")
        #expect(FolderDigest.files(in: root + "/book") == ["data/n.txt"])
        let before = FolderDigest.digest(of: root + "/book")
        try "2\n".write(toFile: root + "/shared/n.txt", atomically: false, encoding: .utf8)
        #expect(FolderDigest.digest(of: root + "/book") != before)
    }

    @Test func aLinkLoopIsWalkedOnce() throws {
        let root = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.createDirectory(atPath: root + "/sub", withIntermediateDirectories: true)
        try "x".write(toFile: root + "/sub/a.txt", atomically: false, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: root + "/sub/loop", withDestinationPath: "..")
        try FileManager.default.createSymbolicLink(atPath: root + "/self", withDestinationPath: ".")
        try FileManager.default.createSymbolicLink(atPath: root + "/dangling", withDestinationPath: "nowhere")
        #expect(FolderDigest.files(in: root) == ["sub/a.txt"])
    }

    @Test func theRecordForgetsFilesThatAreGone() throws {
        let root = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        for name in ["keep.txt", "gone/a.txt", "gone/b.txt"] {
            try FileManager.default.createDirectory(atPath: (root + "/" + name as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try name.write(toFile: root + "/" + name, atomically: false, encoding: .utf8)
        }
        _ = FolderDigest.digest(of: root)
        #expect(FolderDigest.remembers(root + "/gone/a.txt") && FolderDigest.remembers(root + "/keep.txt"))
        try FileManager.default.removeItem(atPath: root + "/gone")
        _ = FolderDigest.digest(of: root)
        #expect(!FolderDigest.remembers(root + "/gone/a.txt") && !FolderDigest.remembers(root + "/gone/b.txt"))
        #expect(FolderDigest.remembers(root + "/keep.txt"))
    }
}
