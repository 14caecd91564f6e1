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
        // A report of an unconfined run (no Landlock) never answers for a confined one.
        #expect(cache.key(for: chapter("print(1)\n"), toolchain: toolchain("a"), options: options, confinement: 0)
            != cache.key(for: chapter("print(1)\n"), toolchain: toolchain("a"), options: options, confinement: 7))
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

/// Case 1 and 2 of issue 19: a report is trusted only as the engine wrote it, and only by the
/// engine that wrote it.
@Suite struct ReportTrustTests {
    private func temporaryFolder() throws -> String {
        let folder = NSTemporaryDirectory() + "literate-trust-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return folder
    }

    /// A failing report with its diagnostics dropped by anything but the engine (chapter code
    /// got past its confinement, a hand, a tool) is not answered from the cache.
    @Test func anEditedReportIsRunAgainNotTrusted() throws {
        let root = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let cache = ReportCache(project: Project(root: root))
        let failing = ChapterReport(path: "ch.md", chapter: nil, diagnostics: [Diagnostic(path: "ch.md", line: 2, column: 1, message: "wrong")])
        cache.store(failing, key: "k")
        #expect(cache.load("k")?.passed == false)
        let file = root + "/.build/book/reports/k.json"
        let stored = try String(contentsOfFile: file, encoding: .utf8)
        let forged = stored.replacingOccurrences(of: "\"message\":\"wrong\"", with: "\"message\":\"fine\"")
            .replacingOccurrences(of: "\"severity\":\"error\"", with: "\"severity\":\"note\"")
        #expect(forged != stored)
        try forged.write(toFile: file, atomically: true, encoding: .utf8)
        #expect(cache.load("k") == nil, "an edited report must not answer")
        // A plain JSON report, as an older engine or a forger writes it, is not trusted either.
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        try encoder.encode(ChapterReport(path: "ch.md", chapter: nil)).write(to: URL(fileURLWithPath: file))
        #expect(cache.load("k") == nil)
        // A genuine report filed under another key does not answer for that key.
        cache.store(failing, key: "k")
        try FileManager.default.copyItem(atPath: file, toPath: root + "/.build/book/reports/other.json")
        #expect(cache.load("other") == nil)
    }

    /// Another engine (another executable) gives every chapter another key.
    @Test func theEngineIsPartOfEveryKey() {
        let cache = ReportCache(project: Project(root: "/nowhere"))
        let chapter = Chapter(path: "ch.md", blocks: [], checks: [])
        var toolchain = Toolchain(swiftc: "/usr/bin/swiftc", compilerVersion: "Swift 6.3.1", libraryFolder: "/lib", libraryKey: "a")
        toolchain.engine = "engine built from one set of sources"
        let first = cache.key(for: chapter, toolchain: toolchain, options: CheckOptions())
        toolchain.engine = "engine built from another"
        #expect(cache.key(for: chapter, toolchain: toolchain, options: CheckOptions()) != first)
    }

    /// The engine's digest is its executable's bytes: a rebuilt executable has another.
    @Test func theEngineDigestFollowsTheExecutablesBytes() throws {
        let root = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let file = root + "/book"
        try Data("first build".utf8).write(to: URL(fileURLWithPath: file))
        let first = try #require(EngineDigest.digest(of: file, cacheFolder: root + "/cache"))
        #expect(first == SHA256.hex("first build"))
        #expect(EngineDigest.digest(of: file, cacheFolder: root + "/cache") == first, "remembered")
        try Data("second build".utf8).write(to: URL(fileURLWithPath: file))
        #expect(EngineDigest.digest(of: file, cacheFolder: root + "/cache") == SHA256.hex("second build"))
        // The running executable is found and read.
        #expect(EngineDigest.digest(cacheFolder: root + "/cache")?.count == 64)
    }

    /// A rebuild deletes the file a running `book serve` was started from; the running image
    /// is still read through its /proc link, as /proc/self/exe is, and keeps its digest.
    @Test func aDeletedButRunningImageIsStillDigested() throws {
        #if os(Linux)
        let root = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let file = root + "/book"
        try Data("the engine that runs".utf8).write(to: URL(fileURLWithPath: file))
        let handle = try #require(FileHandle(forReadingAtPath: file))
        defer { try? handle.close() }
        try FileManager.default.removeItem(atPath: file)
        #expect(EngineDigest.digest(of: file, cacheFolder: root + "/cache") == nil, "the path is gone")
        let link = "/proc/self/fd/\(handle.fileDescriptor)"
        #expect(EngineDigest.digest(of: link, cacheFolder: root + "/cache") == SHA256.hex("the engine that runs"))
        // And the default is that link for the running executable: the test runner's own bytes.
        let runner = try #require(FileManager.default.contents(atPath: EngineDigest.executable))
        var hash = SHA256()
        hash.update(runner)
        #expect(EngineDigest.digest(cacheFolder: root + "/cache") == hash.hexDigest())
        #endif
    }

    @Test func hmacMatchesRFC4231() {
        // RFC 4231, test case 2.
        #expect(SHA256.hmac(key: Array("Jefe".utf8), message: Array("what do ya want for nothing?".utf8))
            == "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")
    }
}
