import Foundation

/// The book's settings, kept in `book.json` at the repository's root, read by the site build
/// and by the Pages workflow. Every field is optional:
///
///     {
///       "repository": "https://github.com/OWNER/REPO",
///       "branch": "main"
///     }
///
/// `repository` is where the book's source lives on the web: each chapter links to its
/// Markdown there, at `<repository>/blob/<branch>/chapters/<file>`. `branch` defaults to
/// `main`. Without a repository, pages carry no source link.
public struct BookSettings: Hashable, Sendable, Codable {
    public var repository: String?
    public var branch: String?

    public init(repository: String? = nil, branch: String? = nil) {
        self.repository = repository
        self.branch = branch
    }

    /// The settings file's name in the repository's root.
    public static let fileName = "book.json"

    /// Reads `book.json` in `root`; the defaults when there is none. Throws
    /// `SiteError.badSettings` when it is not the JSON described above.
    public static func read(root: URL) throws -> BookSettings {
        let url = root.appendingPathComponent(fileName)
        guard let data = FileManager.default.contents(atPath: url.path) else { return BookSettings() }
        let settings: BookSettings
        do {
            settings = try JSONDecoder().decode(BookSettings.self, from: data)
        } catch {
            throw SiteError.badSettings(url.path, "it is not a JSON object of strings \"repository\" and \"branch\"")
        }
        if let repository = settings.repository, !(repository.hasPrefix("https://") || repository.hasPrefix("http://")) {
            throw SiteError.badSettings(url.path, "\"repository\" must be a web address starting with https://")
        }
        return settings
    }

    /// The web address of `file` (a path in the repository, e.g. `chapters/06-x.md`); nil
    /// without a repository.
    public func sourceURL(_ file: String) -> String? {
        guard var repository, !repository.isEmpty else { return nil }
        while repository.hasSuffix("/") { repository.removeLast() }
        return "\(repository)/blob/\(branch ?? "main")/\(file)"
    }
}
