import Foundation

/// The report as one JSON document, for editors and other CI systems.
///
/// Schema (version 1; keys sorted, so the document is byte-stable):
/// `{"chapters": [{"cached", "diagnostics": [{"column", "file", "line", "message",
/// "severity"}], "path", "status"}], "status", "summary", "version"}`; a status is
/// `"passed"` or `"failed"`, a severity `"error"`, `"warning"` or `"note"`, and `summary`
/// is `ChapterReport.summary`. The README documents each field.
public enum JSONFormat {
    /// The schema's version; raised when a field changes meaning or disappears.
    public static let version = 1

    struct Document: Encodable {
        var version: Int
        var status: String
        var summary: String
        var chapters: [ChapterEntry]
    }

    struct ChapterEntry: Encodable {
        var path: String
        var status: String
        var cached: Bool
        var diagnostics: [DiagnosticEntry]
    }

    struct DiagnosticEntry: Encodable {
        var file: String
        var line: Int
        var column: Int
        var severity: String
        var message: String
    }

    /// The document, pretty-printed, ending with a newline.
    public static func render(_ reports: [ChapterReport]) -> String {
        let chapters = reports.map { report in
            ChapterEntry(path: report.path, status: status(report.passed), cached: report.isCached,
                         diagnostics: report.diagnostics.map {
                             DiagnosticEntry(file: $0.path, line: $0.line, column: $0.column,
                                             severity: $0.severity.rawValue, message: $0.message)
                         })
        }
        let document = Document(version: version, status: status(reports.allSatisfy(\.passed)),
                                summary: ChapterReport.summary(reports), chapters: chapters)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // Encoding strings, numbers and booleans cannot fail.
        let data = (try? encoder.encode(document)) ?? Data()
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    private static func status(_ passed: Bool) -> String { passed ? "passed" : "failed" }
}
