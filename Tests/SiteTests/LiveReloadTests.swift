import Foundation
import Literate
import Testing
@testable import Site

/// `book watch`'s site: pages carry the live-reload poller and their stamp, only changed
/// files are rewritten, and `book build` writes none of it.
@Suite struct LiveReloadTests {
    let root: URL
    var site: URL { root.appendingPathComponent("_site") }

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("live-reload-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("chapters"), withIntermediateDirectories: true)
        let theme = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("site")
        try FileManager.default.copyItem(at: theme, to: root.appendingPathComponent("site"))
        try write("README.md", "# A Tiny Book\n\nStart with [one](01-one.md).\n")
        try write("01-one.md", "# One\n\n```swift\nprint(1)\n```\n")
        try write("02-two.md", "# Two\n\nMore.\n")
    }

    func write(_ name: String, _ text: String) throws {
        try text.write(to: root.appendingPathComponent("chapters/" + name), atomically: true, encoding: .utf8)
    }

    func read(_ name: String) throws -> String {
        try String(contentsOf: site.appendingPathComponent(name), encoding: .utf8)
    }

    @Test func watchPagesReloadThemselvesAndBuildPagesDoNot() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        let update = try SiteBuild(root: root).update(reports: [])
        #expect(update.written.contains("index.html") && update.written.contains(LiveReload.scriptFile))
        let stamps = try read(LiveReload.stampFile)
        for page in ["index.html", "01-one.html", "02-two.html"] {
            let html = try read(page)
            let tag = try #require(html.firstMatch(of: /<script src="book-watch.js" data-stamp="([0-9a-f]{16})"><\/script>\n<\/head>/), "\(page)")
            #expect(stamps.contains("\"\(page)\": \"\(tag.1)\""), "the stamp file lists \(page) with its stamp")
        }
        #expect(try read(LiveReload.scriptFile).contains("location.reload()"))

        _ = try SiteBuild(root: root).run(reports: [])
        for page in ["index.html", "01-one.html"] { #expect(!(try read(page)).contains("book-watch")) }
        #expect(!FileManager.default.fileExists(atPath: site.appendingPathComponent(LiveReload.stampFile).path))
        #expect(!FileManager.default.fileExists(atPath: site.appendingPathComponent(LiveReload.scriptFile).path))
    }

    @Test func onlyTheChangedPagesAreWritten() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        _ = try SiteBuild(root: root).update(reports: [])
        let before = try read(LiveReload.stampFile)
        #expect(try SiteBuild(root: root).update(reports: []).written == [], "nothing changed, nothing written")
        try write("02-two.md", "# Two\n\nMore, and better.\n")
        let update = try SiteBuild(root: root).update(reports: [])
        // The page, the whole-book print page, the chapter's Markdown source and the search index.
        #expect(update.written == ["02-two.html", "print.html", "search-index.js", "source/02-two.md"])
        let after = try read(LiveReload.stampFile)
        let line = { (text: String, page: String) in text.split(separator: "\n").first { $0.contains("\"\(page)\"") } }
        #expect(line(before, "02-two.html") != line(after, "02-two.html"))
        #expect(line(before, "01-one.html") == line(after, "01-one.html"))
    }

    @Test func aRemovedChapterLosesItsPage() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        _ = try SiteBuild(root: root).update(reports: [])
        try FileManager.default.removeItem(at: root.appendingPathComponent("chapters/02-two.md"))
        let update = try SiteBuild(root: root).update(reports: [])
        #expect(update.removed == ["02-two.html", "source/02-two.md"])
        #expect(!(try read("01-one.html")).contains("02-two.html"))
    }

    /// Case 13 of issue 19: the count is of the site's pages, never more than it has.
    @Test func theCountsAreTrue() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        let update = try SiteBuild(root: root).update(reports: [])
        let pages = try FileManager.default.contentsOfDirectory(atPath: site.path).filter { $0.hasSuffix(".html") }
        #expect(update.htmlPages == pages.count)
        #expect(update.written.filter { $0.hasSuffix(".html") }.count == update.htmlPages)
    }

    /// Case 13 of issue 19: `book build` and `book watch` writing the site at once never leave
    /// watch pages beside build pages: each writes a whole site, one at a time.
    @Test func aBuildDuringWatchNeverMixesPages() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        _ = try SiteBuild(root: root).run(reports: [])
        for round in 0..<6 {
            try write("02-two.md", "# Two\n\nRound \(round).\n")
            let failures = SharedFailures()
            let group = DispatchGroup()
            for watch in [true, false] {
                DispatchQueue.global().async(group: group) {
                    do {
                        if watch { _ = try SiteBuild(root: root).update(reports: []) } else { _ = try SiteBuild(root: root).run(reports: []) }
                    } catch {
                        failures.add("\(error)")
                    }
                }
            }
            group.wait()
            #expect(failures.all == [])
            let pages = try FileManager.default.contentsOfDirectory(atPath: site.path).filter { $0.hasSuffix(".html") }
            let kinds = Set(try pages.map { try read($0).contains("book-watch.js") })
            #expect(kinds.count == 1, "round \(round): watch pages beside build pages")
            #expect(try read("02-two.html").contains("Round \(round)."))
        }
    }
}


/// Errors gathered from two threads.
private final class SharedFailures: @unchecked Sendable {
    private var stored: [String] = []
    private let lock = NSLock()
    var all: [String] { lock.withLock { stored } }
    func add(_ failure: String) { lock.withLock { stored.append(failure) } }
}
