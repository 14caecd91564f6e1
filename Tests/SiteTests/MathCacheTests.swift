import Foundation
import Testing
@testable import Site

@Suite struct MathCacheTests {
    @Test func entriesSurviveAWriteAndARead() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("math-cache-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let script = folder.appendingPathComponent("katex.min.js")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try "v1".write(to: script, atomically: true, encoding: .utf8)
        let entries = [MathRequest(tex: "a\nb 1 2", display: true): "<span>σ</span>", MathRequest(tex: "x", display: false): ""]
        var cache = MathCache(folder: folder, katex: script)
        #expect(cache.entries.isEmpty)
        cache.store(entries)
        #expect(MathCache(folder: folder, katex: script).entries == entries)
        // Another KaTeX starts afresh, and its first write removes the old file.
        try "v2".write(to: script, atomically: true, encoding: .utf8)
        var other = MathCache(folder: folder, katex: script)
        #expect(other.entries.isEmpty)
        other.store([MathRequest(tex: "y", display: false): "<y>"])
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix("katex-") }
        #expect(names == [other.file.lastPathComponent])
    }

    @Test func aDamagedFileReadsAsEmpty() {
        #expect(MathCache.parse(Array("book-math-cache 1\ni 5 3\nab".utf8)) == nil)
        #expect(MathCache.parse(Array("something else".utf8)) == nil)
        #expect(MathCache.parse(MathCache.serialise([:])) == [:])
    }
}
