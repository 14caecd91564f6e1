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
    /// Bytes of memory (address space) a chapter's program may use; an allocation beyond it fails.
    public var memoryLimit: Int

    /// The memory limit when none is given: 4 GiB, far above what the chapters use (under
    /// 1 GiB of address space), far below what takes a machine down.
    public static let defaultMemoryLimit = 4 << 30

    /// Checks the values a user can give: a time limit of more than 0 and at most a day (not
    /// NaN or infinite), from 1 to 256 jobs, a memory limit from 256 MiB to 1 TiB.
    public func validate() throws {
        guard timeout.isFinite, timeout > 0, timeout <= 86_400 else {
            // Written back as given, without converting to Int (1e19 does not fit in one).
            let written = timeout.isFinite && timeout == timeout.rounded() && abs(timeout) < 1e15 ? String(Int(timeout)) : "\(timeout)"
            throw BookError.badOption("--timeout", written, "a number of seconds above 0 and at most 86400, e.g. --timeout 30")
        }
        guard (1...256).contains(jobs) else {
            throw BookError.badOption("--jobs", "\(jobs)", "a whole number from 1 to 256, e.g. --jobs 2")
        }
        guard ((256 << 20)...(1 << 40)).contains(memoryLimit) else {
            throw BookError.badOption("--memory", "\(memoryLimit >> 20)", "a number of megabytes from 256 to 1048576, e.g. --memory 8192")
        }
    }

    public init(timeout: Double = 10, jobs: Int = max(1, ProcessInfo.processInfo.activeProcessorCount),
                useCache: Bool = true, outputLimit: Int = 4 << 20, memoryLimit: Int = CheckOptions.defaultMemoryLimit) {
        self.timeout = timeout
        self.jobs = jobs
        self.useCache = useCache
        self.outputLimit = outputLimit
        self.memoryLimit = memoryLimit
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
        // One path per chapter: a link is the file it names, so it runs in that file's folder
        // with that file's data, whatever name it was given by.
        paths = paths.map(Checker.realPath)
        // A file named twice (or by two spellings) is checked once: two runs would share one work folder.
        var seen = Set<String>()
        paths = paths.filter { seen.insert(URL(fileURLWithPath: $0).standardizedFileURL.path).inserted }
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

    /// `path` with every symbolic link resolved, relative to the current folder when it lies
    /// below it; as given when no link is involved, or when it does not exist (reading it then
    /// says so).
    static func realPath(_ path: String) -> String {
        guard let resolved = realpath(path, nil) else { return path }
        defer { free(resolved) }
        let real = String(cString: resolved)
        if URL(fileURLWithPath: path).standardizedFileURL.path == real { return path }
        return Project.display(real, from: FileManager.default.currentDirectoryPath)
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
