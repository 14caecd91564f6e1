import ArgumentParser
import Foundation
import Literate
import Site

/// `book watch [FILE.md ...]`: check, then check again each time a chapter is saved, printing
/// what `book check` prints, and keep `_site/` up to date with pages that reload themselves.
struct Watch: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check the chapters, then again each time one is saved, and keep _site/ up to date; Ctrl-C stops.",
        discussion: "Pages opened from _site/ reload themselves while watch runs; book build writes them without that script."
    )

    @Argument(help: "Chapter files to watch (default: every .md file in chapters/, new ones included).")
    var files: [String] = []

    @OptionGroup var limits: ChapterLimits

    @Flag(help: "Only check; leave _site/ alone.")
    var noSite = false

    func run() throws {
        let project = try BookCommand.environment { try Project.locate() }
        let root = URL(fileURLWithPath: project.root)
        let format = ReportFormat.choose(nil, environment: ProcessInfo.processInfo.environment)
        let here = FileManager.default.currentDirectoryPath
        // Each round reads and parses each file once: the check and the site read that value.
        let session = WatchSession(paths: files, project: project, readsBook: !noSite) { chapters in
            try BookCommand.check(chapters, limits: limits)
        }
        let watcher = FileWatcher(folders: session.folders())
        let how = watcher.usesInotify ? "inotify" : "polling"
        FileHandle.standardError.write(Data("watching \(watcher.folders.joined(separator: ", ")) (\(how)); Ctrl-C stops\n".utf8))
        session.run(watcher: watcher, handle: { round in
            if !round.changed.isEmpty {
                print("--- \(Watch.clock()) changed: " + round.changed.map { ($0 as NSString).lastPathComponent }.joined(separator: ", "))
            }
            print(format.render(round.reports, root: project.root, currentDirectory: here), terminator: "")
            if !noSite { updateSite(root: root, round: round, session: session) }
            fflush(nil)
        }, failed: { error in
            // BookCommand has printed a problem of the check; one of reading is printed here.
            // The next save tries again.
            if let error = error as? BookError { FileHandle.standardError.write(Data("\(error)\n".utf8)) }
            fflush(nil)
        })
    }

    /// The time of day, `14:03:07`, so an author sees which round is the latest.
    static func clock() -> String {
        var now = time(nil)
        var parts = tm()
        localtime_r(&now, &parts)
        return String(format: "%02d:%02d:%02d", parts.tm_hour, parts.tm_min, parts.tm_sec)
    }

    /// Rewrites the site when a page changed, from the round's reports and the cached reports
    /// of the book's other chapters; a broken link is printed and leaves the site as it was. A
    /// round of chapters outside the book leaves the book's site alone.
    private func updateSite(root: URL, round: WatchSession.Round, session: WatchSession) {
        do {
            let others = limits
            guard let book = round.book, let reports = try session.siteReports(for: round, check: { try BookCommand.check($0, limits: others) }) else {
                print("_site/ left alone: \(round.reports.map(\.path).joined(separator: ", ")) is not in chapters/")
                return
            }
            let update = try SiteBuild(root: root).update(book: book, reports: reports)
            let here = URL(fileURLWithPath: FileManager.default.currentDirectoryPath).standardizedFileURL.path
            let path = update.summary.start.path
            let start = path.hasPrefix(here + "/") ? String(path.dropFirst(here.count + 1)) : path
            let pages = update.written.filter { $0.hasSuffix(".html") }.count
            print(pages == 0 ? "_site/ unchanged; open \(start)" : "updated \(pages) of \(update.htmlPages) pages; open \(start)")
        } catch {
            print(error)
        }
    }
}
