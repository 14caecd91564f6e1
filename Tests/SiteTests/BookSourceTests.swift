import Foundation
import Literate
import Testing
@testable import Site

@Suite struct BookSourceTests {
    @Test func whichFilesAreCheckedAndNumbered() {
        #expect(BookFile(name: "README.md").isChecked)
        #expect(BookFile(name: "notes.md").isChecked)
        #expect(!BookFile(name: "data/README.md").isChecked)
        #expect(!BookFile(name: "data/README.md").isInReadingOrder)
        #expect(BookFile(name: "03-activations.md").chapterNumber == 3)
        #expect(BookFile(name: "3-activations.md").chapterNumber == nil)
        #expect(BookFile(name: "notation.md").chapterNumber == nil)
    }

    @Test func readingOrderThenSubfolders() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("book-source-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("data"), withIntermediateDirectories: true)
        for name in ["10-ten.md", "02-two.md", "notation.md", "README.md", "scratch.md", "data/README.md", "data/iris.csv"] {
            try "# \(name)\n".write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        let pages = try BookSource.read(folder: folder, displayFolder: "chapters")
        // Every file the check checks is a page: scratch.md too, after the numbered chapters.
        #expect(pages.map(\.fileName) == ["README.md", "notation.md", "02-two.md", "10-ten.md", "scratch.md", "data/README.md"])
        #expect(pages.map(\.htmlName) == ["index.html", "notation.html", "02-two.html", "10-ten.html", "scratch.html", "data-README.html"])
        #expect(pages.map(\.isInReadingOrder) == [true, true, true, true, true, false])
        #expect(pages[5].path == "chapters/data/README.md")
        #expect(pages[5].folder == "data")
    }

    @Test func aFileThatIsNotUTF8IsAnError() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("book-source-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try "# Book\n".write(to: folder.appendingPathComponent("README.md"), atomically: true, encoding: .utf8)
        try Data([0x23, 0x20, 0xFF, 0xFE, 0x0A]).write(to: folder.appendingPathComponent("01-bad.md"))
        #expect(throws: SiteError.unreadable("chapters/01-bad.md")) {
            try BookSource.read(folder: folder, displayFolder: "chapters")
        }
    }

    @Test func noIntroductionIsAnError() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("book-source-\(UUID().uuidString)")
        #expect(throws: SiteError.noChapters(folder.path)) {
            try BookSource.read(folder: folder, displayFolder: "chapters")
        }
    }
}
