import ArgumentParser
import Foundation
import Literate

/// `book run CHAPTER`: run one chapter's code and print what each block prints.
struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run one chapter's code and print its output, block by block.")

    @Argument(help: "The chapter: a path, a file name in chapters/, or its number (e.g. 4).")
    var chapter: String

    @OptionGroup var limits: ChapterLimits

    func run() throws {
        let path = try BookCommand.environment { try Project.locate().resolveChapter(chapter) }
        let reports = try BookCommand.check([path], limits: limits, useCache: true)
        for report in reports {
            for block in report.blocks where block.ran {
                print("--- \(report.path):\(block.line) ---")
                print(block.output, terminator: "")
                for figure in block.figures {
                    print(figure.frames.isEmpty ? "[figure: \(figure.caption)]"
                                                : "[figure in \(figure.frames.count) frames over \(figure.parameter): \(figure.caption)]")
                }
                if let trap = block.trap { print("[trapped: \(trap)]") }
            }
            for diagnostic in report.diagnostics { print(diagnostic) }
        }
        if reports.contains(where: { !$0.passed }) { throw ExitCode(1) }
    }
}
