import Foundation

/// The content-addressed store of chapter reports in `.build/book/reports/`.
///
/// A chapter's key is the SHA-256 of everything its report depends on: the engine version, the
/// compiler version and the library sources (`Toolchain.libraryKey`), the chapter as parsed
/// (code, options, expected output, prose checks, and their lines, since diagnostics name
/// them), the path as given, the time and output limits, and the names, sizes and dates of the
/// files in the chapter's `data/` folder. Same key, same report: nothing is compiled or run.
struct ReportCache: Sendable {
    let folder: String

    init(project: Project) {
        folder = project.cacheFolder + "/reports"
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
        hash.update(ReportCache.dataStamp(besides: chapter.path))
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

    /// Names, sizes and modification dates of the files in the `data/` folder next to a chapter.
    static func dataStamp(besides chapterPath: String) -> String {
        let data = URL(fileURLWithPath: chapterPath).deletingLastPathComponent().appendingPathComponent("data").path
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: data) else { return "" }
        return names.sorted().map { name in
            let attributes = try? FileManager.default.attributesOfItem(atPath: data + "/" + name)
            let date = (attributes?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
            return "\(name) \(attributes?[.size] ?? 0) \(date)"
        }.joined(separator: "\n")
    }
}
