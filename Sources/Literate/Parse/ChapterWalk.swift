import Markdown

/// The walk over libcmark's tree that builds a chapter: its Swift blocks with their options
/// and outputs, its prose checks, and the problems found on the way, each at its position.
struct ChapterWalk {
    let path: String
    let lines: [[UInt8]]
    var blocks: [CodeBlock] = []
    var checks: [ProseCheck] = []
    var diagnostics: [Diagnostic] = []

    init(path: String, lines: [[UInt8]]) {
        self.path = path
        self.lines = lines
    }

    mutating func error(_ location: Location, _ message: String) {
        diagnostics.append(Diagnostic(path: path, at: location, message: message))
    }

    mutating func visit(_ node: Node) {
        var previous: Node?
        var previousBlockIndex: Int?
        for child in node.children {
            switch child.kind {
            case .codeBlock(_, let fence?):
                previousBlockIndex = codeBlock(child, fence: fence, after: previous, previousBlockIndex: previousBlockIndex)
            case .htmlBlock:
                fencesInHTML(child)
                previousBlockIndex = nil
            case .paragraph, .heading, .tableCell:
                proseChecks(in: child)
                previousBlockIndex = nil
            default:
                visit(child)
                previousBlockIndex = nil
            }
            previous = child
        }
    }

    /// Handles one fenced block; returns the index of the Swift block it added, if any.
    mutating func codeBlock(_ node: Node, fence: Fence, after previous: Node?, previousBlockIndex: Int?) -> Int? {
        let fenceColumn = node.start.column + fence.indent
        let location = Location(line: node.start.line, column: fenceColumn)
        // Lines are split at "\n"; libcmark also ends lines at a lone "\r", so guard the index.
        let opening = lines.indices.contains(node.start.line - 1) ? lines[node.start.line - 1] : []
        var infoStart = fenceColumn - 1 + fence.length
        while infoStart < opening.count, opening[infoStart] == UInt8(ascii: " ") || opening[infoStart] == UInt8(ascii: "\t") {
            infoStart += 1
        }
        let info = String(decoding: opening[min(infoStart, opening.count)...], as: UTF8.self)
        let word = FenceLanguage.word(of: info)
        // Any block, whatever its language, may have swallowed the Swift after it.
        if !fence.isClosed {
            let closing = String(repeating: fence.character, count: fence.length)
            error(location, "code block is never closed; add a closing \(closing) line after its last line")
            return nil
        }
        if swallowedFence(node, fence: fence, language: String(word)) { return nil }
        guard let language = FenceLanguage(info: info), language != .math else { return nil }
        let optionsColumn = infoStart + word.utf8.count + 1
        let (words, unclosedQuote) = InfoWord.split(String(info.dropFirst(word.count)), firstColumn: optionsColumn)
        if let column = unclosedQuote {
            error(Location(line: location.line, column: column), "option value's quote is never closed; add a closing \"")
            return nil
        }
        // An output block under a Swift block that was rejected: that block has had its error; one is enough.
        if language == .output, previousBlockIndex == nil, case .codeBlock(let info, _)? = previous?.kind,
           FenceLanguage(info: info) == .swift {
            return nil
        }
        guard let options = options(words, of: language, line: location.line) else { return nil }
        if language == .output {
            outputBlock(node, location: location, options: options, previousBlockIndex: previousBlockIndex)
            return nil
        }
        return swiftBlock(node, location: location, options: options)
    }

    /// Reads a fence's words against the table of options (`FenceOption`): each must be an
    /// option of `language` with the value its rule asks for, and at most one may choose the
    /// run mode. Nil, after an error at each bad word, when any is wrong.
    mutating func options(_ words: [InfoWord], of language: FenceLanguage, line: Int)
        -> [(option: FenceOption, value: String?)]? {
        var options: [(option: FenceOption, value: String?)] = []
        var modeWord: InfoWord?
        var valid = true
        for word in words {
            let at = Location(line: line, column: word.column)
            guard let option = FenceOption(name: word.name, language: language) else {
                unknownOption(word, at: at, language: language)
                valid = false
                continue
            }
            if option.choosesRunMode {
                if let earlier = modeWord {
                    error(at, "options '\(earlier.name)' and '\(word.name)' cannot be combined; keep one")
                    valid = false
                }
                modeWord = word
            }
            switch option.value {
            case .none where word.value != nil:
                error(at, "option '\(option.name)' takes no value; write just \(option.name)")
                valid = false
            case .required(let what, let example) where (word.value ?? "").isEmpty:
                error(at, "option '\(option.name)' needs \(what), e.g. \(option.name)=\(example)")
                valid = false
            case .tolerance where word.value.flatMap(Tolerance.init(parsing:)) == nil:
                error(at, "tolerance must be a number like tolerance=0.001 or a percentage like tolerance=1%")
                valid = false
            default:
                options.append((option, word.value))
            }
        }
        return valid ? options : nil
    }

    mutating func swiftBlock(_ node: Node, location: Location, options: [(option: FenceOption, value: String?)]) -> Int? {
        var mode = RunMode.run
        var hidden = false
        for (option, value) in options {
            switch option {
            case .hidden: hidden = true
            case .compileOnly: mode = .compileOnly
            case .failsToCompile: mode = .failsToCompile(message: value ?? "")
            case .traps: mode = .traps(message: value.flatMap { $0.isEmpty ? nil : $0 })
            case .tolerance: break
            }
        }
        let block = CodeBlock(index: blocks.count, fence: location, firstCodeLine: location.line + 1,
                              codeColumn: location.column, code: node.literal, mode: mode, isHidden: hidden)
        blocks.append(block)
        return block.index
    }

    mutating func outputBlock(_ node: Node, location: Location, options: [(option: FenceOption, value: String?)], previousBlockIndex: Int?) {
        var tolerance: Tolerance?
        for (option, value) in options where option == .tolerance {
            tolerance = value.flatMap(Tolerance.init(parsing:))
        }
        guard let index = previousBlockIndex, blocks.indices.contains(index) else {
            error(location, "output block has no swift block directly above it; put it right after the block whose output it shows")
            return
        }
        switch blocks[index].mode {
        case .compileOnly, .failsToCompile:
            error(location, "a block that is not run has no output; remove this output block or the block's option")
            return
        default: break
        }
        blocks[index].expected = ExpectedOutput(fence: location, firstLine: location.line + 1, column: location.column,
                                                text: node.literal, tolerance: tolerance)
    }

    mutating func unknownOption(_ word: InfoWord, at: Location, language: FenceLanguage) {
        let quoted = word.name.isEmpty ? "=\(word.value ?? "")" : word.name
        if let suggestion = FenceOption.nearest(to: word.name, for: language) {
            error(at, "unknown option '\(quoted)'; did you mean '\(suggestion.name)'?")
        } else {
            let names = FenceOption.options(for: language).map(\.name).joined(separator: ", ")
            error(at, "unknown option '\(quoted)' for \(language == .output ? "an output" : "a swift") block; use one of: \(names)")
        }
    }
}
