import Foundation

/// One Markdown file of the book, and what the book does with it.
///
/// The one rule for which files the book is made of (`BookFile.list`):
/// - every `*.md` file directly in `chapters/` is a chapter: `book check` checks it (in file
///   name order) and the site makes it a page in the reading order: `README.md` (the
///   introduction and contents) first, `notation.md` next, then the rest by name, so
///   `NN-slug.md` chapters by number;
/// - every `*.md` file one folder down (`chapters/data/README.md`) is a page reached by
///   links only: not in the reading order, and not checked (it is about the chapters' data,
///   not a chapter; it may hold no Swift block);
/// - files and folders whose name starts with `.` are not part of the book.
public struct BookFile: Hashable, Sendable {
    /// The path relative to the chapters folder: `04-forward.md`, `data/README.md`.
    public var name: String

    public init(name: String) {
        self.name = name
    }

    /// Whether `book check` checks it: it is directly in the chapters folder.
    public var isChecked: Bool { !name.contains("/") }
    /// Whether the site lists it in the sidebar and links it with previous and next.
    public var isInReadingOrder: Bool { isChecked }

    /// A chapter's number, from its name (`06-backpropagation.md` is 6); nil for other files.
    public var chapterNumber: Int? {
        let digits = name.prefix { $0.isASCII && $0.isNumber }
        guard isChecked, digits.count == 2, name.dropFirst(2).hasPrefix("-") else { return nil }
        return Int(digits)
    }

    /// Reading order: the introduction, the notation, the other chapters by name, then the
    /// pages one folder down by path.
    var rank: (Int, String) {
        switch name {
        case "README.md": return (0, name)
        case "notation.md": return (1, name)
        default: return (isChecked ? 2 : 3, name)
        }
    }

    /// The book's files in the folder `chaptersFolder`, in reading order.
    public static func list(chaptersFolder: String) -> [BookFile] {
        let manager = FileManager.default
        let names = (try? manager.contentsOfDirectory(atPath: chaptersFolder)) ?? []
        var files: [BookFile] = []
        for name in names where !name.hasPrefix(".") {
            var isFolder: ObjCBool = false
            let path = chaptersFolder + "/" + name
            guard manager.fileExists(atPath: path, isDirectory: &isFolder) else { continue }
            if !isFolder.boolValue {
                if name.hasSuffix(".md") { files.append(BookFile(name: name)) }
                continue
            }
            let inside = (try? manager.contentsOfDirectory(atPath: path)) ?? []
            for file in inside where file.hasSuffix(".md") && !file.hasPrefix(".") {
                var isInnerFolder: ObjCBool = false
                if manager.fileExists(atPath: path + "/" + file, isDirectory: &isInnerFolder), !isInnerFolder.boolValue {
                    files.append(BookFile(name: name + "/" + file))
                }
            }
        }
        return files.sorted { $0.rank < $1.rank }
    }
}
