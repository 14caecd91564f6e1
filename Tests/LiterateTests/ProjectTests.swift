import Foundation
import Testing
@testable import Literate

@Suite struct ProjectTests {
    @Test func theRootIsFoundFromBelow() throws {
        let here = URL(fileURLWithPath: #filePath).deletingLastPathComponent().path
        let project = try Project.locate(from: here + "/Fixtures/passing")
        #expect(FileManager.default.fileExists(atPath: project.root + "/Package.swift"))
        #expect(project.cacheFolder == project.root + "/.build/book")
    }

    @Test func noRootIsAnEnvironmentError() {
        #expect(throws: BookError.noProjectRoot("/")) { try Project.locate(from: "/") }
    }

    @Test func chaptersResolveByPathNameOrNumber() throws {
        let root = NSTemporaryDirectory() + "literate-project-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.createDirectory(atPath: root + "/chapters", withIntermediateDirectories: true)
        for name in ["README.md", "04-forward.md", "10-regression.md"] {
            try "# x\n".write(toFile: root + "/chapters/" + name, atomically: true, encoding: .utf8)
        }
        let project = Project(root: root)
        #expect(try project.resolveChapter("4", currentDirectory: root) == "chapters/04-forward.md")
        #expect(try project.resolveChapter("04-forward.md", currentDirectory: root) == "chapters/04-forward.md")
        #expect(try project.resolveChapter("10-regression", currentDirectory: root) == "chapters/10-regression.md")
        #expect(throws: BookError.noSuchChapter("7")) { try project.resolveChapter("7", currentDirectory: root) }
        #expect(project.chapterPaths(currentDirectory: root) == ["chapters/04-forward.md", "chapters/10-regression.md", "chapters/README.md"])
    }

    @Test func aMissingFileIsThrown() {
        #expect(throws: BookError.noSuchFile("no/such.md")) { try ChapterParser.read(path: "no/such.md") }
    }
}
