import ArgumentParser
import Foundation
import Literate

/// What `check` and `run` share: turning options into a checker, and environment problems into exit status 2.
enum BookCommand {
    /// Runs `body`; a `BookError` is printed and becomes exit status 2.
    static func environment<Result>(_ body: () throws -> Result) throws -> Result {
        do {
            return try body()
        } catch let error as BookError {
            FileHandle.standardError.write(Data("\(error)\n".utf8))
            throw ExitCode(2)
        }
    }

    /// Says once per run of `book`, on standard error, when chapter code cannot be confined here.
    static func sayOnceIfUnconfined() {
        guard let problem = Sandbox.problem, !saidUnconfined else { return }
        saidUnconfined = true
        FileHandle.standardError.write(Data("note: \(problem)\n".utf8))
    }
    nonisolated(unsafe) private static var saidUnconfined = false

    /// Checks `files` (every chapter when empty), only those of `shard` when given, with a
    /// progress display on standard error.
    static func check(_ files: [String], shard: Shard? = nil, limits: ChapterLimits, useCache: Bool) throws -> [ChapterReport] {
        try environment {
            let project = try Project.locate()
            var options = limits.options
            options.useCache = useCache
            var paths = files.isEmpty ? project.chapterPaths() : files
            if let shard, !paths.isEmpty {
                paths = shard.select(paths)
                // A shard left with no chapter (more shards than chapters) checks nothing; the
                // checker would read an empty list as every chapter.
                if paths.isEmpty { return [] }
            }
            let display = ProgressDisplay(total: paths.count)
            defer { display.clear() }
            let reports = try Checker(project: project, options: options).check(paths: paths) { display.update($0) }
            sayOnceIfUnconfined()
            return reports
        }
    }

    /// Checks chapters already parsed (through the cache), with a progress display on
    /// standard error; no chapter at all is a setup problem.
    static func check(_ chapters: [ParsedChapter], limits: ChapterLimits) throws -> [ChapterReport] {
        try environment {
            let project = try Project.locate()
            guard !chapters.isEmpty else {
                throw BookError.noChapters(Project.display(project.chaptersFolder, from: FileManager.default.currentDirectoryPath))
            }
            let display = ProgressDisplay(total: chapters.count)
            defer { display.clear() }
            let reports = try Checker(project: project, options: limits.options).check(chapters) { display.update($0) }
            sayOnceIfUnconfined()
            return reports
        }
    }
}
