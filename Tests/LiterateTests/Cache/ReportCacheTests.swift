import Foundation
import Testing
@testable import Literate

@Suite struct ReportCacheTests {
    private func chapter(_ code: String) -> Chapter {
        Chapter(path: "ch.md", blocks: [CodeBlock(index: 0, fence: Location(line: 1, column: 1), firstCodeLine: 2, codeColumn: 1, code: code)],
                checks: [])
    }

    private func toolchain(_ libraryKey: String) -> Toolchain {
        Toolchain(swiftc: "/usr/bin/swiftc", compilerVersion: "Swift 6.3.1", libraryFolder: "/lib", libraryKey: libraryKey)
    }

    private func temporaryFolder() throws -> String {
        let folder = NSTemporaryDirectory() + "literate-cache-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return folder
    }

    @Test func theKeyFollowsTheChapterAndTheLibraries() {
        let cache = ReportCache(project: Project(root: "/nowhere"))
        let options = CheckOptions()
        let base = cache.key(for: chapter("print(1)\n"), toolchain: toolchain("a"), options: options)
        #expect(cache.key(for: chapter("print(1)\n"), toolchain: toolchain("a"), options: options) == base)
        #expect(cache.key(for: chapter("print(2)\n"), toolchain: toolchain("a"), options: options) != base)
        #expect(cache.key(for: chapter("print(1)\n"), toolchain: toolchain("b"), options: options) != base)
        #expect(cache.key(for: chapter("print(1)\n"), toolchain: toolchain("a"), options: CheckOptions(timeout: 99)) != base)
    }

    @Test func theLibraryKeyFollowsLearningTheCompilerAndTheMachine() throws {
        let root = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.createDirectory(atPath: root + "/Sources/Learning", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: root + "/Sources/Plot", withIntermediateDirectories: true)
        try "public let a = 1\n".write(toFile: root + "/Sources/Learning/A.swift", atomically: true, encoding: .utf8)
        let project = Project(root: root)
        let before = Toolchain.key(compilerVersion: "6.3.1", sources: Toolchain.snapshot(project))
        #expect(Toolchain.key(compilerVersion: "6.3.1", sources: Toolchain.snapshot(project)) == before)
        #expect(Toolchain.key(compilerVersion: "6.4", sources: Toolchain.snapshot(project)) != before)
        // Libraries are compiled for the machine's vector instructions: another CPU, another key.
        #expect(Toolchain.key(compilerVersion: "6.3.1", sources: Toolchain.snapshot(project), machine: "flags: sse2") != before)
        try "public let a = 2\n".write(toFile: root + "/Sources/Learning/A.swift", atomically: true, encoding: .utf8)
        #expect(Toolchain.key(compilerVersion: "6.3.1", sources: Toolchain.snapshot(project)) != before)
    }

    @Test func reportsRoundTrip() throws {
        let root = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let cache = ReportCache(project: Project(root: root))
        let report = ChapterReport(path: "ch.md", chapter: chapter("print(1)\n"),
                                   blocks: [BlockResult(index: 0, line: 1, ran: true, output: "1\n")],
                                   diagnostics: [Diagnostic(path: "ch.md", line: 2, column: 1, message: "m")])
        #expect(cache.load("k") == nil)
        cache.store(report, key: "k")
        var loaded = try #require(cache.load("k"))
        #expect(loaded.isCached)
        loaded.isCached = false
        #expect(loaded == report)
    }
}
