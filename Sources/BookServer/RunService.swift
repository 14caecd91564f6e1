import Foundation
import Literate
import Site

/// What a served page sends to run a block: the page, the block (its position among the
/// page's shown Swift blocks) and the reader's code for every shown block it changed.
public struct RunRequest: Codable, Sendable {
    /// The page's file name, `06-backpropagation.html`.
    public var page: String
    /// 0-based position of the block among the page's shown Swift blocks.
    public var block: Int
    /// New code by shown-block position (as strings: JSON object keys).
    public var edits: [String: String]

    public init(page: String, block: Int, edits: [String: String]) {
        self.page = page
        self.block = block
        self.edits = edits
    }
}

/// The answer a page shows: per shown block, what it printed and drew; the problems, at
/// their line in the block's code; the checked numbers with the book's value and this run's.
public struct RunReply: Codable, Sendable {
    public struct Block: Codable, Sendable {
        /// Position among the shown blocks.
        public var shown: Int
        public var ran: Bool
        public var output: String
        /// Each figure's HTML, sanitised as the site's own.
        public var figures: [String]
        public var trap: String?
    }

    public struct Problem: Codable, Sendable {
        /// Position among the shown blocks; nil for a hidden setup block.
        public var shown: Int?
        public var line: Int
        public var column: Int
        public var severity: String
        public var message: String
    }

    public var blocks: [Block]
    public var problems: [Problem]
    public var records: [EditedAnswer.Record]
    public var seconds: Double
    /// Of `seconds`, the time the compiled program ran.
    public var programSeconds: Double?
    public var cached: Bool
    public var cancelled: Bool
}

/// Turns run requests into replies: the check's cached answer when nothing was edited, else an
/// `EditedRun` in a scratch folder of its own.
struct RunService: Sendable {
    /// A bad request: the status (400, 404) and a message.
    struct Failure: Error {
        var status: Int
        var message: String
    }

    /// The chapter as the latest round parsed it, and its report, by page file name.
    let chapter: @Sendable (String) -> (parsed: ParsedChapter, report: ChapterReport)?

    /// The request's chapter, target block and edits by block index, checked against the chapter.
    func resolve(_ request: RunRequest) throws -> (parsed: ParsedChapter, report: ChapterReport, chapter: Chapter, through: Int, edits: [Int: String]) {
        guard let (parsed, report) = chapter(request.page), let chapter = parsed.chapter, parsed.isRunnable else {
            throw Failure(status: 404, message: "no runnable chapter for page \(request.page)")
        }
        let shown = chapter.blocks.filter { !$0.isHidden }
        guard shown.indices.contains(request.block) else {
            throw Failure(status: 400, message: "the page has no Swift block \(request.block)")
        }
        var edits: [Int: String] = [:]
        for (key, code) in request.edits {
            guard let position = Int(key), shown.indices.contains(position), position <= request.block else {
                throw Failure(status: 400, message: "edit for a block that is not shown before the one run: \(key)")
            }
            let block = shown[position]
            if code != block.code { edits[block.index] = code }
        }
        return (parsed, report, chapter, shown[request.block].index, edits)
    }

    /// The reply for an answer of the engine: blocks by shown position, figures as HTML.
    static func reply(_ answer: EditedAnswer, chapter: Chapter, report: ChapterReport) -> RunReply {
        let shownPosition = Dictionary(uniqueKeysWithValues: chapter.blocks.filter { !$0.isHidden }.enumerated().map { ($1.index, $0) })
        let name = URL(fileURLWithPath: chapter.path).lastPathComponent
        let number = Int(name.prefix { $0.isNumber })
        var figureCount = 0
        var blocks: [RunReply.Block] = []
        for block in answer.blocks {
            var figures: [String] = []
            for figure in block.figures {
                figureCount += 1
                let label = number.map { "\($0).\(figureCount)" } ?? "\(figureCount)"
                figures.append(ServedFigure.html(figure, number: label, id: "figure-" + label.replacingOccurrences(of: ".", with: "-")))
            }
            guard let shown = shownPosition[block.index] else { continue }
            blocks.append(RunReply.Block(shown: shown, ran: block.ran, output: block.output, figures: figures, trap: block.trap))
        }
        let problems = answer.problems.map {
            RunReply.Problem(shown: shownPosition[$0.block], line: $0.line, column: $0.column, severity: $0.severity, message: $0.message)
        }
        var bookValues: [String: Double] = [:]
        for check in report.checks { if let value = check.computed { bookValues[check.check.name] = value } }
        let records = answer.records.map { record -> EditedAnswer.Record in
            var record = record
            record.book = bookValues[record.name]
            return record
        }
        return RunReply(blocks: blocks, problems: problems, records: records, seconds: answer.seconds,
                        programSeconds: answer.programSeconds, cached: answer.cached, cancelled: answer.cancelled)
    }
}
