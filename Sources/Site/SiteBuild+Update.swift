import Foundation
import Literate

extension SiteBuild {
    /// What a watch build changed in the site's folder.
    public struct Update: Sendable {
        /// Site paths that were new or differed, sorted (the stamps not counted).
        public var written: [String]
        /// Site paths removed because no page makes them any more, sorted.
        public var removed: [String]
        /// How many HTML pages the site has (the chapters' pages, the contents, print.html, 404.html).
        public var htmlPages: Int
        public var summary: Summary
    }

    /// Renders the site for `book watch` (with the live reload) and, when any file differs from
    /// what `output` holds, writes the whole site as `book build` does: into a sibling folder
    /// swapped in at once, under the site's lock (`SiteLock`). So a reader, and a `book build`
    /// running meanwhile, only ever see a whole site of one kind, never watch pages beside
    /// build pages.
    public func update(reports: [ChapterReport], displayFolder: String = "chapters") throws -> Update {
        let (rendered, summary) = try render(reports: reports, displayFolder: displayFolder)
        return try update(rendered: rendered, summary: summary)
    }

    /// `update(reports:)` for a book already read and parsed (a round of `book watch`, whose
    /// `checked` chapters `reports` are of): nothing is read or parsed again.
    public func update(book: ParsedBook, reports: [ChapterReport]) throws -> Update {
        let (rendered, summary) = try render(pages: BookSource.pages(book, folder: chaptersFolder), reports: reports)
        return try update(rendered: rendered, summary: summary)
    }

    private func update(rendered: [String: [UInt8]], summary: Summary) throws -> Update {
        let files = LiveReload.watchFiles(rendered)
        let manager = FileManager.default
        return try SiteLock.holding(root: root) {
            var written: [String] = []
            for path in files.keys.sorted() where path != LiveReload.stampFile {
                if manager.contents(atPath: output.appendingPathComponent(path).path).map(Array.init) != files[path]! { written.append(path) }
            }
            var removed: [String] = []
            if let walk = manager.enumerator(atPath: output.path) {
                while let path = walk.nextObject() as? String {
                    var isFolder: ObjCBool = false
                    _ = manager.fileExists(atPath: output.appendingPathComponent(path).path, isDirectory: &isFolder)
                    if !isFolder.boolValue && files[path] == nil { removed.append(path) }
                }
            }
            if !written.isEmpty || !removed.isEmpty { try SiteWriter.write(files, to: output) }
            return Update(written: written, removed: removed.sorted(), htmlPages: files.keys.filter { $0.hasSuffix(".html") }.count,
                          summary: summary)
        }
    }
}
