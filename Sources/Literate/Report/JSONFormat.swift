import Foundation

/// The report as one JSON document, for editors and other CI systems.
///
/// Schema (version 1; keys sorted, so the document is byte-stable):
/// `{"chapters": [{"cached", "diagnostics": [{"column", "file", "fixIts"?, "line", "message",
/// "notes"?, "severity"}], "path", "status"}], "status", "summary", "version"}`, where
/// `notes` (`[{"column", "fixIts"?, "line", "message"}]`) and `fixIts`
/// (`[{"column", "line", "text"}]`) appear only when the compiler gave some; a status is
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
        /// Present only when the compiler attached notes or fix-its.
        var notes: [NoteEntry]?
        var fixIts: [Diagnostic.FixIt]?

        init(_ diagnostic: Diagnostic) {
            file = diagnostic.path
            line = diagnostic.line
            column = diagnostic.column
            severity = diagnostic.severity.rawValue
            message = diagnostic.message
            notes = diagnostic.notes.isEmpty ? nil : diagnostic.notes.map(NoteEntry.init)
            fixIts = diagnostic.fixIts.isEmpty ? nil : diagnostic.fixIts
        }
    }

    struct NoteEntry: Encodable {
        var line: Int
        var column: Int
        var message: String
        var fixIts: [Diagnostic.FixIt]?

        init(_ note: Diagnostic.Note) {
            line = note.line
            column = note.column
            message = note.message
            fixIts = note.fixIts.isEmpty ? nil : note.fixIts
        }
    }

    /// The document, pretty-printed, ending with a newline.
    public static func render(_ reports: [ChapterReport]) -> String {
        let chapters = reports.map { report in
            ChapterEntry(path: report.path, status: status(report.passed), cached: report.isCached,
                         diagnostics: report.diagnostics.map(DiagnosticEntry.init))
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
