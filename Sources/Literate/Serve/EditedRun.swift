import Foundation

/// A run of one chapter with a reader's edits, for `book serve`: every block up to and
/// including the one the reader ran, hidden setup blocks as written, edited blocks as the
/// reader wrote them, compiled and run by the same engine as `book check` (prelude,
/// `Learning`, `Plot`, the time and output limits, one process group, everything it started
/// killed when it ends).
///
/// It writes only into its own scratch folder, which is also the program's working folder
/// (the chapter's other files, such as `data/`, appear there as links), never the chapters,
/// the report cache or the site; nothing is cached.
///
/// The generated program numbers the blocks' lines afresh (block k starts two lines after
/// block k-1 ends), so an edit that adds lines cannot make one block's lines collide with the
/// next one's, and every compiler error and trap maps back to (block, line in the block).
public struct EditedRun: Sendable {
    /// The chapter as `book check` parsed it.
    public var chapter: Chapter
    /// New code by block index (0-based among the chapter's Swift blocks).
    public var edits: [Int: String]
    /// The index of the block the reader ran: the run stops after it.
    public var through: Int

    public init(chapter: Chapter, edits: [Int: String], through: Int) {
        self.chapter = chapter
        self.edits = edits
        self.through = through
    }

    /// A run of the chapter as the book's one parse read it, each edit applied with
    /// `ParsedChapter.replacingCode(ofBlock:with:)`; nil when the chapter did not parse or an
    /// edit names no block.
    public init?(parsed: ParsedChapter, edits: [Int: String], through: Int) {
        var edited = parsed
        for (index, code) in edits {
            guard let next = edited.replacingCode(ofBlock: index, with: code) else { return nil }
            edited = next
        }
        guard let chapter = edited.chapter, chapter.blocks.indices.contains(through) else { return nil }
        self.init(chapter: chapter, edits: [:], through: through)
    }

    /// The blocks that run, in order, with their index in the chapter: the target and every
    /// block before it, except `fails-to-compile` and `traps` blocks before the target (they
    /// run on their own in a check and change nothing the later blocks see). A target that
    /// must fail to compile is compiled as ordinary code, so the reader sees the compiler's
    /// errors.
    func plan() -> [(original: Int, block: CodeBlock)] {
        var chosen: [(Int, CodeBlock)] = []
        var line = 2
        for block in chapter.blocks.prefix(through + 1) {
            let isTarget = block.index == through
            var mode = block.mode
            switch block.mode {
            case .failsToCompile:
                guard isTarget else { continue }
                mode = .run
            case .traps:
                guard isTarget else { continue }
            default: break
            }
            var code = edits[block.index] ?? block.code
            if !code.isEmpty && !code.hasSuffix("\n") { code += "\n" }
            let copy = CodeBlock(index: chosen.count, fence: Location(line: line - 1, column: 1), firstCodeLine: line,
                                 codeColumn: 1, code: code, mode: mode, isHidden: block.isHidden, expected: nil)
            chosen.append((block.index, copy))
            line += EditedRun.lineCount(code) + 2
        }
        return chosen
    }

    /// Lines in a block's code (a final newline does not start another line).
    static func lineCount(_ code: String) -> Int {
        max(1, code.split(separator: "\n", omittingEmptySubsequences: false).count - (code.hasSuffix("\n") ? 1 : 0))
    }

    /// Compiles and runs the edited chapter in `scratch` (created, and removed afterwards).
    /// `stop(scratch:)`, called from another thread, ends it early.
    public func run(project: Project, options: CheckOptions, scratch: String) throws -> EditedAnswer {
        let plan = plan()
        guard !plan.isEmpty else { throw BookError.io("block \(through) is not in \(chapter.path)") }
        let started = Date()
        let name = URL(fileURLWithPath: chapter.path).lastPathComponent
        let path = scratch + "/" + name
        try EditedRun.prepare(scratch: scratch, chapterFolder: URL(fileURLWithPath: chapter.path).standardizedFileURL.deletingLastPathComponent().path)
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        // The prose checks give the recorded values; their positions (in the Markdown, not in
        // the generated program) are set to line 0, and what the checker says of them dropped.
        let checks = chapter.checks.map { check -> ProseCheck in
            var check = check
            check.location = Location(line: 0, column: 0)
            check.linkStart = check.location
            return check
        }
        let copy = Chapter(path: path, blocks: plan.map(\.block), checks: checks)
        let toolchain = try Toolchain.prepare(project: project) {}
        var runOptions = options
        runOptions.useCache = false
        // The engine says when the program starts: what comes after is the program's own time.
        let running = Locked<Date?>(nil)
        let outcome = try ChapterRun(chapter: copy, toolchain: toolchain, options: runOptions, workFolder: scratch + "/.work",
                                     progress: { event in
                                         if case .started(_, let stage) = event, stage == "running" { running.mutate { $0 = $0 ?? Date() } }
                                     }).run()
        var answer = EditedAnswer(through: through, seconds: Date().timeIntervalSince(started))
        answer.programSeconds = running.value.map { Date().timeIntervalSince($0) }
        for (position, entry) in plan.enumerated() where position < outcome.blocks.count {
            // The block as the book numbers it: its index and fence line in the chapter.
            var result = outcome.blocks[position]
            result.index = entry.original
            result.line = chapter.blocks[entry.original].fence.line
            answer.blocks.append(result)
        }
        for diagnostic in outcome.diagnostics where diagnostic.line > 0 {
            let place = copy.blocks.last { $0.fence.line <= diagnostic.line }
            let original = place.map { plan[$0.index].original } ?? through
            let line = place.map { diagnostic.line - $0.firstCodeLine + 1 } ?? 0
            answer.problems.append(EditedAnswer.Problem(block: original, line: max(0, line), column: line > 0 ? diagnostic.column : 0,
                                                        severity: "\(diagnostic.severity)", message: diagnostic.message))
        }
        answer.records = outcome.checks.compactMap { check in
            check.computed.map { EditedAnswer.Record(name: check.check.name, written: check.check.written, value: $0, claim: check.claim) }
        }
        return answer
    }

    /// Makes the scratch folder the program's working folder: every file and folder beside the
    /// chapter (its data) as a symbolic link, the chapters themselves left out.
    static func prepare(scratch: String, chapterFolder: String) throws {
        let manager = FileManager.default
        try? manager.removeItem(atPath: scratch)
        do {
            try manager.createDirectory(atPath: scratch, withIntermediateDirectories: true)
            for name in (try? manager.contentsOfDirectory(atPath: chapterFolder)) ?? [] where !name.hasSuffix(".md") && !name.hasPrefix(".") {
                try manager.createSymbolicLink(atPath: scratch + "/" + name, withDestinationPath: chapterFolder + "/" + name)
            }
        } catch {
            throw BookError.cannotWrite(scratch, error)
        }
    }
}

/// What an edited run did, block by block, in a form a page can show.
public struct EditedAnswer: Codable, Hashable, Sendable {
    /// A compiler error, a trap, a hang: in block `block` at `line` and `column` of its code
    /// (both 1-based; 0 when the problem is the block as a whole).
    public struct Problem: Codable, Hashable, Sendable {
        public var block: Int
        public var line: Int
        public var column: Int
        public var severity: String
        public var message: String
    }

    /// A value the code recorded for a number the text checks (`[0.5866](check:h1)`).
    public struct Record: Codable, Hashable, Sendable {
        public var name: String
        /// The number as the text writes it.
        public var written: String
        /// What the code computed in this run.
        public var value: Double
        /// What the code computed when the book was checked, if it got there.
        public var book: Double?
        /// Whether it is a claim (`record(name, Bool)`): 1 true, 0 false.
        public var claim: Bool

        public init(name: String, written: String, value: Double, book: Double? = nil, claim: Bool = false) {
            self.name = name
            self.written = written
            self.value = value
            self.book = book
            self.claim = claim
        }
    }

    /// The block the reader ran.
    public var through: Int
    /// What each block that ran printed and drew, numbered as in the chapter.
    public var blocks: [BlockResult] = []
    public var problems: [Problem] = []
    public var records: [Record] = []
    /// Seconds from the start of the compile to the end of the run.
    public var seconds: Double
    /// Seconds the compiled program ran (nil when it did not compile).
    public var programSeconds: Double?
    /// Whether the answer is the check's own (the code was not edited).
    public var cached = false
    /// Whether the run was stopped because the page went away.
    public var cancelled = false

    public init(through: Int, seconds: Double) {
        self.through = through
        self.seconds = seconds
    }

    /// The check's answer for an unedited chapter, from its report: no compile, no run.
    public init(report: ChapterReport, through: Int) {
        self.init(through: through, seconds: 0)
        cached = true
        blocks = report.blocks.filter { $0.index <= through }
        records = report.checks.compactMap { check in
            check.computed.map { Record(name: check.check.name, written: check.check.written, value: $0, book: $0, claim: check.claim) }
        }
    }
}
