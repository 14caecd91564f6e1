/// Everything `book check` learned about one chapter: the parsed chapter, what each block
/// printed and drew, how each prose number fared, and the problems found.
///
/// Stored in the cache next to the chapter's key, so `book build` can mark verified numbers
/// and place figures without running anything again.
public struct ChapterReport: Hashable, Sendable, Codable {
    /// The chapter's path as the user gave it.
    public var path: String
    /// The parsed chapter; nil when the file could not be parsed at all (not UTF-8, empty).
    public var chapter: Chapter?
    /// One entry per Swift block, in the chapter's order (empty when nothing was run).
    public var blocks: [BlockResult]
    /// One entry per prose check, in the chapter's order.
    public var checks: [CheckResult]
    /// Every step of the math's arithmetic that was compared, in file order (`MathCheck`).
    public var math: [MathStepResult]
    /// Where each `\mathrel{=}` (an `=` marked as not arithmetic) was written.
    public var uncheckedMath: [Location]
    /// Each side with numbers that the math checker cannot read, in file order.
    public var unreadableMath: [UnreadMathSide] = []
    /// Every problem found, in file order.
    public var diagnostics: [Diagnostic]
    /// Whether this report came from the cache rather than a fresh compile and run.
    public var isCached: Bool

    public init(path: String, chapter: Chapter?, blocks: [BlockResult] = [], checks: [CheckResult] = [],
                math: [MathStepResult] = [], uncheckedMath: [Location] = [],
                diagnostics: [Diagnostic] = [], isCached: Bool = false) {
        self.path = path
        self.chapter = chapter
        self.blocks = blocks
        self.checks = checks
        self.math = math
        self.uncheckedMath = uncheckedMath
        self.diagnostics = diagnostics
        self.isCached = isCached
    }

    /// This report with the math's results added, diagnostics kept in file order.
    public func adding(_ report: MathReport) -> ChapterReport {
        var merged = self
        merged.math = report.steps
        merged.uncheckedMath = report.unchecked
        merged.unreadableMath = report.unreadable
        merged.diagnostics = Self.inFileOrder(diagnostics, inserting: report.diagnostics)
        return merged
    }

    /// `diagnostics` with `others` (each list in file order) put in at their places; where two
    /// share a location, the one already in `diagnostics` comes first.
    static func inFileOrder(_ diagnostics: [Diagnostic], inserting others: [Diagnostic]) -> [Diagnostic] {
        var result: [Diagnostic] = []
        var pending = others[...]
        for diagnostic in diagnostics {
            while let next = pending.first, next.location < diagnostic.location {
                result.append(next)
                pending = pending.dropFirst()
            }
            result.append(diagnostic)
        }
        return result + pending
    }

    /// A chapter passes when no diagnostic is an error.
    public var passed: Bool { !diagnostics.contains { $0.severity == .error } }
}

/// What one Swift block did when the chapter ran.
public struct BlockResult: Hashable, Sendable, Codable {
    /// 0-based index of the block among the chapter's Swift blocks.
    public var index: Int
    /// The line of the block's opening fence.
    public var line: Int
    /// Whether the block's code was executed (false for compile-only, fails-to-compile, and
    /// blocks never reached because an earlier one failed).
    public var ran: Bool
    /// Everything the block printed to standard output.
    public var output: String
    /// The figures the block passed to `show(_:)`, in order.
    public var figures: [FigureResult]
    /// The runtime's message when the block trapped (expected or not).
    public var trap: String?

    public init(index: Int, line: Int, ran: Bool, output: String = "", figures: [FigureResult] = [], trap: String? = nil) {
        self.index = index
        self.line = line
        self.ran = ran
        self.output = output
        self.figures = figures
        self.trap = trap
    }
}

/// A figure a block drew with `show(figure)`, or in frames with `show(frames)`.
public struct FigureResult: Hashable, Sendable, Codable {
    /// The figure as a standalone SVG document; empty for a figure in frames.
    public var svg: String
    /// The caption the website prints under the figure.
    public var caption: String
    /// The text alternative for readers who cannot see the figure.
    public var alt: String
    /// What the slider changes (`learning rate α`); empty for a single drawing.
    public var parameter: String
    /// The frames, in slider order; empty for a single drawing, whose SVG is `svg`.
    public var frames: [FigureFrame]

    public init(svg: String, caption: String, alt: String) {
        self.svg = svg
        self.caption = caption
        self.alt = alt
        self.parameter = ""
        self.frames = []
    }

    /// A figure in frames, shown one at a time under a slider over `parameter`.
    public init(caption: String, alt: String, parameter: String, frames: [FigureFrame]) {
        self.svg = ""
        self.caption = caption
        self.alt = alt
        self.parameter = parameter
        self.frames = frames
    }
}

/// One frame of a figure in frames: the parameter's value as shown (`α = 0.4`) and its drawing.
public struct FigureFrame: Hashable, Sendable, Codable {
    /// The parameter's value for this frame, as the slider's output shows it.
    public var label: String
    /// The frame as a standalone SVG document.
    public var svg: String
    /// The text alternative for this frame.
    public var alt: String

    public init(label: String, svg: String, alt: String) {
        self.label = label
        self.svg = svg
        self.alt = alt
    }
}

/// How one prose number, or one claim, fared against the value the code recorded.
public struct CheckResult: Hashable, Sendable, Codable {
    /// The check as written in the chapter.
    public var check: ProseCheck
    /// The value the code recorded under the check's name; nil when none was recorded.
    public var computed: Double?
    /// Whether the written number matches the computed value at its precision (for a claim:
    /// whether the code found it true).
    public var passed: Bool
    /// Whether the code recorded a `Bool`: the link states an experiment's outcome
    /// (`[keeps rising](check:rises)`), and `computed` is 1 for true, 0 for false.
    public var claim: Bool

    public init(check: ProseCheck, computed: Double?, passed: Bool, claim: Bool = false) {
        self.check = check
        self.computed = computed
        self.passed = passed
        self.claim = claim
    }
}
