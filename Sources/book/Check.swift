import ArgumentParser
import Foundation
import Literate

/// `book check [FILE.md ...]`: compile, run and check chapters; print every problem.
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Compile and run every chapter's code and check it against the numbers in the text.",
        discussion: "Exit status: 0 when everything holds, 1 when a check fails, 2 for a usage or setup problem."
    )

    @Argument(help: "Chapter files to check (default: every .md file in chapters/).")
    var files: [String] = []

    @Option(help: "Seconds each chapter's program may run before it counts as a hang.")
    var timeout: Double = 10

    @Option(help: "How many chapters to compile and run at once (default: one per core).")
    var jobs: Int?

    @Flag(help: "Compile and run every chapter even if it is unchanged since the last check.")
    var noCache = false

    @Option(help: ArgumentHelp("Write all the chapters' code as one program into this folder and print the swiftc command that compiles it (the benchmark's baseline); check nothing.", visibility: .hidden))
    var emitBaseline: String?

    func run() throws {
        if let folder = emitBaseline {
            let command = try BookCommand.environment { try Checker(project: Project.locate()).writeSingleFileBaseline(paths: files, folder: folder) }
            print(command.map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }.joined(separator: " "))
            return
        }
        let reports = try BookCommand.check(files, timeout: timeout, jobs: jobs, useCache: !noCache)
        for report in reports {
            for diagnostic in report.diagnostics { print(diagnostic) }
        }
        print(ChapterReport.summary(reports))
        if reports.contains(where: { !$0.passed }) { throw ExitCode(1) }
    }
}

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

    static func check(_ files: [String], timeout: Double, jobs: Int?, useCache: Bool) throws -> [ChapterReport] {
        try environment {
            let project = try Project.locate()
            var options = CheckOptions(timeout: timeout, useCache: useCache)
            if let jobs { options.jobs = jobs }
            let paths = files.isEmpty ? project.chapterPaths() : files
            let display = ProgressDisplay(total: paths.count)
            defer { display.clear() }
            return try Checker(project: project, options: options).check(paths: paths) { display.update($0) }
        }
    }
}
