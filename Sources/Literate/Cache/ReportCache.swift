import Foundation

/// The content-addressed store of chapter reports in `.build/book/reports/`.
///
/// A chapter's key is the SHA-256 of everything its report depends on: the engine version, the
/// compiler version and the library sources (`Toolchain.libraryKey`), the chapter as parsed
/// (code, options, expected output, prose checks, and their lines, since diagnostics name
/// them), the path as given, the time and output limits, and the content of every file the
/// chapter's program can read in its folder tree (`FolderDigest`). Same key, same report:
/// nothing is compiled or run.
struct ReportCache: Sendable {
    let folder: String

    init(project: Project) {
        folder = project.cacheFolder + "/reports"
        FolderDigest.load(from: project.cacheFolder + "/files.tsv")
    }

    func key(for chapter: Chapter, toolchain: Toolchain, options: CheckOptions) -> String {
        var hash = SHA256()
        hash.update(Toolchain.engineVersion)
        hash.update(toolchain.libraryKey)
        hash.update(chapter.path)
        hash.update("\(options.timeout) \(options.outputLimit)")
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        hash.update((try? encoder.encode(chapter)) ?? Data())
        hash.update(FolderDigest.digest(of: URL(fileURLWithPath: chapter.path).standardizedFileURL.deletingLastPathComponent().path))
        FolderDigest.save()
        return hash.hexDigest()
    }

    func load(_ key: String) -> ChapterReport? {
        guard let data = FileManager.default.contents(atPath: file(key)),
              var report = try? JSONDecoder().decode(ChapterReport.self, from: data) else { return nil }
        report.isCached = true
        CachePruning.markUsed(file(key))
        return report
    }

    /// Stores a report; a failure to write only costs a recompile next time.
    func store(_ report: ChapterReport, key: String) {
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        guard let data = try? encoder.encode(report) else { return }
        try? data.write(to: URL(fileURLWithPath: file(key)), options: .atomic)
    }

    private func file(_ key: String) -> String { folder + "/" + key + ".json" }
}
