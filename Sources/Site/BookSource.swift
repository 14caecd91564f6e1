import Foundation
import Literate

/// One Markdown page of the book, read and parsed once (`ParsedChapter`).
public struct PageSource: Sendable {
    /// The file's name in the chapters folder, e.g. `03-activations.md`.
    public var fileName: String
    /// The chapter parsed: its tree, blocks and text.
    public var chapter: ParsedChapter

    public init(fileName: String, chapter: ParsedChapter) {
        self.fileName = fileName
        self.chapter = chapter
    }

    /// A page parsed from `markdown` (for tests and single pages).
    public init(fileName: String, path: String, markdown: String) {
        self.init(fileName: fileName, chapter: ChapterParser.parse(markdown, path: path))
    }

    /// The path diagnostics name, as the user would type it, e.g. `chapters/03-activations.md`.
    public var path: String { chapter.path }
    /// The Markdown as written.
    public var markdown: String { chapter.markdown }
    /// What the book makes of the file (`BookFile`'s rule).
    public var file: BookFile { BookFile(name: fileName) }

    /// The page's file on the site: `README.md` is `index.html`, `x.md` is `x.html`, and a
    /// page in a subfolder keeps the folder in its name: `data/README.md` is `data-README.html`
    /// (one flat folder, so the theme's relative links work from every page).
    public var htmlName: String {
        fileName == "README.md" ? "index.html" : String(fileName.dropLast(3)).replacingOccurrences(of: "/", with: "-") + ".html"
    }

    /// A chapter's number, from its name (`06-backpropagation.md` is 6); nil for other pages.
    public var chapterNumber: Int? { file.chapterNumber }

    /// The folder the page lives in, relative to the chapters folder ("" for chapters).
    public var folder: String {
        fileName.split(separator: "/").dropLast().joined(separator: "/")
    }

    /// Whether the page is in the reading order (sidebar, previous and next), by `BookFile`'s rule.
    public var isInReadingOrder: Bool { file.isInReadingOrder }
}

/// The pages of the book: every file `BookFile.list` names, in its reading order.
public enum BookSource {
    /// The pages of a book already read (`ParsedBook.read`); throws when it has no `README.md`.
    public static func pages(_ book: ParsedBook, folder: URL) throws -> [PageSource] {
        guard book.files.contains(where: { $0.name == "README.md" }) else { throw SiteError.noChapters(folder.path) }
        return try zip(book.files, book.chapters).map { file, chapter in
            // A page that is not UTF-8 cannot be shown (its chapter's check says where).
            guard chapter.isUTF8 else { throw SiteError.unreadable(chapter.path) }
            return PageSource(fileName: file.name, chapter: chapter)
        }
    }

    /// Reads and parses every page in `folder`; `displayFolder` prefixes the paths diagnostics show.
    public static func read(folder: URL, displayFolder: String) throws -> [PageSource] {
        let files = BookFile.list(chaptersFolder: folder.path)
        let chapters = try files.map { file in
            let path = displayFolder.isEmpty ? file.name : displayFolder + "/" + file.name
            guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(file.name).path) else {
                throw SiteError.unreadable(path)
            }
            return ChapterParser.parse(data: [UInt8](data), path: path)
        }
        return try pages(ParsedBook(files: files, chapters: chapters), folder: folder)
    }
}
