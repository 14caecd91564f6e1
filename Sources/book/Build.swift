import ArgumentParser
import Dispatch
import Foundation
import Literate
import Site

/// `book build`: check every chapter (through the cache), then render the website into
/// `_site/`, and print the page to open. A chapter that fails leaves the old site as it was.
struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check the chapters, then render them as a website in _site/."
    )

    @OptionGroup var limits: ChapterLimits

    func run() throws {
        // The book is read and parsed once: the check and the site both read this value.
        let book = try BookCommand.environment { try ParsedBook.read(project: Project.locate()) }
        let reports = try BookCommand.check(book.checked, limits: limits)
        for report in reports {
            for diagnostic in report.diagnostics { print(diagnostic) }
        }
        guard reports.allSatisfy(\.passed) else {
            print(ChapterReport.summary(reports) + "; the site was not changed")
            throw ExitCode(1)
        }
        let project = try Project.locate()
        let root = URL(fileURLWithPath: project.root)
        let here = URL(fileURLWithPath: FileManager.default.currentDirectoryPath).standardizedFileURL.path
        let started = DispatchTime.now().uptimeNanoseconds
        let startedCPU = clock()
        let summary: SiteBuild.Summary
        // The symbols are read once, for the reference pages and the undocumented-symbol warnings.
        let symbols = BookCommand.libraryReference(project)
        var referenceWarnings: [String] = []
        do {
            var site = SiteBuild(root: root)
            site.reference = symbols.index
            do {
                site.codeReferences = try CodeReferences.load(book.checked, project: project)
            } catch {
                referenceWarnings.append("warning: the names in the chapters' code are not linked to the reference: \(error)")
            }
            summary = try site.run(book: book, reports: reports)
        } catch let error as SiteError where error.isWriteFailure {
            // Not the chapters' fault: a setup problem, exit status 2.
            FileHandle.standardError.write(Data("\(error)\n".utf8))
            throw ExitCode(2)
        } catch {
            print(error)
            throw ExitCode(1)
        }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
        // Processor time too: on a busy machine the wall time mostly measures the others.
        let cpu = Double(clock() - startedCPU) / Double(CLOCKS_PER_SEC)
        for warning in summary.warnings { print(warning) }
        for warning in symbols.warnings + referenceWarnings { print(warning) }
        if !summary.hasKaTeX { print(KaTeX.installHint) }
        if !summary.hasSearch { print(LunrIndex.installHint) }
        print(ChapterReport.summary(reports))
        print("rendered \(summary.pages) pages in \(String(format: "%.3f", seconds)) s (\(String(format: "%.3f", cpu)) s of processor time)")
        let start = summary.start.path.hasPrefix(here + "/") ? String(summary.start.path.dropFirst(here.count + 1)) : summary.start.path
        print("open \(start)")
    }
}
