import Foundation

/// `book watch` as a loop: check the chapters once, then check again whenever one of them is
/// saved, until told to stop.
///
/// Every round checks every watched chapter through the content-addressed cache, so only the
/// chapters that changed are compiled and run, and each round's reports are exactly what
/// `book check` would give at that moment. With no paths given, the chapters are every `.md`
/// file in `chapters/`, looked up again each round, so a new chapter joins the watch.
public struct WatchSession {
    /// One round: the reports of every watched chapter, in order, and what set it off.
    public struct Round {
        /// Every watched chapter's report.
        public var reports: [ChapterReport]
        /// The chapter paths whose files changed (as given or as `chapters/` lists them); empty
        /// for the first round.
        public var changed: [String]
    }

    /// The chapters given (empty: every chapter of the project).
    public var paths: [String]
    public var project: Project
    /// Checks the paths: `Checker.check` with the user's options, usually.
    public var check: ([String]) throws -> [ChapterReport]

    public init(paths: [String], project: Project, check: @escaping ([String]) throws -> [ChapterReport]) {
        self.paths = paths
        self.project = project
        self.check = check
    }

    /// The chapters watched now.
    public func currentPaths() -> [String] {
        paths.isEmpty ? project.chapterPaths() : paths
    }

    /// The folders to watch: `chapters/`, or the folders of the chapters given.
    public func folders() -> [String] {
        if paths.isEmpty { return [project.chaptersFolder] }
        return paths.map { URL(fileURLWithPath: $0).standardizedFileURL.deletingLastPathComponent().path }
    }

    /// Checks once, hands the round to `handle`, then waits for saves and does the same after
    /// each, while `keepGoing` says so (asked at least twice a second). A check that throws
    /// (a chapter file removed, the compiler gone) is passed to `failed`; the watch goes on.
    public func run(watcher: FileWatcher? = nil, keepGoing: () -> Bool = { true },
                    handle: (Round) -> Void, failed: (Error) -> Void = { _ in }) {
        let watcher = watcher ?? FileWatcher(folders: folders())
        func round(changed: [String]) {
            do {
                handle(Round(reports: try check(currentPaths()), changed: changed))
            } catch {
                failed(error)
            }
        }
        round(changed: [])
        while keepGoing() {
            let saved = watcher.waitForChanges(timeout: 0.5)
            guard !saved.isEmpty else { continue }
            let watched = currentPaths()
            let changed = watched.filter { saved.contains(URL(fileURLWithPath: $0).standardizedFileURL.path) }
            // A save of some other Markdown file in the folder is not a reason to check.
            if changed.isEmpty && (!paths.isEmpty || saved.allSatisfy { FileManager.default.fileExists(atPath: $0) }) { continue }
            round(changed: changed)
        }
    }

    /// The reports `book watch` renders the site from after a round: one per chapter of the
    /// book (`chapters/`), those of the round as they are, every other from `check` (through the
    /// cache: an unchanged chapter is not run again), so no page loses its figures or checked
    /// numbers because its chapter was not watched. nil when the round holds no chapter of the
    /// book (a chapter outside it was watched): then the book's `_site/` is not the round's to write.
    public func siteReports(for round: [ChapterReport], check: ([String]) throws -> [ChapterReport]) throws -> [ChapterReport]? {
        let book = project.chapterPaths()
        let real = { (path: String) in Checker.realPath(path) }
        let checked = Dictionary(round.map { (real($0.path), $0) }, uniquingKeysWith: { first, _ in first })
        guard book.contains(where: { checked[real($0)] != nil }) else { return nil }
        let missing = book.filter { checked[real($0)] == nil }
        let others = missing.isEmpty ? [] : try check(missing)
        let fetched = Dictionary(others.map { (real($0.path), $0) }, uniquingKeysWith: { first, _ in first })
        return book.compactMap { checked[real($0)] ?? fetched[real($0)] }
    }
}
