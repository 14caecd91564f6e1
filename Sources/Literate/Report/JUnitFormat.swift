import Foundation

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
        out += "<!-- book check: \(escape(summary, inAttribute: false)) -->\n"
        out += "<testsuites name=\"book check\" tests=\"\(tests)\" failures=\"\(failures)\" errors=\"0\">\n"
        for (report, cases) in suites {
            let failed = cases.filter(\.failed).count
            out += "  <testsuite name=\"\(escape(report.path))\" tests=\"\(cases.count)\" failures=\"\(failed)\" errors=\"0\" skipped=\"0\">\n"
            for testCase in cases { out += render(testCase, path: report.path) }
            out += "  </testsuite>\n"
        }
        return out + "</testsuites>\n"
    }

    private static func render(_ testCase: CheckCase, path: String) -> String {
        let attributes = "name=\"\(escape(testCase.name))\" classname=\"\(escape(path))\" file=\"\(escape(path))\""
            + (testCase.line > 0 ? " line=\"\(testCase.line)\"" : "")
        guard !testCase.diagnostics.isEmpty else { return "    <testcase \(attributes)/>\n" }
        let text = testCase.diagnostics.map(\.description).joined(separator: "\n")
        var out = "    <testcase \(attributes)>\n"
        if let first = testCase.diagnostics.first(where: { $0.severity == .error }) {
            out += "      <failure message=\"\(escape(first.message))\" type=\"error\">\(escape(text, inAttribute: false))</failure>\n"
        } else {
            out += "      <system-out>\(escape(text, inAttribute: false))</system-out>\n"
        }
        return out + "    </testcase>\n"
    }

    /// Text safe in an XML attribute value (or, with `inAttribute` false, in element content,
    /// where line breaks stay as they are). Characters XML 1.0 cannot hold (control
    /// characters other than tab, LF and CR) become `?`.
    static func escape(_ text: String, inAttribute: Bool = true) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\n": out += inAttribute ? "&#10;" : "\n"
            case "\r": out += inAttribute ? "&#13;" : "\r"
            case "\t": out += inAttribute ? "&#9;" : "\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF { out += "?" } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }
}
