import Foundation
import Markdown

/// What checking a chapter's math found: every step compared, every `\mathrel{=}`, and the
/// steps that do not hold, as diagnostics at the Markdown position of the side's first character.
public struct MathReport: Hashable, Sendable, Codable {
    public var steps: [MathStepResult]
    /// Where each `\mathrel{=}` (an `=` the author marked as not arithmetic) was written.
    public var unchecked: [Location]
    public var diagnostics: [Diagnostic]

    public init(steps: [MathStepResult] = [], unchecked: [Location] = [], diagnostics: [Diagnostic] = []) {
        self.steps = steps
        self.unchecked = unchecked
        self.diagnostics = diagnostics
    }
}

/// Checks the arithmetic of a chapter's ```` ```math ```` blocks and `` $`...`$ `` spans from the
/// Markdown alone: every chain of numeric sides must agree at its written precision
/// (`MathChainRule`). Nothing is compiled or run.
public enum MathCheck {
    /// Checks the chapter at `path`; a file that cannot be read or is not UTF-8 has no math to
    /// check (the chapter parser reports it).
    public static func check(path: String) -> MathReport {
        guard let data = FileManager.default.contents(atPath: path),
              let text = String(validating: [UInt8](data), as: UTF8.self) else { return MathReport() }
        return check(text: text, path: path)
    }

    /// Checks chapter text; `path` names the chapter in diagnostics.
    public static func check(text: String, path: String) -> MathReport {
        let text = text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
        let lines = text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map {
            Array($0.last == UInt8(ascii: "\r") ? $0.dropLast() : $0)
        }
        return check(sources: MathSourceFinder.sources(in: CommonMark.parse(text), lines: lines), path: path)
    }

    static func check(sources: [MathSource], path: String) -> MathReport {
        var report = MathReport()
        for source in sources {
            let bytes = Array(source.text.utf8)
            for chain in MathChains.chains(MathLexer.tokens(source.text)) {
                let result = MathChainRule.check(chain, text: bytes, locate: source.location(of:))
                report.steps += result.steps
                report.unchecked += result.unchecked
                report.diagnostics += result.failures.map { Diagnostic(path: path, at: $0.location, message: $0.message) }
            }
        }
        return report
    }
}
