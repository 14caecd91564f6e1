import Foundation
import Markdown

/// What checking a chapter's math found: every step compared, every `\mathrel{=}`, and the
/// steps that do not hold, as diagnostics at the Markdown position of the side's first character.
public struct MathReport: Hashable, Sendable, Codable {
    public var steps: [MathStepResult]
    /// Where each `\mathrel{=}` (an `=` the author marked as not arithmetic) was written.
    public var unchecked: [Location]
    /// Each side with numbers that the checker cannot read (`UnreadableSide`), in file order.
    public var unreadable: [UnreadMathSide]
    public var diagnostics: [Diagnostic]

    public init(steps: [MathStepResult] = [], unchecked: [Location] = [], unreadable: [UnreadMathSide] = [], diagnostics: [Diagnostic] = []) {
        self.steps = steps
        self.unchecked = unchecked
        self.unreadable = unreadable
        self.diagnostics = diagnostics
    }
}

/// Checks the arithmetic of a chapter's ```` ```math ```` blocks and `` $`...`$ `` spans from the
/// Markdown alone: every chain of numeric sides must agree at its written precision
/// (`MathChainRule`). Nothing is compiled or run.
public enum MathCheck {
    /// Checks a parsed chapter's math; a chapter that could not be parsed has none to check
    /// (the chapter parser reports it).
    public static func check(_ chapter: ParsedChapter) -> MathReport {
        check(sources: chapter.math, path: chapter.path)
    }

    /// Starts checking `chapters` on other threads (a few chapters each); the function returned
    /// waits for them and gives one report per chapter, in order. Nothing is read or parsed again.
    public static func checkInBackground(_ chapters: [ParsedChapter]) -> @Sendable () -> [MathReport] {
        let results = Locked([MathReport?](repeating: nil, count: chapters.count))
        let group = DispatchGroup()
        let workers = max(1, min(chapters.count, ProcessInfo.processInfo.activeProcessorCount))
        for worker in 0..<workers {
            DispatchQueue.global().async(group: group) {
                for index in stride(from: worker, to: chapters.count, by: workers) {
                    let report = check(chapters[index])
                    results.mutate { $0[index] = report }
                }
            }
        }
        return {
            group.wait()
            return results.value.map { $0 ?? MathReport() }
        }
    }

    /// Checks chapter text; `path` names the chapter in diagnostics.
    public static func check(text: String, path: String) -> MathReport {
        check(ChapterParser.parse(text, path: path))
    }

    /// A step needs a relation and two numbers: most spans (`x_1`, `w^{[\ell]}`) are skipped
    /// without being cut into tokens.
    static func mayHaveAStep(_ text: String) -> Bool {
        var digits = 0
        var relation = false
        for byte in text.utf8 {
            if byte >= 48 && byte <= 57 { digits += 1 } else if byte == UInt8(ascii: "=") || byte == UInt8(ascii: "x") { relation = true }
            if relation && digits >= 2 { return true }
        }
        return false
    }

    static func check(sources: [MathSource], path: String) -> MathReport {
        var report = MathReport()
        for source in sources where mayHaveAStep(source.text) {
            let bytes = Array(source.text.utf8)
            for problem in MathBrackets.problems(in: source.text) {
                report.diagnostics.append(Diagnostic(path: path, at: source.location(of: problem.offset), message: problem.message))
            }
            for chain in MathChains.chains(MathLexer.tokens(source.text)) where chain.count > 1 {
                let result = MathChainRule.check(chain, text: bytes, locate: source.location(of:))
                report.steps += result.steps
                report.unchecked += result.unchecked
                report.unreadable += result.unreadable
                report.diagnostics += result.failures.map { Diagnostic(path: path, at: $0.location, message: $0.message) }
            }
        }
        return report
    }
}
