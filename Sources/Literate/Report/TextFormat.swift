/// The report for a person at a terminal: every diagnostic as a compiler prints it, in
/// chapter order, then the closing summary.
///
/// ```
/// chapters/04-forward.md:12:5: error: expected 0.5866 (±0.00005), got 0.58712
/// 9 passed, 1 failed
/// ```
public enum TextFormat {
    /// Each diagnostic's `path:line:column: severity: message` on its own line(s), then
    /// `ChapterReport.summary`.
    public static func render(_ reports: [ChapterReport]) -> String {
        var out = ""
        for report in reports {
            for diagnostic in report.diagnostics { out += diagnostic.description + "\n" }
        }
        return out + ChapterReport.summary(reports) + "\n"
    }
}
