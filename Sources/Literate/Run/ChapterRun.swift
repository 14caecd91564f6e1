import Foundation

/// Compiles, runs and checks one parsed chapter: the middle of the pipeline, from `Chapter` to
/// block results, check results and diagnostics.
struct ChapterRun {
    let chapter: Chapter
    let toolchain: Toolchain
    let options: CheckOptions
    /// A folder of its own under `.build/book/work/` for the generated files and the program.
    let workFolder: String
    let progress: @Sendable (CheckProgress) -> Void

    /// Milliseconds of type-checking one expression may take before `book check` warns.
    static let slowExpressionLimit = 1000

    struct Outcome {
        var blocks: [BlockResult]
        var checks: [CheckResult]
        var diagnostics: [Diagnostic]
    }

    var path: String { chapter.path }

    func run() throws -> Outcome {
        guard !chapter.blocks.isEmpty else {
            return Outcome(blocks: [], checks: [], diagnostics: ProseChecking(checks: chapter.checks, path: path).diagnose(records: [], complete: true).1)
        }
        do {
            try FileManager.default.createDirectory(atPath: workFolder, withIntermediateDirectories: true)
        } catch {
            throw BookError.cannotWrite(workFolder, error)
        }
        progress(.started(path: path, stage: "compiling"))
        let program = Program(chapter: chapter)
        let mustFail = chapter.blocks.filter { if case .failsToCompile = $0.mode { return true } else { return false } }
        var diagnostics: [Diagnostic] = []
        // The program and every must-fail block compile side by side.
        let results = Locked<[Int: ProcessResult]>([:])
        let failures = Locked<[BookError]>([])
        DispatchQueue.concurrentPerform(iterations: 1 + mustFail.count) { task in
            let file = workFolder + (task == 0 ? "/main.swift" : "/typecheck-\(task)/main.swift")
            do {
                let source = task == 0 ? program.source : program.typeCheckSource(for: mustFail[task - 1])
                do {
                    try FileManager.default.createDirectory(atPath: (file as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
                    try source.write(toFile: file, atomically: true, encoding: .utf8)
                } catch {
                    throw BookError.cannotWrite(file, error)
                }
                let mode = task == 0
                    ? ["-g", "-o", workFolder + "/program", "-Xfrontend", "-warn-long-expression-type-checking=\(ChapterRun.slowExpressionLimit)"]
                    : ["-typecheck"]
                let arguments = toolchain.chapterFlags + mode + toolchain.linkFlags + [file]
                let result = try Subprocess.run(toolchain.swiftc, arguments, in: workFolder, timeout: 600)
                results.mutate { $0[task] = result }
            } catch let error as BookError {
                failures.mutate { $0.append(error) }
            } catch {
                failures.mutate { $0.append(BookError.io("cannot compile \(file): \(BookError.reason(error))")) }
            }
        }
        if let failure = failures.value.first { throw failure }
        for (offset, block) in mustFail.enumerated() {
            diagnostics += checkFailsToCompile(block, result: results.value[offset + 1]!)
        }
        let compiled = results.value[0]!
        var slow = Set<Location>()
        diagnostics += CompilerError.slowExpressions(in: compiled.stderrText)
            .filter { $0.path == chapter.sourceFile && slow.insert(Location(line: $0.line, column: $0.column)).inserted }
            .map(chapter.slowExpressionWarning(for:))
        guard compiled.succeeded else {
            diagnostics += compileErrors(compiled)
            let blocks = chapter.blocks.map { BlockResult(index: $0.index, line: $0.fence.line, ran: false) }
            return Outcome(blocks: blocks, checks: [], diagnostics: diagnostics)
        }
        progress(.started(path: path, stage: "running"))
        let main = try execute(trapBlock: nil)
        let transcript = Transcript(main.stdoutText)
        diagnostics += runFailure(main, transcript: transcript)
        var blocks = chapter.blocks.map { block in
            // A flood of output is reported, not kept: the cached report stays small.
            let output = String((transcript.outputs[block.index] ?? "").prefix(main.overflowed ? 4096 : Int.max))
            return BlockResult(index: block.index, line: block.fence.line, ran: block.mode.runs && transcript.ran(block.index),
                               output: output, figures: transcript.figures[block.index] ?? [])
        }
        if let current = transcript.currentBlock, !transcript.reachedEnd, blocks.indices.contains(current) {
            blocks[current].trap = main.timedOut || main.overflowed ? nil : Trap(stderr: main.stderrText, path: chapter.sourceFile, signal: main.signal).message
        }
        for block in chapter.blocks where block.mode.runs && transcript.completed(block.index) {
            diagnostics += compareOutput(of: block, actual: blocks[block.index].output)
        }
        for block in chapter.blocks {
            guard case .traps(let message) = block.mode, transcript.completed(block.index) || transcript.reachedEnd else { continue }
            let (result, problems) = try checkTraps(block, expecting: message)
            blocks[block.index] = result
            diagnostics += problems
            // An output block after a `traps` block holds what it prints before trapping.
            if problems.isEmpty { diagnostics += compareOutput(of: block, actual: result.output) }
        }
        let checking = ProseChecking(checks: chapter.checks, path: path)
        diagnostics += checking.duplicates(in: transcript.records, chapter: chapter)
        let (checks, problems) = checking.diagnose(records: transcript.records, complete: transcript.reachedEnd)
        diagnostics += problems
        return Outcome(blocks: blocks, checks: checks, diagnostics: diagnostics)
    }

    /// Runs the compiled program, normally or executing one `traps` block.
    func execute(trapBlock: Int?) throws -> ProcessResult {
        let absolute = URL(fileURLWithPath: path).standardizedFileURL
        var environment = ["SWIFT_BACKTRACE": "enable=yes,interactive=no,color=no,sanitize=no,threads=crashed,registers=none,images=none,limit=64"]
        if let trapBlock { environment[Prelude.trapVariable] = String(trapBlock) }
        return try Subprocess.run(workFolder + "/program", [], in: absolute.deletingLastPathComponent().path,
                                  environment: environment, timeout: options.timeout, outputLimit: options.outputLimit, quitFirst: true)
    }

    private func compileErrors(_ result: ProcessResult) -> [Diagnostic] {
        var errors = CompilerError.errors(in: result.stderrText + result.stdoutText)
        // The driver adds "compile command failed" after the real, positioned errors.
        if errors.contains(where: { !$0.path.isEmpty }) { errors.removeAll { $0.path.isEmpty } }
        guard !errors.isEmpty else {
            let place = chapter.blocks.first?.fence ?? Location(line: 1, column: 1)
            let detail = (result.stderrText + result.stdoutText).trimmingCharacters(in: .whitespacesAndNewlines)
            return [Diagnostic(path: path, at: place, message: "chapter code does not compile: \(detail)")]
        }
        var seen = Set<Diagnostic>()
        return errors.map(chapter.diagnostic(for:)).filter { seen.insert($0).inserted }
    }

    private func checkFailsToCompile(_ block: CodeBlock, result: ProcessResult) -> [Diagnostic] {
        guard case .failsToCompile(let expected) = block.mode else { return [] }
        let count = block.code.split(separator: "\n", omittingEmptySubsequences: false).count
        let errors = CompilerError.errors(in: result.stderrText).filter {
            $0.path == chapter.sourceFile && $0.line >= block.firstCodeLine && $0.line < block.firstCodeLine + max(1, count)
        }
        if errors.isEmpty {
            return [Diagnostic(path: path, at: block.fence, message: "expected a compile error containing '\(expected)', but the block compiled")]
        }
        if errors.contains(where: { $0.message.contains(expected) }) { return [] }
        return [Diagnostic(path: path, at: block.fence,
                           message: "expected a compile error containing '\(expected)', got: \(errors[0].message)")]
    }

    private func compareOutput(of block: CodeBlock, actual: String) -> [Diagnostic] {
        guard let expected = block.expected else { return [] }
        guard let mismatch = OutputComparison(expected: expected).firstMismatch(actual: actual) else { return [] }
        return [Diagnostic(path: path, at: mismatch.location, message: mismatch.message)]
    }
}
