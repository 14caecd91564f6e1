import Foundation
import Testing
@testable import Site

@Suite struct MathCacheTests {
    /// A fresh folder holding a stand-in KaTeX script ("v1"); the caller removes it.
    static func katexFolder() throws -> (folder: URL, script: URL) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("math-cache-\(UUID().uuidString)")
        let script = folder.appendingPathComponent("katex.min.js")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try "v1".write(to: script, atomically: true, encoding: .utf8)
        return (folder, script)
    }

    @Test func entriesSurviveAWriteAndARead() throws {
        let (folder, script) = try Self.katexFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let entries: [MathRequest: MathResult] = [
            MathRequest(tex: "a\nb 1 2", display: true): .html("<span>σ</span>"), MathRequest(tex: "x", display: false): .html(""),
            MathRequest(tex: "\\frac{1", display: true): .error("expected '}', got 'EOF'", offset: 7),
            MathRequest(tex: "\\bad", display: false): .error("undefined control sequence: \\bad", offset: nil),
        ]
        var cache = MathCache(folder: folder, katex: script)
        #expect(cache.entries.isEmpty)
        cache.store(entries)
        #expect(MathCache(folder: folder, katex: script).entries == entries)
        // The next build's formulas replace the file's.
        let next: [MathRequest: MathResult] = [MathRequest(tex: "z", display: false): .html("<z>")]
        var again = MathCache(folder: folder, katex: script)
        again.store(next)
        #expect(MathCache(folder: folder, katex: script).entries == next)
        // Another KaTeX starts afresh, and its first write removes the old file.
        try "v2".write(to: script, atomically: true, encoding: .utf8)
        var other = MathCache(folder: folder, katex: script)
        #expect(other.entries.isEmpty)
        other.store([MathRequest(tex: "y", display: false): .html("<y>")])
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix("katex-") }
        #expect(names == [other.file.lastPathComponent])
    }

    @Test func aDamagedFileReadsAsEmpty() {
        #expect(MathCache.parse(Array("book-math-cache 2\ni 5 3\nab".utf8)) == nil)
        #expect(MathCache.parse(Array("book-math-cache 2\nI 1 3\nxno\n".utf8)) == nil)  // a refusal without its offset
        // A version 1 file (no refusals kept) is read as empty, so its formulas are typeset again.
        #expect(MathCache.parse(Array("book-math-cache 1\ni 1 3\nx<x>\n".utf8)) == nil)
        #expect(MathCache.parse(Array("something else".utf8)) == nil)
        #expect(MathCache.parse(MathCache.serialise([:])) == [:])
    }

    /// A formula KaTeX refuses (a phone layout it cannot set) is answered from the cache on
    /// the next build like any other, so a build with nothing new starts no node.
    @Test func aRefusalIsNotAskedForTwice() throws {
        let (folder, script) = try Self.katexFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let calls = Calls()
        let typesetter = MathTypesetter(assets: [:], batch: { batch in
            calls.append(batch)
            return batch.map { $0.tex == "b" ? .error("no", offset: 0) : .html("<" + $0.tex + ">") }
        }, cacheFolder: folder, katexScript: script, note: nil)
        let requests: Set = [MathRequest(tex: "a", display: true), MathRequest(tex: "b", display: false)]
        let first = try typesetter.typeset(requests)
        let second = try typesetter.typeset(requests)
        #expect(second == first)
        #expect(second[MathRequest(tex: "b", display: false)] == .error("no", offset: 0))
        #expect(calls.all.count == 1)
    }
}
