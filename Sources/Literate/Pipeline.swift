import Foundation

/// One `book check` in progress: turns parsed chapters into reports.
struct Pipeline: Sendable {
    let project: Project
    let options: CheckOptions
    let progress: @Sendable (CheckProgress) -> Void

    func check(_ chapters: [(path: String, chapter: Chapter?, diagnostics: [Diagnostic])]) throws -> [ChapterReport] {
        chapters.map { ChapterReport(path: $0.path, chapter: $0.chapter, diagnostics: $0.diagnostics) }
    }
}
