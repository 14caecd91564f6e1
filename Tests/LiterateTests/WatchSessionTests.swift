import Foundation
import Testing
@testable import Literate

/// A real watch: a chapter checked, edited to a wrong number, and checked again on its own.
@Suite struct WatchSessionTests {
    @Test func anEditedChapterIsCheckedAgainWithTheNewDiagnostic() throws {
        let repository = try Project.locate(from: URL(fileURLWithPath: #filePath).deletingLastPathComponent().path)
        // Inside the repository, so the chapter links against its Learning.
        let folder = repository.root + "/.build/watch-tests-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let chapter = folder + "/01-sum.md"
        let text = "# Sum\n\nThe sum is [3](check:sum).\n\n```swift\nrecord(\"sum\", 1 + 2)\n```\n"
        try text.write(toFile: chapter, atomically: true, encoding: .utf8)

        var checker = Checker(project: repository, options: CheckOptions(timeout: 30, useCache: true))
        checker.toolchain = try Toolchain.prepare(project: repository) {}
        let session = WatchSession(paths: [chapter], project: repository, readsBook: false) { try checker.check($0) }
        var rounds: [WatchSession.Round] = []
        let started = Date()
        session.run(keepGoing: { rounds.count < 2 && Date().timeIntervalSince(started) < 300 }, handle: { round in
            rounds.append(round)
            if rounds.count == 1 {
                // Saved the way editors save: a new file renamed over the old one.
                try? text.replacingOccurrences(of: "[3]", with: "[4]").write(toFile: chapter, atomically: true, encoding: .utf8)
            }
        })
        try #require(rounds.count == 2, "the save was not seen")
        #expect(rounds[0].changed == [] && rounds[0].reports.map(\.passed) == [true])
        #expect(rounds[1].changed == [chapter])
        #expect(rounds[1].reports.flatMap(\.diagnostics).map(\.description)
            == ["\(chapter):3:13: error: expected 4 (±0.5), but the code computed 3.0 for 'sum'"])
    }

    /// Case 13 of issue 19: the site is rendered from a report for every chapter of the book
    /// (the unwatched ones through the cache), and a watch of a file outside the book leaves
    /// the book's site alone.
    @Test func theSiteGetsEveryChaptersReportAndOnlyForTheBook() throws {
        let root = NSTemporaryDirectory() + "literate-watch-site-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: root) }
        for file in ["chapters/01-a.md", "chapters/02-b.md", "other/w.md"] {
            try FileManager.default.createDirectory(atPath: (root + "/" + file as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try "# \(file)\n".write(toFile: root + "/" + file, atomically: true, encoding: .utf8)
        }
        let project = Project(root: root)
        let watched = WatchSession(paths: [root + "/chapters/02-b.md"], project: project, readsBook: true) { _ in [] }
        let (chapters, book) = try watched.readRound()
        #expect(chapters.map(\.path) == [root + "/chapters/02-b.md"])
        #expect(book?.files.map(\.name) == ["01-a.md", "02-b.md"])
        let round = WatchSession.Round(reports: [ChapterReport(path: root + "/chapters/02-b.md", chapter: nil)], changed: [], book: book)
        let figure = BlockResult(index: 0, line: 3, ran: true, output: "", figures: [])
        var asked: [String] = []
        let reports = try #require(try watched.siteReports(for: round) { chapters in
            asked = chapters.map(\.path)
            return chapters.map { ChapterReport(path: $0.path, chapter: nil, blocks: [figure], isCached: true) }
        })
        #expect(asked.map { ($0 as NSString).lastPathComponent } == ["01-a.md"])
        #expect(reports.map { ($0.path as NSString).lastPathComponent } == ["01-a.md", "02-b.md"])
        #expect(reports[0].blocks == [figure] && reports[0].isCached)

        let outside = WatchSession(paths: [root + "/other/w.md"], project: project, readsBook: true) { _ in [] }
        let (alone, noBook) = try outside.readRound()
        #expect(alone.map(\.path) == [root + "/other/w.md"] && noBook == nil, "a watch outside the book reads nothing of it")
        let none = try outside.siteReports(for: WatchSession.Round(reports: [ChapterReport(path: root + "/other/w.md", chapter: nil)], changed: [], book: noBook)) { _ in
            Issue.record("nothing of the book is checked for a watch outside it")
            return []
        }
        #expect(none == nil)
    }
}
