import Foundation
import Testing
@testable import Site

@Suite struct BookSettingsTests {
    @Test func sourceLinksFollowTheRepositoryAndBranch() {
        #expect(BookSettings().sourceURL("chapters/a.md") == nil)
        #expect(BookSettings(repository: "https://github.com/o/r/").sourceURL("chapters/a.md") == "https://github.com/o/r/blob/main/chapters/a.md")
        #expect(BookSettings(repository: "https://github.com/o/r", branch: "dev").sourceURL("x.md") == "https://github.com/o/r/blob/dev/x.md")
    }

    @Test func theFileIsReadAndCheckedWithPositionlessErrors() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("settings-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(try BookSettings.read(root: root) == BookSettings())
        let file = root.appendingPathComponent("book.json")
        try #"{"repository": "https://github.com/o/r", "branch": null}"#.write(to: file, atomically: true, encoding: .utf8)
        #expect(try BookSettings.read(root: root) == BookSettings(repository: "https://github.com/o/r"))
        try #"{"repository": "github.com/o/r"}"#.write(to: file, atomically: true, encoding: .utf8)
        #expect(throws: SiteError.self) { try BookSettings.read(root: root) }
        try "[1]".write(to: file, atomically: true, encoding: .utf8)
        #expect(throws: SiteError.self) { try BookSettings.read(root: root) }
    }
}
