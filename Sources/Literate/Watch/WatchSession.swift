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
        /// The book as this round read it, the watched chapters among its files (nil when the
        /// session does not read the book, or no watched chapter is in it): the site is
        /// rendered from it, so nothing is read or parsed twice in a round.
        public var book: ParsedBook?
    }

    /// The chapters given (empty: every chapter of the project).
    public var paths: [String]
    public var project: Project
    /// Whether each round reads the whole book (for the site) rather than the watched chapters only.
    public var readsBook = false
    /// Reads a file's bytes, given its path: `ChapterParser.contents`, or a test's counter.
    public var read: (String) throws -> [UInt8] = ChapterParser.contents
    /// How a round is checked.
    var checking: Checking

    /// Given the watched paths, or the chapters the round read and parsed.
    enum Checking {
        case paths(([String]) throws -> [ChapterReport])
        case parsed(([ParsedChapter]) throws -> [ChapterReport])
    }

    /// A session whose `check` reads the watched paths itself (`Checker.check(paths:)`, or a
    /// reading of its own); its rounds have no `book`.
    public init(paths: [String], project: Project, check: @escaping ([String]) throws -> [ChapterReport]) {
        self.paths = paths
        self.project = project
        checking = .paths(check)
    }

    /// A session that reads and parses each watched chapter once a round (with `read`), and
    /// every file of the book too when `readsBook` (for the site: the round's `book`), and
    /// hands `checkChapters` the parsed chapters (`Checker.check(_:)`).
    public init(paths: [String], project: Project, readsBook: Bool,
                read: @escaping (String) throws -> [UInt8] = ChapterParser.contents,
                checkChapters: @escaping ([ParsedChapter]) throws -> [ChapterReport]) {
        self.paths = paths
        self.project = project
        self.readsBook = readsBook
        self.read = read
        checking = .parsed(checkChapters)
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
                switch checking {
                case .paths(let check):
                    handle(Round(reports: try check(currentPaths()), changed: changed, book: nil))
                case .parsed(let check):
                    let (chapters, book) = try readRound()
                    handle(Round(reports: try check(chapters), changed: changed, book: book))
                }
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

    /// Reads and parses each watched chapter once, as `Checker.check(paths:)` would name it (its
    /// real path, each file once), and, when the session reads the book and a watched chapter is
    /// in it, every other file of the book too, once, the watched ones named as watched.
    func readRound() throws -> (chapters: [ParsedChapter], book: ParsedBook?) {
        var seen = Set<String>()
        let watched = currentPaths().map(Checker.realPath).filter { seen.insert(Self.key($0)).inserted }
        guard readsBook else { return (try watched.map { ChapterParser.parse(data: try read($0), path: $0) }, nil) }
        let files = BookFile.list(chaptersFolder: project.chaptersFolder)
        let here = FileManager.default.currentDirectoryPath
        let bookPaths = files.map { Project.display(project.chaptersFolder + "/" + $0.name, from: here) }
        let spelled = Dictionary(watched.map { (Self.key($0), $0) }, uniquingKeysWith: { first, _ in first })
        guard bookPaths.contains(where: { spelled[Self.key($0)] != nil }) else {
            return (try watched.map { ChapterParser.parse(data: try read($0), path: $0) }, nil)
        }
        var parsed: [String: ParsedChapter] = [:]
        let chapters = try bookPaths.map { path in
            let name = spelled[Self.key(path)] ?? path
            let chapter = ChapterParser.parse(data: try read(name), path: name)
            parsed[Self.key(path)] = chapter
            return chapter
        }
        let outside = try watched.filter { parsed[Self.key($0)] == nil }.map { ChapterParser.parse(data: try read($0), path: $0) }
        let inside = Dictionary(outside.map { (Self.key($0.path), $0) }, uniquingKeysWith: { first, _ in first })
        return (watched.compactMap { parsed[Self.key($0)] ?? inside[Self.key($0)] }, ParsedBook(files: files, chapters: chapters))
    }

    /// One spelling per file: its real, absolute path.
    static func key(_ path: String) -> String {
        URL(fileURLWithPath: Checker.realPath(path)).standardizedFileURL.path
    }

    /// The reports `book watch` renders the site from after a round: one per chapter the book
    /// checks (`ParsedBook.checked`), those of the round as they are, every other checked by
    /// `check` from the round's parsed book (through the cache: an unchanged chapter is not run
    /// again), so no page loses its figures or checked numbers because its chapter was not
    /// watched. nil when the round has no book (a chapter outside it was watched): then the
    /// book's `_site/` is not the round's to write.
    public func siteReports(for round: Round, check: ([ParsedChapter]) throws -> [ChapterReport]) throws -> [ChapterReport]? {
        guard let book = round.book else { return nil }
        let checked = Dictionary(round.reports.map { (Self.key($0.path), $0) }, uniquingKeysWith: { first, _ in first })
        let chapters = book.checked
        guard chapters.contains(where: { checked[Self.key($0.path)] != nil }) else { return nil }
        let missing = chapters.filter { checked[Self.key($0.path)] == nil }
        let others = missing.isEmpty ? [] : try check(missing)
        let fetched = Dictionary(others.map { (Self.key($0.path), $0) }, uniquingKeysWith: { first, _ in first })
        return chapters.compactMap { checked[Self.key($0.path)] ?? fetched[Self.key($0.path)] }
    }
}
