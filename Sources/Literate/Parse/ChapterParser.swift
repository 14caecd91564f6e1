import Foundation
import Markdown

/// Reads a chapter's Markdown into a `ParsedChapter`, once: parses it with libcmark, finds
/// every fenced block and reads its options by `FenceOption`'s table, attaches output blocks,
/// and finds the prose checks and the math.
///
/// Problems in the chapter come back as diagnostics; only a missing file is thrown.
public enum ChapterParser {
    /// Reads the file at `path` (as given; relative to the current directory).
    public static func contents(path: String) throws -> [UInt8] {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), !isFolder.boolValue,
              let data = FileManager.default.contents(atPath: path) else {
            throw BookError.noSuchFile(path)
        }
        return [UInt8](data)
    }

    /// Reads and parses the file at `path` (as given; relative to the current directory).
    public static func read(path: String) throws -> ParsedChapter {
        parse(data: try contents(path: path), path: path)
    }

    /// Parses raw file bytes: reports a file that is not UTF-8 at its first bad byte.
    public static func parse(data: [UInt8], path: String) -> ParsedChapter {
        if let text = String(validating: data, as: UTF8.self) {
            return parse(text, path: path)
        }
        // Lines and columns as everywhere else: CRLF, CR and LF end a line, a BOM is not a column.
        let bom = data.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        var line = 1, lineStart = bom, index = bom
        while index < data.count {
            let length = validSequenceLength(data, at: index)
            if length == 0 { break }
            let endsLine = data[index] == UInt8(ascii: "\n")
                || (data[index] == UInt8(ascii: "\r") && (index + 1 == data.count || data[index + 1] != UInt8(ascii: "\n")))
            if endsLine { line += 1; lineStart = index + 1 }
            index += length
        }
        let byte = index < data.count ? String(format: "0x%02X", data[index]) : "end of file"
        let message = "file is not valid UTF-8 (byte \(byte)); save it as UTF-8"
        var unreadable = unparsed(path: path, markdown: "", [Diagnostic(path: path, line: line, column: index - lineStart + 1, message: message)])
        unreadable.isUTF8 = false
        return unreadable
    }

    /// Parses chapter text; `path` is only used to name the chapter in diagnostics.
    public static func parse(_ markdown: String, path: String) -> ParsedChapter {
        // One normalised text (LF only, no BOM) for libcmark and for the columns read here.
        let text = CommonMark.normalized(markdown)
        if text.allSatisfy(\.isWhitespace) {
            return unparsed(path: path, markdown: markdown,
                            [Diagnostic(path: path, line: 1, column: 1, message: "chapter is empty; write the chapter or remove the file")])
        }
        let lines = text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map(Array.init)
        var walk = ChapterWalk(path: path, lines: lines)
        // libcmark reads a NUL as U+FFFD: the text it parsed is not the file's.
        for nul in CommonMark.nulls(in: text) {
            walk.error(nul, "the file holds a NUL byte here, which Markdown reads as \u{FFFD}; remove it")
        }
        let document = CommonMark.document(text)
        if let deep = document.tooDeep {
            // A position past its line's end (found by Fuzz/run.sh) points at the line's start.
            let line = min(max(deep.line, 1), lines.count)
            let column = deep.column <= lines[line - 1].count + 1 && line == deep.line ? deep.column : 1
            walk.error(Location(line: line, column: column),
                       "markdown nests more than \(CommonMark.maximumDepth) levels deep here (quotes, lists or emphasis); flatten it")
        }
        walk.visit(document.root)
        let chapter = Chapter(path: path, blocks: walk.blocks, checks: walk.checks)
        return ParsedChapter(path: path, markdown: markdown, document: document.root, chapter: chapter,
                             diagnostics: walk.diagnostics.sorted { $0.location < $1.location }, lines: lines,
                             math: MathSource.sources(in: document.root, lines: lines))
    }

    /// A file that could not be parsed: no tree, no chapter, only why.
    static func unparsed(path: String, markdown: String, _ diagnostics: [Diagnostic]) -> ParsedChapter {
        let top = Location(line: 1, column: 1)
        return ParsedChapter(path: path, markdown: markdown, document: Node(kind: .document, start: top, end: top),
                             chapter: nil, diagnostics: diagnostics, lines: [], math: [])
    }

    private static func validSequenceLength(_ bytes: [UInt8], at index: Int) -> Int {
        for length in 1...4 where index + length <= bytes.count {
            if String(validating: bytes[index..<index + length], as: UTF8.self) != nil { return length }
        }
        return 0
    }
}
