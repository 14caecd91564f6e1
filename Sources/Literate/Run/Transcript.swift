import Foundation

/// What a chapter program said on standard output, split by the prelude's markers into each
/// block's printed text, figures and recorded values.
struct Transcript: Sendable {
    /// A value the code recorded with `record(name, value)`.
    struct Record: Hashable, Sendable {
        var name: String
        var value: Double
        var line: Int
        /// Whether the code recorded a `Bool` (a claim's outcome; `value` is 1 for true, 0 for false).
        var claim: Bool = false
    }

    /// Printed text per block index.
    var outputs: [Int: String] = [:]
    var figures: [Int: [FigureResult]] = [:]
    var records: [Record] = []
    /// The block that was running last (its marker was the last one seen).
    var currentBlock: Int?
    /// The `traps` block that ran to its end, if any.
    var finishedTrapBlock: Int?
    /// Whether the program got past its last block.
    var reachedEnd = false
    /// Every block whose start marker was printed.
    var started: Set<Int> = []

    /// Whether block `index` started running.
    func ran(_ index: Int) -> Bool { started.contains(index) }

    /// Whether block `index` ran to its end: a later block started, or the program finished.
    func completed(_ index: Int) -> Bool {
        started.contains(index) && (reachedEnd || started.contains { $0 > index })
    }

    init(_ stdout: String) {
        var rest = Substring(stdout)
        var pending = ""
        func flush(_ transcript: inout Transcript) {
            if let block = transcript.currentBlock, !pending.isEmpty { transcript.outputs[block, default: ""] += pending }
            pending = ""
        }
        while let marker = rest.range(of: Prelude.marker) {
            pending += rest[..<marker.lowerBound]
            flush(&self)
            let lineEnd = rest[marker.upperBound...].firstIndex(of: "\n") ?? rest.endIndex
            let event = rest[marker.upperBound..<lineEnd]
            rest = lineEnd < rest.endIndex ? rest[rest.index(after: lineEnd)...] : rest[lineEnd...]
            handle(event)
        }
        pending += rest
        flush(&self)
    }

    private mutating func handle(_ event: Substring) {
        let word = event.prefix { $0 != " " }
        let argument = event.dropFirst(word.count + 1)
        switch word {
        case "block":
            currentBlock = Int(argument)
            if let index = currentBlock { started.insert(index) }
        case "finished": finishedTrapBlock = Int(argument)
        case "end": reachedEnd = true
        case "record":
            let lineText = argument.prefix { $0 != " " }
            let parts = argument.dropFirst(lineText.count + 1).split(separator: Prelude.separator, omittingEmptySubsequences: false)
            guard parts.count == 2 else { break }
            let name = Transcript.unescape(parts[0]), line = Int(lineText) ?? 0
            if parts[1] == "true" || parts[1] == "false" {
                records.append(Record(name: name, value: parts[1] == "true" ? 1 : 0, line: line, claim: true))
            } else if let value = Double(parts[1]) {
                records.append(Record(name: name, value: value, line: line))
            }
        case "figure":
            let parts = argument.split(separator: Prelude.separator, omittingEmptySubsequences: false).map(Transcript.unescape)
            if parts.count == 3, let block = currentBlock {
                figures[block, default: []].append(FigureResult(svg: parts[0], caption: parts[1], alt: parts[2]))
            }
        case "frames":
            let parts = argument.split(separator: Prelude.separator, omittingEmptySubsequences: false).map(Transcript.unescape)
            guard parts.count >= 3, (parts.count - 3) % 3 == 0, let block = currentBlock else { break }
            let frames = stride(from: 3, to: parts.count, by: 3).map {
                FigureFrame(label: parts[$0], svg: parts[$0 + 1], alt: parts[$0 + 2])
            }
            figures[block, default: []].append(FigureResult(caption: parts[1], alt: parts[2], parameter: parts[0], frames: frames))
        default: break
        }
    }

    /// Undoes the prelude's escaping of backslash, newline and carriage return.
    static func unescape(_ text: Substring) -> String {
        var result = ""
        var escaping = false
        for character in text {
            if escaping {
                switch character {
                case "n": result.append("\n")
                case "r": result.append("\r")
                default: result.append(character)
                }
                escaping = false
            } else if character == "\\" {
                escaping = true
            } else {
                result.append(character)
            }
        }
        return result
    }
}

/// Why a program stopped early, read from its standard error: the runtime's message and the
/// innermost backtrace frame in the chapter.
struct Trap: Hashable, Sendable {
    /// e.g. `Fatal error: Index out of range`.
    var message: String
    /// The Markdown line and column of the innermost chapter frame, if the backtrace has one.
    var location: Location?

    init(stderr: String, path: String, signal: Int32?) {
        let lines = stderr.split(separator: "\n")
        let kinds = ["Fatal error", "Precondition failed", "Assertion failed", "Unexpectedly found nil"]
        if let line = lines.first(where: { line in kinds.contains { line.contains($0) } }),
           let start = kinds.compactMap({ line.range(of: $0)?.lowerBound }).min() {
            message = String(line[start...])
        } else if let crash = lines.first(where: { $0.contains("*** Program crashed: ") }) {
            let text = crash.components(separatedBy: "*** Program crashed: ").last ?? ""
            message = "crashed: " + (text.components(separatedBy: " at 0x").first ?? text)
                .replacingOccurrences(of: " ***", with: "")
        } else if let signal {
            message = "crashed with signal \(signal)"
        } else {
            message = "crashed"
        }
        location = nil
        // A frame reads `... in program at /path/chapter.md:10:9`; the backtracer may show the
        // path relative to the folder the program was compiled in, so a suffix matches too.
        for line in lines {
            guard let at = line.range(of: " at ", options: .backwards) else { continue }
            let place = line[at.upperBound...].split(separator: ":", omittingEmptySubsequences: false)
            guard place.count >= 3, let lineNumber = Int(place[place.count - 2]),
                  let column = Int(place[place.count - 1].prefix { $0.isNumber }) else { continue }
            let file = place.dropLast(2).joined(separator: ":")
            if file == path || path.hasSuffix("/" + file) {
                location = Location(line: lineNumber, column: max(1, column))
                break
            }
        }
    }
}
