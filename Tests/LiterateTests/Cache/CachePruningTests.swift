import Foundation
import Testing
@testable import Literate

@Suite struct CachePruningTests {
    private let now = Date()

    /// A project root in a temporary folder; the caller removes it.
    private func temporaryRoot() throws -> String {
        let root = NSTemporaryDirectory() + "literate-prune-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: root + "/.build/book", withIntermediateDirectories: true)
        return root
    }

    /// Creates a file (or a folder when `path` ends in `/`) last modified `age` seconds ago.
    private func make(_ path: String, age: TimeInterval) throws {
        let isFolder = path.hasSuffix("/")
        let path = isFolder ? String(path.dropLast()) : path
        let parent = (path as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
        if isFolder {
            try FileManager.default.createDirectory(atPath: path + "/Learning.swiftmodule", withIntermediateDirectories: true)
        } else {
            try "x".write(toFile: path, atomically: false, encoding: .utf8)
        }
        try FileManager.default.setAttributes([.modificationDate: now.addingTimeInterval(-age)], ofItemAtPath: path)
    }

    private func exists(_ path: String) -> Bool { FileManager.default.fileExists(atPath: path) }

    private let hour: TimeInterval = 60 * 60
    private let day: TimeInterval = 24 * 60 * 60

    @Test func oldLibrariesReportsAndWorkFoldersGoTheRestStays() throws {
        let root = try temporaryRoot()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let cache = root + "/.build/book"
        try make(cache + "/lib/current/", age: 30 * day)
        try make(cache + "/lib/unused/", age: 2 * hour)
        try make(cache + "/lib/recent/", age: 5 * 60)
        try make(cache + "/lib/current.tmp-42/", age: 3 * hour)
        try make(cache + "/reports/old.json", age: 8 * day)
        try make(cache + "/reports/week.json", age: 6 * day)
        try make(cache + "/work/abc-42/", age: 2 * hour)
        try make(cache + "/work/abc-43/", age: 60)
        try make(cache + "/compiler/k", age: 30 * day)
        try make(root + "/chapters/old.json", age: 30 * day)

        let removed = CachePruning(project: Project(root: root)).prune(keepingLibrary: cache + "/lib/current", now: now)

        #expect(removed.map { String($0.dropFirst(cache.count + 1)) }
            == ["lib/current.tmp-42", "lib/unused", "reports/old.json", "work/abc-42"])
        for kept in ["/lib/current", "/lib/recent", "/reports/week.json", "/work/abc-43", "/compiler/k"] {
            #expect(exists(cache + kept), "\(kept) was removed")
        }
        #expect(exists(root + "/chapters/old.json"))
    }

    @Test func nothingOutsideABuildBookFolder() throws {
        let root = try temporaryRoot()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try make(root + "/elsewhere/reports/old.json", age: 30 * day)
        var pruning = CachePruning(project: Project(root: root))
        #expect(pruning.folder == root + "/.build/book")
        // Pointed anywhere else (a mistake), it removes nothing.
        pruning = CachePruning(project: Project(root: root + "/elsewhere/x"))
        #expect(pruning.prune(keepingLibrary: "", now: now) == [])
        #expect(exists(root + "/elsewhere/reports/old.json"))
    }

    @Test func aSymbolicLinkIsRemovedNotWhatItPointsTo() throws {
        let root = try temporaryRoot()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try make(root + "/precious/", age: 30 * day)
        try FileManager.default.createDirectory(atPath: root + "/.build/book/lib", withIntermediateDirectories: true)
        // A link made now whose target is old: its own date counts, and only the link goes.
        try FileManager.default.createSymbolicLink(atPath: root + "/.build/book/lib/link", withDestinationPath: root + "/precious")
        let pruning = CachePruning(project: Project(root: root))
        #expect(pruning.prune(keepingLibrary: "current", now: now) == [])
        #expect(pruning.prune(keepingLibrary: "current", now: now.addingTimeInterval(2 * hour)) == [root + "/.build/book/lib/link"])
        #expect(exists(root + "/precious/Learning.swiftmodule"))
    }

    @Test func loadingAReportMarksItUsed() throws {
        let root = try temporaryRoot()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let cache = ReportCache(project: Project(root: root))
        cache.store(ChapterReport(path: "ch.md", chapter: nil, diagnostics: []), key: "k")
        let file = cache.folder + "/k.json"
        try FileManager.default.setAttributes([.modificationDate: now.addingTimeInterval(-8 * day)], ofItemAtPath: file)
        #expect(cache.load("k") != nil)
        let pruning = CachePruning(project: Project(root: root))
        #expect(pruning.prune(keepingLibrary: "current", now: now) == [])
        #expect(exists(file))
    }
}
