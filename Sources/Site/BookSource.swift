import Foundation

/// One Markdown page of the book as read from disk.
public struct PageSource: Hashable, Sendable {
    /// The file's name in the chapters folder, e.g. `03-activations.md`.
    public var fileName: String
    /// The path diagnostics name, as the user would type it, e.g. `chapters/03-activations.md`.
    public var path: String
    public var markdown: String

    public init(fileName: String, path: String, markdown: String) {
        self.fileName = fileName
        self.path = path
        self.markdown = markdown
    }

    /// The page's file on the site: `README.md` is `index.html`, `x.md` is `x.html`, and a
    /// page in a subfolder keeps the folder in its name: `data/README.md` is `data-README.html`
    /// (one flat folder, so the theme's relative links work from every page).
    public var htmlName: String {
        fileName == "README.md" ? "index.html" : String(fileName.dropLast(3)).replacingOccurrences(of: "/", with: "-") + ".html"
    }

    /// A chapter's number, from its name (`06-backpropagation.md` is 6); nil for other pages.
    public var chapterNumber: Int? {
        guard isInReadingOrder, BookSource.isPage(fileName), let number = Int(fileName.prefix(2)) else { return nil }
        return number
    }

    /// The folder the page lives in, relative to the chapters folder ("" for chapters).
    public var folder: String {
        fileName.split(separator: "/").dropLast().joined(separator: "/")
    }

    /// Whether the page is in the reading order (sidebar, previous and next): the
    /// introduction, the notation and the chapters are; pages in subfolders (the data sets'
    /// README) are reached by links only.
    public var isInReadingOrder: Bool { !fileName.contains("/") }
}

/// The pages of the book, in reading order: `README.md` (the introduction and contents),
/// `notation.md`, then the chapters `NN-slug.md` by number; then every `.md` file one
/// folder down (such as `data/README.md`), by path.
public enum BookSource {
    /// Whether `name` is a page of the book.
    public static func isPage(_ name: String) -> Bool {
        if name == "README.md" || name == "notation.md" { return true }
        let digits = name.prefix { $0.isASCII && $0.isNumber }
        return name.hasSuffix(".md") && digits.count == 2 && name.dropFirst(2).hasPrefix("-")
    }

    /// Sort key for reading order.
    static func rank(_ name: String) -> (Int, String) {
        switch name {
        case "README.md": return (0, name)
        case "notation.md": return (1, name)
        default: return (2, name)
        }
    }

    /// Reads every page in `folder`; `displayFolder` prefixes the paths diagnostics show.
    public static func read(folder: URL, displayFolder: String) throws -> [PageSource] {
        let manager = FileManager.default
        let names = (try? manager.contentsOfDirectory(atPath: folder.path)) ?? []
        var pages = names.filter(isPage).sorted { rank($0) < rank($1) }
        guard pages.contains("README.md") else { throw SiteError.noChapters(folder.path) }
        for subfolder in names.sorted() where !subfolder.hasPrefix(".") {
            var isFolder: ObjCBool = false
            let url = folder.appendingPathComponent(subfolder)
            guard manager.fileExists(atPath: url.path, isDirectory: &isFolder), isFolder.boolValue else { continue }
            let inside = (try? manager.contentsOfDirectory(atPath: url.path)) ?? []
            pages += inside.filter { $0.hasSuffix(".md") && !$0.hasPrefix(".") }.sorted().map { subfolder + "/" + $0 }
        }
        return try pages.map { name in
            let path = displayFolder.isEmpty ? name : displayFolder + "/" + name
            guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(name).path),
                  let text = String(validatingUTF8Data: data) else {
                throw SiteError.unreadable(path)
            }
            return PageSource(fileName: name, path: path, markdown: text)
        }
    }
}

extension String {
    /// The text in `data` if it is valid UTF-8, else nil (never a lossy repair).
    init?(validatingUTF8Data data: Data) {
        guard let text = String(data: data, encoding: .utf8) else { return nil }
        self = text
    }
}
