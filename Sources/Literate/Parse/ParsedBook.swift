import Foundation

/// The whole book read and parsed once: every file `BookFile.list` names, as a
/// `ParsedChapter`, in reading order. `book build` checks `checked` and renders `chapters`
/// from this one value.
public struct ParsedBook: Sendable {
    public var files: [BookFile]
    /// One parsed chapter per file, in the order of `files`.
    public var chapters: [ParsedChapter]

    public init(files: [BookFile], chapters: [ParsedChapter]) {
        self.files = files
        self.chapters = chapters
    }

    /// The chapters `book check` checks, in file name order (the order `book check` reports in).
    public var checked: [ParsedChapter] {
        zip(files, chapters).filter { $0.0.isChecked }.sorted { $0.0.name < $1.0.name }.map(\.1)
    }

    /// Reads and parses every file of `project`'s book once, with `read` (the file's bytes,
    /// given its path). Paths are named as `Project.chapterPaths` names them.
    public static func read(project: Project, currentDirectory: String = FileManager.default.currentDirectoryPath,
                            read: (String) throws -> [UInt8] = ChapterParser.contents) throws -> ParsedBook {
        let files = BookFile.list(chaptersFolder: project.chaptersFolder)
        let chapters = try files.map { file in
            let path = Project.display(project.chaptersFolder + "/" + file.name, from: currentDirectory)
            return ChapterParser.parse(data: try read(path), path: path)
        }
        return ParsedBook(files: files, chapters: chapters)
    }
}
