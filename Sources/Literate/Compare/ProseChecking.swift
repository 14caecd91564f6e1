import Foundation

/// Checks the numbers written in a chapter's prose against the values its code recorded, and
/// its claims against the outcomes it recorded: `[keeps rising](check:rises)` holds when the
/// code recorded `record("rises", true)`.
struct ProseChecking {
    let checks: [ProseCheck]
    let path: String

    /// Each check's result, and a diagnostic per mismatch or unknown name. When the program did
    /// not run to its end (`complete` false), a missing name is not reported: the failure that
    /// stopped the program already is.
    func diagnose(records: [Transcript.Record], complete: Bool) -> ([CheckResult], [Diagnostic]) {
        var values: [String: Transcript.Record] = [:]
        for record in records where values[record.name] == nil { values[record.name] = record }
        var results: [CheckResult] = []
        var diagnostics: [Diagnostic] = []
        for check in checks {
            guard let record = values[check.name] else {
                results.append(CheckResult(check: check, computed: nil, passed: false))
                if complete { diagnostics.append(unknown(check, known: records.map(\.name))) }
                continue
            }
            let computed = record.value
            if record.claim {
                let holds = computed == 1
                results.append(CheckResult(check: check, computed: computed, passed: holds, claim: true))
                if !holds {
                    diagnostics.append(Diagnostic(path: path, at: check.location,
                                                  message: "the text claims '\(check.written)', but the code found '\(check.name)' false "
                                                      + "(recorded at line \(record.line)); say what the experiment shows, or change the experiment"))
                }
                continue
            }
            guard let written = WrittenNumber.first(in: check.written) else {
                results.append(CheckResult(check: check, computed: computed, passed: false))
                diagnostics.append(Diagnostic(path: path, at: check.location,
                                              message: "'\(check.name)' records a number, so the link's text must be that number written out, "
                                                  + "e.g. [\(PlainNumber.text(computed))](check:\(check.name)); record a Bool to check a claim"))
                continue
            }
            let passed = written.matches(computed, tolerance: check.tolerance)
            results.append(CheckResult(check: check, computed: computed, passed: passed))
            if !passed {
                diagnostics.append(Diagnostic(path: path, at: check.location,
                                              message: "expected \(written.text) (\(written.claim(check.tolerance))), but the code computed \(computed) for '\(check.name)'"))
            }
        }
        return (results, diagnostics)
    }

    /// Short text for a recorded number in a message: integers without a fraction.
    private enum PlainNumber {
        static func text(_ value: Double) -> String {
            value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
        }
    }

    private func unknown(_ check: ProseCheck, known: [String]) -> Diagnostic {
        var unique: [String] = []
        for name in known where !unique.contains(name) { unique.append(name) }
        let listing = unique.isEmpty ? "the code records no values" : "recorded: " + unique.joined(separator: ", ")
        return Diagnostic(path: path, at: check.location,
                          message: "no value named '\(check.name)' was recorded (\(listing)); add record(\"\(check.name)\", value) to the code")
    }

    /// An error at every second `record` of a name already recorded.
    func duplicates(in records: [Transcript.Record], chapter: Chapter) -> [Diagnostic] {
        var first: [String: Int] = [:]
        var diagnostics: [Diagnostic] = []
        for record in records {
            guard let earlier = first[record.name] else {
                first[record.name] = record.line
                continue
            }
            var column = 1
            if let block = chapter.block(containing: record.line) {
                let lines = block.code.split(separator: "\n", omittingEmptySubsequences: false)
                let text = lines[record.line - block.firstCodeLine]
                let offset = text.range(of: "record(").map { text.utf8.distance(from: text.startIndex, to: $0.lowerBound) } ?? 0
                column = block.codeColumn + offset
            }
            let message = "'\(record.name)' is recorded more than once (first at line \(earlier)); give each value its own name"
            let diagnostic = Diagnostic(path: path, line: record.line, column: column, message: message)
            if !diagnostics.contains(diagnostic) { diagnostics.append(diagnostic) }
        }
        return diagnostics
    }
}
