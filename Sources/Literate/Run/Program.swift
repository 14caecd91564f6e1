/// The generated `main.swift` for one chapter: the prelude, then every block in order, each
/// behind `#sourceLocation(file: "<chapter path>", line: <first code line>)` so that the
/// compiler, `#line` and the runtime's backtraces all name the Markdown file and line.
///
/// How each run mode is compiled:
/// - `run` (and `hidden`): top-level code, sharing state with the blocks around it.
/// - `traps`: inside `if bookTrapBlock == N { ... }`; the normal run skips it, and a separate
///   run per trap block executes it and stops right after it. Its declarations are local.
/// - `compile-only`: inside `if bookNeverRuns() { ... }`: compiled, never executed; its
///   declarations are local to it.
/// - `fails-to-compile`: left out of the program; type-checked on its own after the blocks
///   before it (see `typeCheckSource`).
struct Program {
    let chapter: Chapter

    /// The source of the chapter's program.
    var source: String {
        Prelude.header + body + "bookEnd()\n"
    }

    /// The blocks, without the prelude.
    var body: String {
        var text = ""
        for block in chapter.blocks {
            if case .failsToCompile = block.mode { continue }
            append(block, to: &text)
        }
        return text
    }

    /// Every chapter's blocks in one file, each chapter inside `do { }` so that their names
    /// cannot clash: the single-file compile the benchmark measures `book check` against.
    /// An `import` is only valid at file scope, so imports move to the top (blank lines keep
    /// the line numbers).
    static func singleFile(_ chapters: [Chapter]) -> String {
        var imports: [String] = []
        let bodies = chapters.map { chapter in
            let lines = Program(chapter: chapter).body.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
                guard line.hasPrefix("import ") else { return String(line) }
                if !imports.contains(String(line)) { imports.append(String(line)) }
                return ""
            }
            return "do {\n" + lines.joined(separator: "\n") + "}\n"
        }
        return imports.map { $0 + "\n" }.joined() + Prelude.header + bodies.joined() + "bookEnd()\n"
    }

    /// The source that type-checks the `fails-to-compile` block `target`: every block before it
    /// that the program contains, then the target itself as top-level code.
    func typeCheckSource(for target: CodeBlock) -> String {
        var text = Prelude.header
        for block in chapter.blocks.prefix(target.index) {
            if case .failsToCompile = block.mode { continue }
            append(block, to: &text)
        }
        text += located(target)
        return text
    }

    private func append(_ block: CodeBlock, to text: inout String) {
        text += "bookBlock(\(block.index))\n"
        switch block.mode {
        case .run, .failsToCompile:
            text += located(block)
        case .traps:
            text += "if bookTrapBlock == \(block.index) {\n" + located(block) + "bookTrapBlockFinished(\(block.index))\n}\n"
        case .compileOnly:
            text += "if bookNeverRuns() {\n" + located(block) + "}\n"
        }
    }

    /// The block's code between a `#sourceLocation` naming its first line and one resetting it.
    private func located(_ block: CodeBlock) -> String {
        var code = block.code
        if !code.isEmpty && !code.hasSuffix("\n") { code += "\n" }
        return "#sourceLocation(file: \(Program.literal(chapter.sourceFile)), line: \(block.firstCodeLine))\n"
            + code + "#sourceLocation()\n"
    }

    /// A Swift string literal holding `text`.
    static func literal(_ text: String) -> String {
        var escaped = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": escaped += "\\\\"
            case "\"": escaped += "\\\""
            case "\n": escaped += "\\n"
            default: escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped + "\""
    }
}
