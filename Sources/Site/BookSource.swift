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

    /// The page's file on the site: `README.md` is `index.html`, `x.md` is `x.html`.
    public var htmlName: String {
        fileName == "README.md" ? "index.html" : String(fileName.dropLast(3)) + ".html"
    }
}

/// The pages of the book, in reading order: `README.md` (the introduction and contents),
/// `notation.md`, then the chapters `NN-slug.md` by number.
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
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        let pages = names.filter(isPage).sorted { rank($0) < rank($1) }
        guard pages.contains("README.md") else { throw SiteError.noChapters(folder.path) }
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
