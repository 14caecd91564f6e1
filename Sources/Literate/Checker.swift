import Foundation

/// Settings for one `book check`.
public struct CheckOptions: Hashable, Sendable {
    /// Seconds a chapter's program may run before it is stopped and reported as a hang.
    public var timeout: Double
    /// How many chapters compile and run at the same time.
    public var jobs: Int
    /// Whether unchanged chapters may be answered from the cache in `.build/book/`.
    public var useCache: Bool
    /// Bytes of standard output a chapter may print before it is stopped.
    public var outputLimit: Int

    /// Checks the values a user can give: a time limit of more than 0 and at most a day (not
    /// NaN or infinite), from 1 to 256 jobs.
    public func validate() throws {
        guard timeout.isFinite, timeout > 0, timeout <= 86_400 else {
            let written = timeout.isFinite && timeout == timeout.rounded() ? String(Int(timeout)) : "\(timeout)"
            throw BookError.badOption("--timeout", written, "a number of seconds above 0 and at most 86400, e.g. --timeout 30")
        }
        guard (1...256).contains(jobs) else {
            throw BookError.badOption("--jobs", "\(jobs)", "a whole number from 1 to 256, e.g. --jobs 2")
        }
    }

    public init(timeout: Double = 10, jobs: Int = max(1, ProcessInfo.processInfo.activeProcessorCount),
                useCache: Bool = true, outputLimit: Int = 4 << 20) {
        self.timeout = timeout
        self.jobs = jobs
        self.useCache = useCache
        self.outputLimit = outputLimit
    }
}

/// What the checker is doing, for a progress display.
public enum CheckProgress: Sendable {
    /// The libraries chapter code links against are being compiled (first run only).
    case compilingLibraries
    /// A chapter started a stage ("compiling", "running").
    case started(path: String, stage: String)
    /// A chapter is done.
    case finished(ChapterReport)
}

/// Checks chapters: parse, generate one program per chapter, compile, run, compare, diagnose.
///
/// Chapters run in parallel, one process each; an unchanged chapter is answered from the
/// content-addressed cache in `.build/book/` without compiling or running anything.
public struct Checker: Sendable {
    public var project: Project
    public var options: CheckOptions

    public init(project: Project, options: CheckOptions = CheckOptions()) {
        self.project = project
        self.options = options
    }

    /// Checks `paths` (every chapter in `chapters/` when empty); one report per chapter, in the
    /// order given. Reads and parses each file once. Throws only for problems that stop
    /// everything (a missing file, no compiler).
    public func check(paths: [String], progress: @escaping @Sendable (CheckProgress) -> Void = { _ in }) throws -> [ChapterReport] {
        try options.validate()
        var paths = paths.isEmpty ? project.chapterPaths() : paths
        guard !paths.isEmpty else { throw BookError.noChapters(Project.display(project.chaptersFolder, from: FileManager.default.currentDirectoryPath)) }
        // A file named twice (or by two spellings) is checked once: two runs would share one work folder.
        var seen = Set<String>()
        paths = paths.filter { seen.insert(URL(fileURLWithPath: $0).standardizedFileURL.resolvingSymlinksInPath().path).inserted }
        return try check(paths.map { try ChapterParser.read(path: $0) }, progress: progress)
    }

    /// Checks chapters already read and parsed (`ParsedBook.read` for the whole book); one report per
    /// chapter, in order. Nothing is read or parsed again: the math is checked from each
    /// chapter's math sources, on other threads while the chapters are compiled and run.
    public func check(_ chapters: [ParsedChapter], progress: @escaping @Sendable (CheckProgress) -> Void = { _ in }) throws -> [ChapterReport] {
        try options.validate()
        let math = MathCheck.checkInBackground(chapters)
        let run = Pipeline(project: project, options: options, progress: progress, toolchain: toolchain)
        let reports = try run.check(chapters.map { ($0.path, $0.chapter, $0.diagnostics) })
        return zip(reports, math()).map { $0.adding($1) }
    }

    /// Writes every chapter's code as one program, `<folder>/main.swift`, and returns the
    /// swiftc command (flags as `book check` uses them) that compiles it: the benchmark's baseline.
    public func writeSingleFileBaseline(paths: [String], folder: String) throws -> [String] {
        let paths = paths.isEmpty ? project.chapterPaths() : paths
        let chapters = try paths.compactMap { try ChapterParser.read(path: $0).chapter }
        let toolchain = try self.toolchain ?? Toolchain.prepare(project: project) {}
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try Program.singleFile(chapters).write(toFile: folder + "/main.swift", atomically: true, encoding: .utf8)
        return [toolchain.swiftc] + toolchain.chapterFlags + ["-g", "-o", folder + "/program"] + toolchain.linkFlags + [folder + "/main.swift"]
    }

    /// The compiler and libraries to use; nil to find and build them on first need. Tests set it
    /// so that one set of libraries serves every check even while Learning is being edited.
    var toolchain: Toolchain?
}
