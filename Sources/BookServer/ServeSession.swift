import Foundation
import Literate
import Site

/// `book serve` from start to Ctrl-C: listen, check the book (through the cache), render the
/// served site, serve its pages and print the address; then, each time a chapter is saved, check again (as
/// `book watch` does, with its `WatchSession`), render again and tell the open pages that
/// changed to reload.
public final class ServeSession: @unchecked Sendable {
    public struct Settings: Sendable {
        public var address = "127.0.0.1"
        public var port: UInt16 = 0
        public var options = CheckOptions()
        public var open = false
        public init() {}
    }

    public let project: Project
    public let settings: Settings
    private let lock = NSLock()
    private var chapters: [String: (parsed: ParsedChapter, report: ChapterReport)] = [:]
    private var book: ParsedBook?

    public init(project: Project, settings: Settings) {
        self.project = project
        self.settings = settings
    }

    /// The chapter a page shows as the latest round parsed it, with its report.
    func chapter(forPage page: String) -> (parsed: ParsedChapter, report: ChapterReport)? {
        lock.withLock { chapters[page] }
    }

    /// Runs until the process is stopped. Each round reads and parses the book once
    /// (`ParsedBook`); `check` checks its chapters (with a progress display), the site is
    /// rendered from the same value, and runs read the same parsed chapters.
    public func run(check: @escaping (ParsedBook) throws -> [ChapterReport], print say: @escaping (String) -> Void) throws {
        let root = URL(fileURLWithPath: project.root)
        let serveFolder = project.cacheFolder + "/serve"
        let token = AccessPolicy.newToken()
        let site = ServedSite(root: root, output: URL(fileURLWithPath: serveFolder + "/site"), token: token)
        let project = self.project
        let options = settings.options
        let server = try BookServer(address: settings.address, port: settings.port, siteFolder: serveFolder + "/site",
                                    scratchFolder: serveFolder + "/runs", token: token,
                                    handlerTimeout: options.timeout + 900,
                                    chapter: { [weak self] page in self?.chapter(forPage: page) },
                                    runner: { run, scratch in try run.run(project: project, options: options, scratch: scratch) })
        // Listening comes first, before the first check (which can take minutes on a cold
        // cache): a port in use is said at once, and pages asked for meanwhile are told to wait.
        let port: Int
        switch Self.wait({ try await server.start(servingPages: false) }) {
        case .success(let value): port = value
        case .failure(let error):
            say("cannot serve on \(settings.address):\(settings.port): \(error)")
            exit(2)
        }
        if !site.hasCodeMirror {
            say("CodeMirror is not installed: the pages edit code in a plain text box (sudo apt-get install libjs-codemirror for the editor)")
        }
        // The library's reference, read once (symbol graphs are extracted again only when
        // Learning or Plot changed); without it the pages are served without reference links.
        let reference: ReferenceIndex?
        do {
            reference = ReferenceIndex(graphs: try LibrarySymbols.load(project: project).graphs)
        } catch {
            reference = nil
            say("warning: the names in the chapters' code are not linked to the reference: \(error)")
        }
        var serving = false
        let watch = WatchSession(paths: [], project: project) { _ in
            let book = try ParsedBook.read(project: project)
            self.lock.withLock { self.book = book }
            return try check(book)
        }
        watch.run(handle: { round in
            let book = self.lock.withLock { () -> ParsedBook? in
                guard let book = self.book else { return nil }
                var chapters: [String: (parsed: ParsedChapter, report: ChapterReport)] = [:]
                for (parsed, report) in zip(book.checked, round.reports) { chapters[ServeSession.pageName(parsed.path)] = (parsed, report) }
                self.chapters = chapters
                return book
            }
            guard let book else { return }
            for report in round.reports { for diagnostic in report.diagnostics { say("\(diagnostic)") } }
            say(ChapterReport.summary(round.reports))
            do {
                var codeReferences: [String: CodeReferences] = [:]
                if reference != nil {
                    do {
                        codeReferences = try CodeReferences.load(book.checked, project: project)
                    } catch {
                        say("warning: the names in the chapters' code are not linked to the reference: \(error)")
                    }
                }
                let (changed, _) = try site.render(book: book, reports: round.reports, reference: reference, codeReferences: codeReferences)
                if serving {
                    server.reloads.send(changed: changed)
                    if !changed.isEmpty { say("reloaded: " + changed.joined(separator: ", ")) }
                }
            } catch {
                say("\(error)")
            }
            guard !serving else { return }
            serving = true
            server.servePages()
            let host = settings.address.contains(":") ? "[\(settings.address)]" : settings.address
            let address = "http://\(host):\(port)/?token=\(token)"
            say("serving \(address)\nedit and run the examples on the pages; Ctrl-C stops")
            if settings.open { Self.openBrowser(address) }
        }, failed: { error in say("\(error)") })
    }

    /// `06-backpropagation.md` → `06-backpropagation.html`.
    static func pageName(_ path: String) -> String {
        let name = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        return name + ".html"
    }

    /// Runs an async call from synchronous code and waits for it.
    static func wait<T: Sendable>(_ body: @escaping @Sendable () async throws -> T) -> Result<T, Error> {
        let done = DispatchSemaphore(value: 0)
        let result = ResultBox<T>()
        Task {
            do { result.value = .success(try await body()) } catch { result.value = .failure(error) }
            done.signal()
        }
        done.wait()
        return result.value!
    }

    /// Opens the address in the desktop's browser (`xdg-open`, no shell).
    static func openBrowser(_ address: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/xdg-open")
        process.arguments = [address]
        try? process.run()
    }
}

private final class ResultBox<T>: @unchecked Sendable {
    var value: Result<T, Error>?
}
