import Foundation
import Testing
@testable import Site

@Suite struct BookSourceTests {
    @Test func whichFilesArePages() {
        #expect(BookSource.isPage("README.md"))
        #expect(BookSource.isPage("notation.md"))
        #expect(BookSource.isPage("03-activations.md"))
        #expect(!BookSource.isPage("3-activations.md"))
        #expect(!BookSource.isPage("notes.md"))
        #expect(!BookSource.isPage("03-activations.txt"))
    }

    @Test func readingOrderThenSubfolders() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("book-source-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("data"), withIntermediateDirectories: true)
        for name in ["10-ten.md", "02-two.md", "notation.md", "README.md", "scratch.md", "data/README.md", "data/iris.csv"] {
            try "# \(name)\n".write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        let pages = try BookSource.read(folder: folder, displayFolder: "chapters")
        #expect(pages.map(\.fileName) == ["README.md", "notation.md", "02-two.md", "10-ten.md", "data/README.md"])
        #expect(pages.map(\.htmlName) == ["index.html", "notation.html", "02-two.html", "10-ten.html", "data-README.html"])
        #expect(pages.map(\.isInReadingOrder) == [true, true, true, true, false])
        #expect(pages[4].path == "chapters/data/README.md")
        #expect(pages[4].folder == "data")
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
