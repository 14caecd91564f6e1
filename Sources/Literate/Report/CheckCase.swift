/// One thing `book check` verified in a chapter, as a CI dashboard lists it: a Swift block
/// (with its output block), a number written in the prose, or a step of the math.
///
/// Each diagnostic belongs to exactly one case: the prose check or math step it points at,
/// else the block whose lines (opening fence to the end of its output block) hold it, else
/// the chapter as a whole (a parse error, an unknown option). JUnit reports are made of these.
public struct CheckCase: Hashable, Sendable {
    /// What was checked, e.g. `line 3: swift block`, `line 5: check:h1 = 0.5866` or
    /// `line 9: math = 0.5 - 0.4 + 0.1`.
    public var name: String
    /// The line it starts on (0 for the chapter as a whole).
    public var line: Int
    /// The column it starts at, which orders cases on one line.
    public var column: Int
    /// The diagnostics that belong to it, in file order.
    public var diagnostics: [Diagnostic]

    public init(name: String, line: Int, column: Int = 0, diagnostics: [Diagnostic] = []) {
        self.name = name
        self.line = line
        self.column = column
        self.diagnostics = diagnostics
    }

    /// A case fails when one of its diagnostics is an error.
    public var failed: Bool { diagnostics.contains { $0.severity == .error } }
}

extension ChapterReport {
    /// The chapter's checks: a case per Swift block, per prose number and per math step, in
    /// the chapter's order, led by a `chapter` case when some diagnostic belongs to neither (or when the
    /// chapter has nothing to check, so that it still shows as one case).
    public var cases: [CheckCase] {
        let blocks = chapter?.blocks ?? []
        let checks = chapter?.checks ?? []
        var blockCases = blocks.map { CheckCase(name: "line \($0.fence.line): \(Self.kind(of: $0))", line: $0.fence.line, column: $0.fence.column) }
        var checkCases = checks.map { CheckCase(name: "line \($0.location.line): check:\($0.name) = \($0.written)", line: $0.location.line, column: $0.location.column) }
        var mathCases = math.map { CheckCase(name: "line \($0.location.line): math = \(Self.shortened($0.written))", line: $0.location.line, column: $0.location.column) }
        var whole = CheckCase(name: "chapter", line: 0)
        for diagnostic in diagnostics {
            if let index = checks.firstIndex(where: { $0.location == diagnostic.location }) {
                checkCases[index].diagnostics.append(diagnostic)
            } else if let index = math.firstIndex(where: { $0.location == diagnostic.location }) {
                mathCases[index].diagnostics.append(diagnostic)
            } else if let index = blocks.firstIndex(where: { Self.lines(of: $0).contains(diagnostic.line) }) {
                blockCases[index].diagnostics.append(diagnostic)
            } else {
                whole.diagnostics.append(diagnostic)
            }
        }
        let cases = (blockCases + checkCases + mathCases).sorted { ($0.line, $0.column, $0.name) < ($1.line, $1.column, $1.name) }
        return whole.diagnostics.isEmpty && !cases.isEmpty ? cases : [whole] + cases
    }

    /// A block's lines: its opening fence through the closing fence of its output block, or
    /// its own closing fence when it has none.
    static func lines(of block: CodeBlock) -> ClosedRange<Int> {
        let codeEnd = block.firstCodeLine + lineCount(block.code)
        guard let expected = block.expected else { return block.fence.line...codeEnd }
        return block.fence.line...max(codeEnd, expected.firstLine + lineCount(expected.text))
    }

    private static func lineCount(_ text: String) -> Int {
        guard !text.isEmpty else { return 0 }
        let newlines = text.utf8.filter { $0 == UInt8(ascii: "\n") }.count
        return text.hasSuffix("\n") ? newlines : newlines + 1
    }

    /// Written math on one line, cut after 40 characters.
    private static func shortened(_ text: String) -> String {
        let line = text.split(whereSeparator: \.isNewline).joined(separator: " ")
        return line.count > 40 ? String(line.prefix(39)) + "…" : line
    }

    /// The block's kind as its fence names it.
    private static func kind(of block: CodeBlock) -> String {
        switch block.mode {
        case .run: return block.isHidden ? "swift hidden block" : "swift block"
        case .compileOnly: return "swift compile-only block"
        case .failsToCompile: return "swift fails-to-compile block"
        case .traps: return "swift traps block"
        }
    }
}
