import Foundation
import Markdown
import Testing
@testable import Literate
@testable import Site

/// `book build`'s path (read the book, check it, render and write the site) reads and parses
/// each chapter once: every stage after `ParsedBook.read` works from the parsed value.
@Suite struct ParseOnceTests {
    static let toolchain: Result<Toolchain, BookError> = Result {
        let tests = URL(fileURLWithPath: #filePath).deletingLastPathComponent().path
        return try Toolchain.prepare(project: Project.locate(from: tests)) {}
    }.mapError { $0 as? BookError ?? .io("\($0)") }

    @Test func bookBuildReadsAndParsesEachChapterOnce() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("parse-once-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let chapters = root.appendingPathComponent("chapters")
        try FileManager.default.createDirectory(at: chapters.appendingPathComponent("data"), withIntermediateDirectories: true)
        let theme = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("site")
        try FileManager.default.copyItem(at: theme, to: root.appendingPathComponent("site"))
        let files = [
            "README.md": "# A Tiny Book\n\nStart with [one](01-one.md).\n",
            "01-one.md": "# One\n\n```swift\nprint(1 + 1)\nrecord(\"two\", 2)\n```\n\n```output\n2\n```\n\nSo [2](check:two), and $`1 + 1 = 2`$.\n\n| a | b |\n|---|---|\n| $`x`$ | [data](data/README.md) |\n",
            "data/README.md": "# The data\n\nNone.\n",
        ]
        for (name, text) in files { try text.write(to: chapters.appendingPathComponent(name), atomically: true, encoding: .utf8) }

        var reads: [String: Int] = [:]
        let parses = ParseCount()
        let project = Project(root: root.path)
        let (reports, summary) = try ParseCount.$current.withValue(parses) {
            let book = try ParsedBook.read(project: project) { path in
                reads[path, default: 0] += 1
                return try ChapterParser.contents(path: path)
            }
            // Anything that read a file again from here on would see this instead.
            for name in files.keys { try "# Changed\n".write(to: chapters.appendingPathComponent(name), atomically: true, encoding: .utf8) }
            var checker = Checker(project: project, options: CheckOptions(timeout: 10, useCache: false))
            checker.toolchain = try Self.toolchain.get()
            let reports = try checker.check(book.checked)
            return (reports, try SiteBuild(root: root).run(book: book, reports: reports))
        }

        #expect(reads.count == 3 && reads.values.allSatisfy { $0 == 1 }, "\(reads)")
        #expect(parses.count == 3)
        #expect(reports.map { URL(fileURLWithPath: $0.path).lastPathComponent } == ["01-one.md", "README.md"])
        #expect(reports.allSatisfy { $0.passed })
        // The math was checked from the parsed chapter, not from the file as it is now.
        #expect(reports[0].math.count == 1)
        #expect(reports[0].checks.first?.passed == true)
        #expect(summary.pages == 3)
        let page = try String(contentsOf: root.appendingPathComponent("_site/01-one.html"), encoding: .utf8)
        #expect(page.contains("<h1 id=\"one\">One"))
        #expect(!page.contains("Changed"))
        let source = try String(contentsOf: root.appendingPathComponent("_site/source/01-one.md"), encoding: .utf8)
        #expect(source == files["01-one.md"])
    }

    /// `book watch`'s rounds: each reads and parses each file of the book once, for the check
    /// and the site together (it used to parse each chapter once for the check and again for
    /// the site).
    @Test func bookWatchReadsAndParsesEachChapterOncePerRound() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("parse-once-watch-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let chapters = root.appendingPathComponent("chapters")
        try FileManager.default.createDirectory(at: chapters, withIntermediateDirectories: true)
        let theme = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("site")
        try FileManager.default.copyItem(at: theme, to: root.appendingPathComponent("site"))
        let one = "# One\n\n```swift\nrecord(\"two\", 1 + 1)\n```\n\nSo [2](check:two).\n"
        let files = ["README.md": "# A Tiny Book\n\nStart with [one](01-one.md).\n", "01-one.md": one, "02-two.md": "# Two\n\nMore.\n"]
        for (name, text) in files { try text.write(to: chapters.appendingPathComponent(name), atomically: true, encoding: .utf8) }

        let project = Project(root: root.path)
        var checker = Checker(project: project, options: CheckOptions(timeout: 30, useCache: true))
        checker.toolchain = try Self.toolchain.get()
        var reads: [String: Int] = [:]
        let session = WatchSession(paths: [], project: project, readsBook: true, read: { path in
            reads[(path as NSString).lastPathComponent, default: 0] += 1
            return try ChapterParser.contents(path: path)
        }) { try checker.check($0) }
        var parsesPerRound: [Int] = []
        var pages: [String] = []
        let started = Date()
        let parses = ParseCount()
        ParseCount.$current.withValue(parses) {
            session.run(keepGoing: { parsesPerRound.count < 2 && Date().timeIntervalSince(started) < 300 }, handle: { round in
                // What `book watch` does with a round: the check (above), then the site.
                do {
                    let book = try #require(round.book)
                    let reports = try #require(try session.siteReports(for: round) { try checker.check($0) })
                    _ = try SiteBuild(root: root).update(book: book, reports: reports)
                    pages.append(try String(contentsOf: root.appendingPathComponent("_site/01-one.html"), encoding: .utf8))
                } catch {
                    Issue.record("\(error)")
                }
                parsesPerRound.append(parses.count - parsesPerRound.reduce(0, +))
                if parsesPerRound.count == 1 {
                    try? one.replacingOccurrences(of: "So [2]", with: "Hence [2]")
                        .write(to: chapters.appendingPathComponent("01-one.md"), atomically: true, encoding: .utf8)
                }
            })
        }
        try #require(parsesPerRound.count == 2, "the save was not seen")
        #expect(parsesPerRound == [3, 3], "each of the 3 files parsed once per round")
        #expect(reads == ["README.md": 2, "01-one.md": 2, "02-two.md": 2], "each file read once per round")
        #expect(pages.count == 2 && pages[1].contains("Hence"))
    }
}
