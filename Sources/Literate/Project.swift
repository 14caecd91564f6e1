import Foundation

/// The repository `book` works in: the folder holding Package.swift and Sources/Learning.
///
/// Everything `book check` writes goes under `<root>/.build/book/`.
public struct Project: Hashable, Sendable {
    /// Absolute path of the project's root folder.
    public var root: String

    public init(root: String) {
        self.root = root
    }

    /// Walks up from `folder` (the current directory by default) to the first folder holding
    /// Package.swift and Sources/Learning.
    public static func locate(from folder: String = FileManager.default.currentDirectoryPath) throws -> Project {
        var url = URL(fileURLWithPath: folder).standardizedFileURL
        while true {
            let manifest = url.appendingPathComponent("Package.swift").path
            let learning = url.appendingPathComponent("Sources/Learning").path
            if FileManager.default.fileExists(atPath: manifest), FileManager.default.fileExists(atPath: learning) {
                return Project(root: url.path)
            }
            let parent = url.deletingLastPathComponent()
            if parent.path == url.path { throw BookError.noProjectRoot(folder) }
            url = parent
        }
    }

    /// `<root>/chapters`.
    public var chaptersFolder: String { root + "/chapters" }
    /// `<root>/.build/book`: the engine's cache and compiled libraries.
    public var cacheFolder: String { root + "/.build/book" }

    /// The chapters `book check` checks (`BookFile.list`'s rule: every `*.md` file directly
    /// in `chapters/`), sorted by name, as paths relative to the current directory when they
    /// are below it, else absolute.
    public func chapterPaths(currentDirectory: String = FileManager.default.currentDirectoryPath) -> [String] {
        BookFile.list(chaptersFolder: chaptersFolder).filter(\.isChecked).map(\.name).sorted().map {
            Project.display(chaptersFolder + "/" + $0, from: currentDirectory)
        }
    }

    /// Finds one chapter for `book run`: an existing path, a file name in `chapters/`, or a
    /// number (`4` or `04` matches `chapters/04-*.md`).
    public func resolveChapter(_ name: String, currentDirectory: String = FileManager.default.currentDirectoryPath) throws -> String {
        if FileManager.default.fileExists(atPath: name) { return name }
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: chaptersFolder)) ?? []).filter { $0.hasSuffix(".md") }.sorted()
        if names.contains(name) || names.contains(name + ".md") {
            let file = names.contains(name) ? name : name + ".md"
            return Project.display(chaptersFolder + "/" + file, from: currentDirectory)
        }
        if let number = Int(name) {
            let matches = names.filter { file in
                let digits = file.prefix { $0.isNumber }
                return !digits.isEmpty && Int(digits) == number
            }
            if matches.count == 1 { return Project.display(chaptersFolder + "/" + matches[0], from: currentDirectory) }
        }
        let slugMatches = names.filter { $0.contains(name) }
        if slugMatches.count == 1 { return Project.display(chaptersFolder + "/" + slugMatches[0], from: currentDirectory) }
        throw BookError.noSuchChapter(name)
    }

    /// `path` relative to `folder` when it lies below it, else `path` unchanged.
    public static func display(_ path: String, from folder: String) -> String {
        let base = URL(fileURLWithPath: folder).standardizedFileURL.path
        let prefix = base.hasSuffix("/") ? base : base + "/"
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
    }
}
