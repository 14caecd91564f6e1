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

    @OptionGroup var limits: ChapterLimits

    @Flag(help: "Compile and run every chapter even if it is unchanged since the last check.")
    var noCache = false

    @Option(help: "How to print the results: text, github (workflow annotations; the default when GITHUB_ACTIONS=true), json or junit.")
    var format: ReportFormat?

    @Option(parsing: .unconditional, help: "Check only shard K of N (e.g. 2/4): N jobs with K = 1...N check every chapter exactly once.",
            transform: { text in
                guard let shard = Shard(text) else { throw ValidationError(Shard.usage) }
                return shard
            })
    var shard: Shard?

    @Flag(help: "List each math side with numbers that the checker cannot read (so its arithmetic is unchecked) as a note at its position.")
    var unreadMath = false

    @Option(help: ArgumentHelp("Write all the chapters' code as one program into this folder and print the swiftc command that compiles it (the benchmark's baseline); check nothing.", visibility: .hidden))
    var emitBaseline: String?

    func run() throws {
        if let folder = emitBaseline {
            let command = try BookCommand.environment { try Checker(project: Project.locate()).writeSingleFileBaseline(paths: files, folder: folder) }
            print(command.map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }.joined(separator: " "))
            return
        }
        let format = ReportFormat.choose(format, environment: ProcessInfo.processInfo.environment)
        var reports = try BookCommand.check(files, shard: shard, limits: limits, useCache: !noCache)
        if unreadMath { reports = reports.map { $0.notingUnreadMath() } }
        let root = try BookCommand.environment { try Project.locate().root }
        print(format.render(reports, root: root, currentDirectory: FileManager.default.currentDirectoryPath), terminator: "")
        if reports.contains(where: { !$0.passed }) { throw ExitCode(1) }
    }
}

extension ReportFormat: ExpressibleByArgument {}
