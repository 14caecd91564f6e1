import Foundation

/// One `book check` in progress: turns parsed chapters into reports, answering unchanged
/// chapters from the cache and running the others in parallel, one process per chapter.
struct Pipeline: Sendable {
    let project: Project
    let options: CheckOptions
    let progress: @Sendable (CheckProgress) -> Void
    let toolchain: Toolchain?

    func check(_ chapters: [(path: String, chapter: Chapter?, diagnostics: [Diagnostic])]) throws -> [ChapterReport] {
        var reports = [ChapterReport?](repeating: nil, count: chapters.count)
        var pending: [(slot: Int, chapter: Chapter)] = []
        // Warnings from reading a chapter that runs (a fence inside HTML) go into its report.
        var warnings: [Int: [Diagnostic]] = [:]
        for (slot, entry) in chapters.enumerated() {
            if let chapter = entry.chapter, !entry.diagnostics.contains(where: { $0.severity == .error }) {
                pending.append((slot, chapter))
                warnings[slot] = entry.diagnostics
            } else {
                // A chapter that does not parse is not run: its code could mean anything.
                let report = ChapterReport(path: entry.path, chapter: entry.chapter, diagnostics: entry.diagnostics)
                reports[slot] = report
                progress(.finished(report))
            }
        }
        guard !pending.isEmpty else { return reports.map { $0! } }
        let toolchain = try self.toolchain ?? Toolchain.prepare(project: project) { progress(.compilingLibraries) }
        let cache = ReportCache(project: project)
        var misses: [(slot: Int, chapter: Chapter, key: String)] = []
        for (slot, chapter) in pending {
            let key = cache.key(for: chapter, toolchain: toolchain, options: options)
            if options.useCache, let report = cache.load(key), report.path == chapter.path {
                reports[slot] = report
                progress(.finished(report))
            } else {
                misses.append((slot, chapter, key))
            }
        }
        let fresh = try runInParallel(misses, toolchain: toolchain, cache: cache, warnings: warnings)
        for (slot, report) in fresh { reports[slot] = report }
        CachePruning(project: project).prune(keepingLibrary: toolchain.libraryFolder)
        return reports.map { $0! }
    }

    /// Runs chapters on `options.jobs` workers; each report is cached as soon as it is done.
    private func runInParallel(_ work: [(slot: Int, chapter: Chapter, key: String)], toolchain: Toolchain,
                               cache: ReportCache, warnings: [Int: [Diagnostic]]) throws -> [Int: ChapterReport] {
        let next = Locked(0)
        let done = Locked<[Int: ChapterReport]>([:])
        let failure = Locked<Error?>(nil)
        let workers = max(1, min(options.jobs, work.count))
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while failure.value == nil {
                let index = next.mutate { value -> Int in
                    defer { value += 1 }
                    return value
                }
                guard index < work.count else { return }
                let item = work[index]
                // Per process, so two checks of the same chapter at once do not share files.
                let folder = project.cacheFolder + "/work/" + String(item.key.prefix(16)) + "-\(ProcessInfo.processInfo.processIdentifier)"

                let run = ChapterRun(chapter: item.chapter, toolchain: toolchain, options: options, workFolder: folder, progress: progress)
                do {
                    let outcome = try run.run()
                    try? FileManager.default.removeItem(atPath: folder)
                    let report = ChapterReport(path: item.chapter.path, chapter: item.chapter, blocks: outcome.blocks,
                                               checks: outcome.checks, diagnostics: (warnings[item.slot] ?? []) + outcome.diagnostics)
                    cache.store(report, key: item.key)
                    done.mutate { $0[item.slot] = report }
                    progress(.finished(report))
                } catch {
                    failure.mutate { $0 = error }
                }
            }
        }
        if let error = failure.value { throw error }
        return done.value
    }
}
