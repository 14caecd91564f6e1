import Foundation
import Plot

/// The report as JUnit XML, which GitLab, Jenkins and most CI dashboards read: a
/// `<testsuite>` per chapter, a `<testcase>` per `CheckCase` (a Swift block or a prose number).
///
/// A case with an error gets one `<failure>` whose message is its first error and whose text
/// is every diagnostic of the case as `book check` prints it; warnings alone go to the case's
/// `<system-out>`. No times are written, so the same results give the same bytes.
public enum JUnitFormat {
    /// The XML document, ending with a newline.
    public static func render(_ reports: [ChapterReport]) -> String {
        let suites = reports.map { ($0, $0.cases) }
        let tests = suites.reduce(0) { $0 + $1.1.count }
        let failures = suites.reduce(0) { $0 + $1.1.filter(\.failed).count }
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        // "--" may not appear inside an XML comment.
        let summary = ChapterReport.summary(reports).replacingOccurrences(of: "--", with: "- -")
        out += "<!-- book check: \(escapeXML(summary)) -->\n"
        out += "<testsuites name=\"book check\" tests=\"\(tests)\" failures=\"\(failures)\" errors=\"0\">\n"
        for (report, cases) in suites {
            let failed = cases.filter(\.failed).count
            out += "  <testsuite name=\"\(escapeXML(report.path, attribute: true))\" tests=\"\(cases.count)\" failures=\"\(failed)\" errors=\"0\" skipped=\"0\">\n"
            for testCase in cases { out += render(testCase, path: report.path) }
            out += "  </testsuite>\n"
        }
        return out + "</testsuites>\n"
    }

    private static func render(_ testCase: CheckCase, path: String) -> String {
        let attributes = "name=\"\(escapeXML(testCase.name, attribute: true))\" classname=\"\(escapeXML(path, attribute: true))\" file=\"\(escapeXML(path, attribute: true))\""
            + (testCase.line > 0 ? " line=\"\(testCase.line)\"" : "")
        guard !testCase.diagnostics.isEmpty else { return "    <testcase \(attributes)/>\n" }
        let text = testCase.diagnostics.map(\.description).joined(separator: "\n")
        var out = "    <testcase \(attributes)>\n"
        if let first = testCase.diagnostics.first(where: { $0.severity == .error }) {
            out += "      <failure message=\"\(escapeXML(first.message, attribute: true))\" type=\"error\">\(escapeXML(text))</failure>\n"
        } else {
            out += "      <system-out>\(escapeXML(text))</system-out>\n"
        }
        return out + "    </testcase>\n"
    }
}
