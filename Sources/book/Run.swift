import ArgumentParser
import Foundation
import Literate

/// `book run CHAPTER`: run one chapter's code and print what each block prints; each figure it
/// draws is written to `.build/figures/<chapter>/figure-N.M.svg` and its path printed.
struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run one chapter's code and print its output, block by block.")

    @Argument(help: "The chapter: a path, a file name in chapters/, or its number (e.g. 4).")
    var chapter: String

    @OptionGroup var limits: ChapterLimits

    func run() throws {
        let project = try BookCommand.environment { try Project.locate() }
        let path = try BookCommand.environment { try project.resolveChapter(chapter) }
        let reports = try BookCommand.check([path], limits: limits, useCache: true)
        let here = FileManager.default.currentDirectoryPath
        for report in reports {
            // Every figure as a file, numbered as the website numbers it; printed after its block.
            let name = URL(fileURLWithPath: report.path).deletingPathExtension().lastPathComponent
            let folder = URL(fileURLWithPath: project.root).appendingPathComponent(".build/figures/\(name)")
            var files = try FigureFiles.write(report, chapter: FigureFiles.chapterNumber(of: report.path), to: folder)[...]
            for block in report.blocks.sorted(by: { $0.line < $1.line }) where block.ran {
                print("--- \(report.path):\(block.line) ---")
                print(block.output, terminator: "")
                for figure in block.figures {
                    for _ in 0..<max(1, figure.frames.count) {
                        guard let file = files.popFirst() else { break }
                        let shown = file.path.hasPrefix(here + "/") ? String(file.path.dropFirst(here.count + 1)) : file.path
                        print("[figure \(file.number): \(file.caption)] \(shown)")
                    }
                }
                if let trap = block.trap { print("[trapped: \(trap)]") }
            }
            for diagnostic in report.diagnostics { print(diagnostic) }
        }
        if reports.contains(where: { !$0.passed }) { throw ExitCode(1) }
    }
}
