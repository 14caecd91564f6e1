import Foundation

/// An error line of swiftc's `-diagnostic-style=llvm` output: `path:line:column: error: message`.
struct CompilerError: Hashable, Sendable {
    var path: String
    var line: Int
    var column: Int
    var message: String

    /// Every `error:` line in the compiler's output; other lines (notes, warnings, the source
    /// excerpts under each message) are left out. A driver error without a position (a failed
    /// link) gets line 0.
    static func errors(in output: String) -> [CompilerError] {
        messages(in: output, kind: "error")
    }

    /// Every `warning: expression took 2614ms to type-check` the compiler gave when asked to
    /// time expressions (`-warn-long-expression-type-checking`).
    static func slowExpressions(in output: String) -> [CompilerError] {
        messages(in: output, kind: "warning").filter { $0.message.hasPrefix("expression took ") && $0.line > 0 }
    }

    private static func messages(in output: String, kind: String) -> [CompilerError] {
        var errors: [CompilerError] = []
        for line in output.split(separator: "\n") {
            guard let range = line.range(of: ": \(kind): ") else {
                if line.hasPrefix("\(kind): ") {
                    errors.append(CompilerError(path: "", line: 0, column: 0, message: String(line.dropFirst(kind.count + 2))))
                }
                continue
            }
            let place = line[..<range.lowerBound].split(separator: ":", omittingEmptySubsequences: false)
            let message = String(line[range.upperBound...])
            if place.count >= 3, let lineNumber = Int(place[place.count - 2]), let column = Int(place[place.count - 1]) {
                let path = place.dropLast(2).joined(separator: ":")
                errors.append(CompilerError(path: path, line: lineNumber, column: column, message: message))
            } else {
                errors.append(CompilerError(path: "", line: 0, column: 0, message: message))
            }
        }
        return errors
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
        if error.path == sourceFile, let block = block(containing: error.line) {
            return Diagnostic(path: path, line: error.line, column: error.column + block.codeColumn - 1, message: error.message)
        }
        if error.path == sourceFile {
            return Diagnostic(path: path, line: error.line, column: error.column, message: error.message)
        }
        let place = blocks.first?.fence ?? Location(line: 1, column: 1)
        return Diagnostic(path: path, at: place, message: "chapter code does not compile: \(error.message) (are its braces balanced?)")
    }
}
