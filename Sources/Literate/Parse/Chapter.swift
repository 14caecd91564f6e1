import Markdown

/// A line and column in a chapter's Markdown file: Markdown's `Position`, under the name the
/// engine's diagnostics use (both 1-based; the column counts bytes of the line's UTF-8 text,
/// as compilers and libcmark do). One type, so a node's position is a diagnostic's.
public typealias Location = Position

/// A chapter as the engine sees it: its Swift blocks in order, each with its expected output,
/// and the numbers in its prose that the code must reproduce.
///
/// This is the parsed model the website reads too: it hides `hidden` blocks, places figures
/// after the block that drew them, and marks the prose checks.
public struct Chapter: Hashable, Sendable, Codable {
    /// The chapter's path as the user gave it; every diagnostic names this path.
    public var path: String
    /// The ```` ```swift ```` blocks, in document order.
    public var blocks: [CodeBlock]
    /// The `[0.5866](check:h1)` links in paragraphs, headings, lists and table cells, in order.
    public var checks: [ProseCheck]

    public init(path: String, blocks: [CodeBlock], checks: [ProseCheck]) {
        self.path = path
        self.blocks = blocks
        self.checks = checks
    }

    /// The block whose fence opens on `line`, if any (the website matches cmark's code blocks this way).
    public func block(openingOn line: Int) -> CodeBlock? { blocks.first { $0.fence.line == line } }
}

/// One ```` ```swift ```` block and what the chapter expects of it.
public struct CodeBlock: Hashable, Sendable, Codable {
    /// 0-based position among the chapter's Swift blocks.
    public var index: Int
    /// Where the opening fence starts (its first backtick or tilde).
    public var fence: Location
    /// The line of the block's first line of code (the line after the fence).
    public var firstCodeLine: Int
    /// The column where code lines start (the fence's indentation inside lists and quotes).
    public var codeColumn: Int
    /// The code, exactly as cmark extracted it (ends with a newline unless empty).
    public var code: String
    /// Whether it runs, is only compiled, must fail to compile, or must trap.
    public var mode: RunMode
    /// `hidden`: runs but the website does not show it.
    public var isHidden: Bool
    /// The ```` ```output ```` block directly after it, if any.
    public var expected: ExpectedOutput?

    public init(index: Int, fence: Location, firstCodeLine: Int, codeColumn: Int, code: String,
                mode: RunMode = .run, isHidden: Bool = false, expected: ExpectedOutput? = nil) {
        self.index = index
        self.fence = fence
        self.firstCodeLine = firstCodeLine
        self.codeColumn = codeColumn
        self.code = code
        self.mode = mode
        self.isHidden = isHidden
        self.expected = expected
    }
}

/// An ```` ```output ```` block: the standard output a Swift block must print.
public struct ExpectedOutput: Hashable, Sendable, Codable {
    /// Where the opening fence starts.
    public var fence: Location
    /// The line of the first expected line (the line after the fence).
    public var firstLine: Int
    /// The column where the expected lines start.
    public var column: Int
    /// The expected text, as written.
    public var text: String
    /// `tolerance=0.001` or `tolerance=1%`, widening every number's written precision.
    public var tolerance: Tolerance?

    public init(fence: Location, firstLine: Int, column: Int, text: String, tolerance: Tolerance? = nil) {
        self.fence = fence
        self.firstLine = firstLine
        self.column = column
        self.text = text
        self.tolerance = tolerance
    }
}

extension ExpectedOutput {
    /// Text as the output check compares it, the engine's one rule (`OutputComparison`): lines
    /// without trailing spaces, tabs and carriage returns, and no blank lines at the end.
    public static func comparedLines(_ text: String) -> [String] { OutputComparison.lines(text) }
}

/// A number written in prose, `[0.5866](check:h1)`, that must match the value the code
/// recorded under `name` with `record("h1", value)`, at the number's written precision.
public struct ProseCheck: Hashable, Sendable, Codable {
    /// The recorded value's name (after `check:`).
    public var name: String
    /// The link's text exactly as written, e.g. `0.5866`.
    public var written: String
    /// Where the written number starts (the character after `[`).
    public var location: Location
    /// Where the whole link starts (its `[`).
    public var linkStart: Location
    /// `"tolerance=0.01"` in the link title, if given.
    public var tolerance: Tolerance?

    public init(name: String, written: String, location: Location, linkStart: Location, tolerance: Tolerance? = nil) {
        self.name = name
        self.written = written
        self.location = location
        self.linkStart = linkStart
        self.tolerance = tolerance
    }
}
