import Foundation

/// The report as GitHub Actions workflow commands, which a pull request shows inline at the
/// Markdown line: `::error file=chapters/x.md,line=12,col=5,title=book check::message`.
///
/// Errors become `::error`, warnings `::warning`, notes `::notice`; the compiler's notes and
/// fix-its under an error or a warning are lines of its annotation; the summary closes the
/// report as a plain line in the log. Escaping follows GitHub's rules: in a message `%`, CR
/// and LF become `%25`, `%0D`, `%0A`; in a property `:` and `,` are escaped too.
public struct GitHubFormat: Sendable {
    /// The repository's folder: annotation paths are relative to it.
    public var root: String
    /// The folder the reports' relative paths start from.
    public var currentDirectory: String

    public init(root: String, currentDirectory: String) {
        self.root = root
        self.currentDirectory = currentDirectory
    }

    /// One workflow command per diagnostic, then `ChapterReport.summary`.
    public func render(_ reports: [ChapterReport]) -> String {
        var out = ""
        for report in reports {
            for diagnostic in report.diagnostics { out += command(for: diagnostic) + "\n" }
        }
        return out + ChapterReport.summary(reports) + "\n"
    }

    /// `::error file=…,line=…,col=…,title=book check::message` for one diagnostic.
    public func command(for diagnostic: Diagnostic) -> String {
        let kind: String
        switch diagnostic.severity {
        case .error: kind = "error"
        case .warning: kind = "warning"
        case .note: kind = "notice"
        }
        let properties = [
            "file=" + Self.escapeProperty(repositoryPath(diagnostic.path)),
            "line=\(diagnostic.line)",
            "col=\(diagnostic.column)",
            "title=" + Self.escapeProperty("book check"),
        ]
        // The annotation shows at the message's line; its notes and fix-its go with it.
        let text = ([diagnostic.message + diagnostic.fixIts.map { " (\($0))" }.joined()]
            + diagnostic.notes.map { "note: \($0.message)" + $0.fixIts.map { " (\($0))" }.joined() + Self.place($0, diagnostic) })
            .joined(separator: "\n")
        return "::\(kind) \(properties.joined(separator: ","))::\(Self.escapeMessage(text))"
    }

    /// ` (line 3, column 5)` for a note that points elsewhere than its message.
    private static func place(_ note: Diagnostic.Note, _ diagnostic: Diagnostic) -> String {
        note.location == diagnostic.location ? "" : " (line \(note.line), column \(note.column))"
    }

    /// `path` relative to the repository's root when it lies inside it, else unchanged.
    func repositoryPath(_ path: String) -> String {
        let absolute = path.hasPrefix("/") ? path : currentDirectory + "/" + path
        let standard = URL(fileURLWithPath: absolute).standardizedFileURL.path
        let base = URL(fileURLWithPath: root).standardizedFileURL.path
        let prefix = base.hasSuffix("/") ? base : base + "/"
        return standard.hasPrefix(prefix) ? String(standard.dropFirst(prefix.count)) : path
    }

    /// A message with `%`, CR and LF escaped.
    static func escapeMessage(_ text: String) -> String {
        text.replacingOccurrences(of: "%", with: "%25")
            .replacingOccurrences(of: "\r", with: "%0D")
            .replacingOccurrences(of: "\n", with: "%0A")
    }

    /// A property value with `:` and `,` escaped as well.
    static func escapeProperty(_ text: String) -> String {
        escapeMessage(text).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }
}
