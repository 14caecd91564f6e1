/// The code every chapter program gets: the `BookSupport` library (compiled once with Learning
/// and Plot) and the few lines at the top of each generated `main.swift`.
///
/// The program talks to the engine through standard output, on lines that start with the
/// record separator U+001E so they cannot be confused with what chapter code prints:
/// `␞book:block N` (block N starts), `␞book:record LINE NAME␟VALUE` (`true`/`false` for a claim), `␞book:figure SVG␟CAPTION␟ALT`,
/// `␞book:frames PARAMETER␟CAPTION␟ALT` followed by `␟LABEL␟SVG␟ALT` per frame
/// (backslash, newline and carriage return escaped), `␞book:finished N` (a `traps` block ran to
/// its end), `␞book:end` (every block ran).
enum Prelude {
    static let marker = "\u{1E}book:"
    static let separator: Character = "\u{1F}"
    /// The environment variable naming the one `traps` block a run executes.
    static let trapVariable = "BOOK_TRAP_BLOCK"

    static let supportSource = #"""
    import Plot
    #if canImport(Glibc)
    import Glibc
    #elseif canImport(Darwin)
    import Darwin
    #endif

    private let bookMarker = "\u{1E}book:"

    private func bookEscape(_ text: String) -> String {
        var escaped = ""
        for character in text {
            switch character {
            case "\\": escaped += "\\\\"
            case "\n": escaped += "\\n"
            case "\r": escaped += "\\r"
            case "\u{1E}", "\u{1F}": escaped += " "
            default: escaped.append(character)
            }
        }
        return escaped
    }

    /// Which `traps` block this run executes (-1: none, the normal run).
    public let bookTrapBlock: Int = {
        guard let value = getenv("BOOK_TRAP_BLOCK") else { return -1 }
        return Int(String(cString: value)) ?? -1
    }()

    /// Makes standard output line-buffered, so everything printed before a trap arrives.
    public func bookStart() {
        setvbuf(stdout, nil, _IOLBF, 0)
    }

    /// Marks the start of block `index` in the output.
    public func bookBlock(_ index: Int) {
        print("\(bookMarker)block \(index)")
    }

    /// Marks the end of a `traps` block that did not trap, and stops the program.
    public func bookTrapBlockFinished(_ index: Int) -> Never {
        print("\(bookMarker)finished \(index)")
        fflush(stdout)
        exit(0)
    }

    /// Marks the end of the program.
    public func bookEnd() {
        print("\(bookMarker)end")
        fflush(stdout)
    }

    /// Always false, in a way the compiler cannot see: the guard of `compile-only` blocks.
    public func bookNeverRuns() -> Bool { bookTrapBlock < -1 }

    /// Records `value` under `name` for the chapter's prose checks: `[0.5866](check:h1)`.
    public func record(_ name: String, _ value: Double, line: Int = #line) {
        print("\(bookMarker)record \(line) \(bookEscape(name))\u{1F}\(value)")
    }

    /// Records an integer under `name` for the chapter's prose checks.
    public func record(_ name: String, _ value: Int, line: Int = #line) {
        print("\(bookMarker)record \(line) \(bookEscape(name))\u{1F}\(value)")
    }

    /// Records the outcome of an experiment under `name` for a claim in the prose:
    /// `[keeps rising](check:rises)` holds when the code records true here.
    public func record(_ name: String, _ value: Bool, line: Int = #line) {
        print("\(bookMarker)record \(line) \(bookEscape(name))\u{1F}\(value)")
    }

    /// Records a single-precision value under `name` for the chapter's prose checks.
    public func record(_ name: String, _ value: Float, line: Int = #line) {
        print("\(bookMarker)record \(line) \(bookEscape(name))\u{1F}\(value)")
    }

    /// Shows a figure: the website places it after the block that called this, with its caption.
    public func show(_ figure: Figure) {
        print("\(bookMarker)figure \(bookEscape(figure.svg))\u{1F}\(bookEscape(figure.caption))\u{1F}\(bookEscape(figure.alt))")
    }

    /// Shows a figure in frames: the website places it after the block, one frame at a time
    /// under a slider over `frames.parameter`.
    public func show(_ frames: Frames) {
        var line = "\(bookMarker)frames \(bookEscape(frames.parameter))\u{1F}\(bookEscape(frames.caption))\u{1F}\(bookEscape(frames.alt))"
        for frame in frames.frames {
            line += "\u{1F}\(bookEscape(frame.label))\u{1F}\(bookEscape(frame.figure.svg))\u{1F}\(bookEscape(frame.figure.alt))"
        }
        print(line)
    }

    /// Stops a chapter that reads standard input, at the line that tried.
    public func bookReadLine() -> Never {
        fatalError("chapter code must not read standard input; put the data in the code or in a file")
    }
    """#

    /// The lines before the first block of every chapter program.
    static let header = """
    import Learning
    import Plot
    import BookSupport

    /// Chapter code must not wait for a reader: reading standard input stops with a clear message.
    func readLine(strippingNewline: Bool = true) -> String? {
        bookReadLine()
    }

    bookStart()

    """
}
