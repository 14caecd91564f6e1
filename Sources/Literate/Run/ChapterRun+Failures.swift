import Foundation

/// How a chapter's run can go wrong, reported at the chapter line that caused it: a trap (at the
/// innermost backtrace frame in the chapter), a hang or a flood of output (at the running
/// block), and `traps` blocks that do not trap.
extension ChapterRun {
    /// Diagnostics for a run that did not finish every block normally; empty when it did.
    func runFailure(_ result: ProcessResult, transcript: Transcript) -> [Diagnostic] {
        let finished = transcript.reachedEnd && result.exitStatus == 0 && !result.timedOut && !result.overflowed
        if finished && result.strays == 0 { return [] }
        let running = transcript.currentBlock.flatMap { index in chapter.blocks.first { $0.index == index } }
        let fence = running?.fence ?? chapter.blocks.first?.fence ?? Location(line: 1, column: 1)
        var diagnostics: [Diagnostic] = []
        if finished {
            // It ran to its end, but what it started did not: that was stopped, and is a bug.
            let last = chapter.blocks.last { $0.mode.runs && transcript.ran($0.index) }?.fence ?? fence
            let count = result.strays == 1 ? "a process" : "\(result.strays) processes"
            let held = result.outputHeldOpen ? ", holding its output open," : ""
            return [Diagnostic(path: path, at: last,
                message: "the chapter's program ended but left \(count) it started running\(held) (stopped by book); wait for every process the chapter starts, e.g. with waitUntilExit()")]
        }
        if result.timedOut {
            // SIGQUIT made the runtime print where the program was stuck.
            let stuck = Trap(stderr: result.stderrText, path: chapter.sourceFile, signal: nil).location.map(chapterLocation) ?? fence
            let seconds = WrittenNumber.format(options.timeout)
            let place = stuck == fence ? "while this block ran" : "here"
            let cause = result.strays == 0 ? "(an endless loop?); allow more with --timeout"
                : "while \(result.strays == 1 ? "a process" : "\(result.strays) processes") it started still ran (stopped too); wait only for processes that end"
            diagnostics.append(Diagnostic(path: path, at: stuck,
                message: "the chapter did not finish within \(seconds) s and was stopped \(place) \(cause)"))
        } else if result.overflowed {
            let megabytes = WrittenNumber.format(Double(options.outputLimit) / 1_048_576)
            diagnostics.append(Diagnostic(path: path, at: fence,
                message: "the chapter printed more than \(megabytes) MB and was stopped while this block ran; print less"))
        } else if result.signal != nil || result.exitStatus != 0 {
            let trap = Trap(stderr: result.stderrText, path: chapter.sourceFile, signal: result.signal)
            let location = trap.location.map(chapterLocation) ?? fence
            if result.signal == nil && !result.stderrText.contains("Fatal error") {
                diagnostics.append(Diagnostic(path: path, at: location,
                    message: "the program exited with status \(result.exitStatus ?? -1) during this block; chapter code must not call exit"))
            } else {
                diagnostics.append(Diagnostic(path: path, at: location, message: "the code trapped: \(trap.message)"))
            }
        } else {
            diagnostics.append(Diagnostic(path: path, at: fence,
                message: "the program stopped during this block before the chapter's end; chapter code must not call exit"))
        }
        if let note = outputNote(transcript, at: diagnostics[0].location) { diagnostics.append(note) }
        return diagnostics
    }

    /// Runs the program once executing `traps` block `block`, and checks that it traps there.
    func checkTraps(_ block: CodeBlock, expecting message: String?) throws -> (BlockResult, [Diagnostic]) {
        progress(.started(path: path, stage: "running trap block at line \(block.fence.line) of"))
        let result = try execute(trapBlock: block.index)
        let transcript = Transcript(result.stdoutText)
        var outcome = BlockResult(index: block.index, line: block.fence.line, ran: true,
                                  output: transcript.outputs[block.index] ?? "", figures: transcript.figures[block.index] ?? [])
        if transcript.finishedTrapBlock == block.index {
            return (outcome, [Diagnostic(path: path, at: block.fence, message: "expected a trap, but the block finished")])
        }
        if result.timedOut || result.overflowed || transcript.currentBlock != block.index {
            return (outcome, runFailure(result, transcript: transcript))
        }
        let trap = Trap(stderr: result.stderrText, path: chapter.sourceFile, signal: result.signal)
        outcome.trap = trap.message
        if let message, !trap.message.lowercased().contains(message.lowercased()) {
            let location = trap.location.map(chapterLocation) ?? block.fence
            return (outcome, [Diagnostic(path: path, at: location,
                                         message: "expected a trap with a message containing '\(message)', got: \(trap.message)")])
        }
        return (outcome, [])
    }

    /// A backtrace position moved into the Markdown file: columns shifted by the block's indentation.
    func chapterLocation(_ location: Location) -> Location {
        guard let block = chapter.block(containing: location.line) else { return location }
        return Location(line: location.line, column: location.column + block.codeColumn - 1)
    }

    /// A note with the last lines the chapter printed before it failed.
    private func outputNote(_ transcript: Transcript, at location: Location) -> Diagnostic? {
        let printed = transcript.outputs.keys.sorted().map { transcript.outputs[$0]! }.joined()
        var lines = printed.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        guard !lines.isEmpty else { return nil }
        let shown = lines.suffix(10).map { $0.count > 120 ? String($0.prefix(117)) + "..." : $0 }
        let heading = shown.count < lines.count ? "last \(shown.count) lines printed before the failure:" : "printed before the failure:"
        return Diagnostic(path: path, at: location, severity: .note, message: heading + "\n" + shown.joined(separator: "\n"))
    }
}
