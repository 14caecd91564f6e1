import Literate

/// What the check found out about one chapter, in the form the website shows it.
///
/// The website never runs code: it is given these results (from `book check` and its cache)
/// and marks on the page what was verified. Code blocks are named by the line of their
/// opening fence in the Markdown file; prose checks by the name the code recorded.
public struct PageResults: Hashable, Sendable {
    /// Results per code block, keyed by the 1-based line of the block's opening fence.
    public var blocks: [Int: BlockOutcome]
    /// The computed value of every `record(name, value)` in the chapter, as text.
    public var recorded: [String: String]
    /// Every step of the math's arithmetic that `book check` compared, with its position.
    public var math: [MathStepResult]
    /// The names of the claims the code found true (`record(name, true)`), e.g. `rises` for
    /// `[keeps rising](check:rises)`.
    public var claims: Set<String>
    /// The names in the chapter's code that refer to a symbol of the reference, by the
    /// one-based Markdown line they are on (`CodeLink`).
    public var links: [Int: [CodeLink]] = [:]

    public init(blocks: [Int: BlockOutcome] = [:], recorded: [String: String] = [:], math: [MathStepResult] = [],
                claims: Set<String> = []) {
        self.blocks = blocks
        self.recorded = recorded
        self.math = math
        self.claims = claims
    }
}

/// What one Swift block did when it ran.
public struct BlockOutcome: Hashable, Sendable {
    /// Everything the block printed.
    public var stdout: String
    /// Whether an `output` block below it was compared with `stdout` and held.
    public var outputChecked: Bool
    /// The figures the block showed, in order.
    public var figures: [FigureResult]

    public init(stdout: String = "", outputChecked: Bool = false, figures: [FigureResult] = []) {
        self.stdout = stdout
        self.outputChecked = outputChecked
        self.figures = figures
    }
}

extension PageResults {
    /// The results of a chapter's check: every block that ran, keyed by its fence's line,
    /// marked output-checked when the chapter passed and the block has an output block.
    public init(report: ChapterReport) {
        var blocks: [Int: BlockOutcome] = [:]
        for result in report.blocks {
            let expectsOutput = report.chapter?.block(openingOn: result.line)?.expected != nil
            blocks[result.line] = BlockOutcome(stdout: result.output, outputChecked: report.passed && result.ran && expectsOutput,
                                               figures: result.figures)
        }
        var recorded: [String: String] = [:]
        var claims: Set<String> = []
        for check in report.checks where check.passed {
            if check.claim {
                claims.insert(check.check.name)
            } else if let value = check.computed {
                recorded[check.check.name] = PageResults.format(value)
            }
        }
        self.init(blocks: blocks, recorded: recorded, math: report.math, claims: claims)
    }

    /// A computed value as a reader wants to see it: integers without a fraction, other
    /// values with every digit Swift needs to give the same Double back.
    public static func format(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        return String(value)
    }
}
