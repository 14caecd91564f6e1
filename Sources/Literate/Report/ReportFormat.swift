/// How `book check` prints its results: for a person, for GitHub Actions, or as a document
/// another program reads.
///
/// Every format prints the same diagnostics and the same closing summary
/// (`ChapterReport.summary`); the exit status (0, 1, 2) does not depend on the format.
public enum ReportFormat: String, CaseIterable, Sendable {
    /// `path:line:column: error: message` lines, then the summary (the default).
    case text
    /// `::error file=…,line=…,col=…::message` workflow commands, shown inline in a pull request.
    case github
    /// One JSON document: every chapter, its status and its diagnostics (schema in the README).
    case json
    /// JUnit XML: a testsuite per chapter, a testcase per checked block or number.
    case junit

    /// The format to use: the one asked for, else `github` when running in GitHub Actions
    /// (`GITHUB_ACTIONS=true`), else `text`.
    public static func choose(_ requested: ReportFormat?, environment: [String: String]) -> ReportFormat {
        if let requested { return requested }
        return environment["GITHUB_ACTIONS"] == "true" ? .github : .text
    }

    /// The whole report for `reports`, ending with a newline.
    ///
    /// `root` is the repository's folder and `currentDirectory` the folder the paths are
    /// relative to: GitHub wants paths relative to the repository, whatever folder ran the check.
    public func render(_ reports: [ChapterReport], root: String, currentDirectory: String) -> String {
        switch self {
        case .text: return TextFormat.render(reports)
        case .github: return GitHubFormat(root: root, currentDirectory: currentDirectory).render(reports)
        case .json: return JSONFormat.render(reports)
        case .junit: return JUnitFormat.render(reports)
        }
    }
}
