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
        let session = WatchSession(paths: [chapter], project: repository) { try checker.check(paths: $0) }
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
}
