import Foundation

/// A message of swiftc's `-diagnostic-style=llvm` output, `path:line:column: error: message`,
/// with the notes and fix-its the compiler printed under it.
///
/// Under each positioned message swiftc prints the source line, a caret line (`^` at the
/// column, `~` under ranges) and, when it suggests an edit, a line with the text to write at
/// the column where it goes:
///
///     main.swift:12:14: note: force-unwrap using '!' to abort execution if the optional value contains 'nil'
///     let y: Int = x
///                  ^
///                   !
///
/// That last line is read as a fix-it: its text, and the line and column where it starts.
struct CompilerError: Hashable, Sendable {
    var path: String
    var line: Int
    var column: Int
    var message: String
    /// The `note:` messages printed after this one, each with its own fix-its.
    var notes: [CompilerError] = []
    /// The edits suggested under this message itself.
    var fixIts: [Diagnostic.FixIt] = []

    /// Every `error:` message in the compiler's output, with its notes; warnings and the
    /// source excerpts under each message are left out. A driver error without a position (a
    /// failed link) gets line 0.
    static func errors(in output: String) -> [CompilerError] {
        messages(in: output, kind: "error")
    }

    /// Every `warning:` message in the compiler's output, with its notes (a deprecated name's
    /// "use 'newName' instead" and its fix-it).
    static func warnings(in output: String) -> [CompilerError] {
        messages(in: output, kind: "warning")
    }

    /// Every `warning: expression took 2614ms to type-check` the compiler gave when asked to
    /// time expressions (`-warn-long-expression-type-checking`).
    static func slowExpressions(in output: String) -> [CompilerError] {
        warnings(in: output).filter(\.isSlowExpression)
    }

    /// Whether this is the warning `-warn-long-expression-type-checking` gives.
    var isSlowExpression: Bool { message.hasPrefix("expression took ") && line > 0 }

    private static func messages(in output: String, kind wanted: String) -> [CompilerError] {
        var found: [CompilerError] = []
        // The message being read, and whether its caret line has gone by (the next line is a fix-it).
        var current: (kind: String, message: CompilerError)?
        var noteOf: (kind: String, message: CompilerError)?
        var afterCaret = false
        func finishNote() {
            guard let note = noteOf else { return }
            if current != nil { current!.message.notes.append(note.message) }
            noteOf = nil
        }
        func finish() {
            finishNote()
            if let message = current, message.kind == wanted { found.append(message.message) }
            current = nil
        }
        for line in output.split(separator: "\n", omittingEmptySubsequences: false) {
            if let (kind, message) = header(line) {
                afterCaret = false
                if kind == "note" {
                    finishNote()
                    noteOf = (kind, message)
                } else {
                    finish()
                    current = (kind, message)
                }
                continue
            }
            if isCaretLine(line) {
                afterCaret = true
                continue
            }
            if afterCaret {
                afterCaret = false
                let indent = line.prefix { $0 == " " }.count
                let text = line.dropFirst(indent).trimmingCharacters(in: .whitespaces)
                // The footer that links a diagnostic group to its documentation is no fix-it.
                guard !text.isEmpty, !(indent == 0 && text.hasPrefix("[#") && text.contains("]: <")) else { continue }
                if noteOf != nil {
                    noteOf!.message.fixIts.append(Diagnostic.FixIt(line: noteOf!.message.line, column: indent + 1, text: text))
                } else if current != nil {
                    current!.message.fixIts.append(Diagnostic.FixIt(line: current!.message.line, column: indent + 1, text: text))
                }
            }
        }
        finish()
        return found
    }

    /// `path:line:column: kind: message`, or `kind: message` without a position (line 0). The
    /// first `: kind: ` on the line decides, so a message quoting another kind stays whole.
    private static func header(_ line: Substring) -> (String, CompilerError)? {
        let kinds = ["error", "warning", "note"]
        if let kind = kinds.first(where: { line.hasPrefix("\($0): ") }) {
            return (kind, CompilerError(path: "", line: 0, column: 0, message: String(line.dropFirst(kind.count + 2))))
        }
        let matches = kinds.compactMap { kind in line.range(of: ": \(kind): ").map { (kind, $0) } }
        guard let (kind, range) = matches.min(by: { $0.1.lowerBound < $1.1.lowerBound }) else { return nil }
        let place = line[..<range.lowerBound].split(separator: ":", omittingEmptySubsequences: false)
        let message = String(line[range.upperBound...])
        if place.count >= 3, let lineNumber = Int(place[place.count - 2]), let column = Int(place[place.count - 1]) {
            let path = place.dropLast(2).joined(separator: ":")
            return (kind, CompilerError(path: path, line: lineNumber, column: column, message: message))
        }
        return (kind, CompilerError(path: "", line: 0, column: 0, message: message))
    }

    /// A line of spaces, `~` and one `^`: where the message points.
    private static func isCaretLine(_ line: Substring) -> Bool {
        line.contains("^") && line.allSatisfy { $0 == " " || $0 == "^" || $0 == "~" }
    }
}

extension Chapter {
    /// The absolute, normalised path the generated program names in `#sourceLocation`: debug
    /// info normalises paths (`a//b` becomes `a/b`), so the engine names the chapter in one
    /// canonical way and maps every message back to `path` as given.
    var sourceFile: String { URL(fileURLWithPath: path).standardizedFileURL.path }

    /// The block whose code contains Markdown line `line`.
    func block(containing line: Int) -> CodeBlock? {
        blocks.first { block in
            let count = max(1, block.code.split(separator: "\n", omittingEmptySubsequences: false).count - 1)
            return line >= block.firstCodeLine && line < block.firstCodeLine + count
        }
    }

    /// A warning for an expression that is slow to type-check: it slows every check of the chapter.
    func slowExpressionWarning(for warning: CompilerError) -> Diagnostic {
        var diagnostic = self.diagnostic(for: warning)
        diagnostic.severity = .warning
        let time = warning.message.dropFirst("expression took ".count).prefix { $0 != " " }
        diagnostic.message = "this expression takes \(time) to type-check, slowing every check; give its closures or literals explicit types, or split it"
        return diagnostic
    }

    /// Moves a compiler error into the Markdown file: same line, column shifted by the block's
    /// indentation. An error outside every block (unbalanced braces spill into generated code)
    /// is put at the first block's fence.
    func diagnostic(for error: CompilerError) -> Diagnostic {
        var diagnostic: Diagnostic
        if error.path == sourceFile {
            let place = chapterLocation(line: error.line, column: error.column)
            diagnostic = Diagnostic(path: path, at: place, message: error.message)
        } else {
            let place = blocks.first?.fence ?? Location(line: 1, column: 1)
            diagnostic = Diagnostic(path: path, at: place, message: "chapter code does not compile: \(error.message) (are its braces balanced?)")
        }
        diagnostic.fixIts = error.fixIts.compactMap(chapterFixIt)
        diagnostic.notes = error.notes.map { note in
            // A note about generated code or another module (a declaration in Learning) keeps
            // its words and takes its error's place.
            let place = note.path == sourceFile && note.line > 0 && block(containing: note.line) != nil
                ? chapterLocation(line: note.line, column: note.column) : diagnostic.location
            return Diagnostic.Note(line: place.line, column: place.column, message: note.message,
                                   fixIts: note.path == sourceFile ? note.fixIts.compactMap(chapterFixIt) : [])
        }
        return diagnostic
    }

    /// A compiler position in the generated program moved into the Markdown file: same line,
    /// column shifted by the indentation of the block holding it.
    func chapterLocation(line: Int, column: Int) -> Location {
        guard let block = block(containing: line) else { return Location(line: line, column: column) }
        return Location(line: line, column: column + block.codeColumn - 1)
    }

    /// A fix-it moved into the Markdown file; nil when it is not inside a block.
    private func chapterFixIt(_ fixIt: Diagnostic.FixIt) -> Diagnostic.FixIt? {
        guard block(containing: fixIt.line) != nil else { return nil }
        let place = chapterLocation(line: fixIt.line, column: fixIt.column)
        return Diagnostic.FixIt(line: place.line, column: place.column, text: fixIt.text)
    }
}
