import Literate

/// One formula on a page: its TeX, whether it is displayed, and where its TeX starts in the
/// Markdown file, so a TeX error points at the reader's line and column.
///
/// The page keeps a marker where the formula goes; once the whole book is typeset in one
/// batch, `html(typeset:)` gives what replaces it. That one function is where a formula's
/// HTML is made, so a wrapper around one equation (a checked value, say) goes there.
public struct MathFormula: Hashable, Sendable {
    /// The TeX, as the chapter wrote it (a `math` block's text without its last newline, or
    /// the code span of `` $`…`$ ``).
    public var tex: String
    /// A ```` ```math ```` block (true) or `` $`…`$ `` in a line of text (false).
    public var display: Bool
    /// The Markdown file, as diagnostics name it.
    public var path: String
    /// The 1-based line and byte column of the TeX's first character.
    public var line: Int
    public var column: Int
    /// The column continuation lines of a display formula start at (its block's indentation).
    public var continuationColumn: Int
    /// For an inline formula that is a symbol the notation page defines: its definition,
    /// shown on hover (and on focus when `focusable`: the first in its section).
    public var definition: String?
    public var focusable = true
    /// For a display formula: the same formula stacked for a phone (`NarrowMath`), shown on
    /// narrow screens instead; nil when stacking changes nothing.
    public var narrow: String?

    public init(tex: String, display: Bool, path: String, line: Int, column: Int, continuationColumn: Int? = nil) {
        self.tex = tex
        self.display = display
        self.path = path
        self.line = line
        self.column = column
        self.continuationColumn = continuationColumn ?? column
    }

    /// What a typesetter is asked: the same TeX in the same mode typesets the same anywhere.
    public var request: MathRequest { MathRequest(tex: tex, display: display) }

    /// What a typesetter is asked for the phone's layout, if there is one.
    public var narrowRequest: MathRequest? { narrow.map { MathRequest(tex: $0, display: true) } }

    /// The formula's HTML in the page: KaTeX's HTML and MathML in a `math` element, or, when
    /// no typesetter ran (`typeset` nil), the TeX itself, escaped and marked `math-untypeset`.
    /// With `narrowTypeset` (the phone's layout, typeset), a display formula holds both, each
    /// in its own box, and the style sheet shows one by the screen's width.
    public func html(typeset: String?, narrowTypeset: String? = nil) -> String {
        let untypeset = typeset == nil ? " math-untypeset" : ""
        let content = typeset ?? escapeHTML(tex)
        if display, let typeset, let narrowTypeset {
            return "<div class=\"math display has-narrow\" data-label=\"formula\"><div class=\"math-wide\">\(typeset)</div><div class=\"math-narrow\">\(narrowTypeset)</div></div>\n"
        }
        return display
            ? "<div class=\"math display\(untypeset)\" data-label=\"formula\">\(content)</div>\n"
            : "<span class=\"math inline\(untypeset)\">\(content)</span>"
    }

    /// The Markdown position of the TeX character `offset` UTF-16 units in (how KaTeX counts):
    /// lines after the first start at `continuationColumn`; columns count UTF-8 bytes.
    public func position(ofOffset offset: Int) -> (line: Int, column: Int) {
        let prefix = String(decoding: Array(tex.utf16.prefix(max(0, offset))), as: UTF16.self)
        let rows = prefix.split(separator: "\n", omittingEmptySubsequences: false)
        let last = rows.last ?? ""
        return rows.count == 1
            ? (line, column + last.utf8.count)
            : (line + rows.count - 1, continuationColumn + last.utf8.count)
    }

    /// A TeX error as a diagnostic at its position in the Markdown.
    func diagnostic(_ message: String, offset: Int?) -> Diagnostic {
        let at = position(ofOffset: offset ?? 0)
        return Diagnostic(path: path, line: at.line, column: at.column,
                          message: "TeX error: \(message); fix the formula")
    }
}

/// A formula as a typesetter sees it: TeX and mode, nothing about where it came from.
public struct MathRequest: Hashable, Sendable, Comparable {
    public var tex: String
    public var display: Bool

    public init(tex: String, display: Bool) {
        self.tex = tex
        self.display = display
    }

    public static func < (a: MathRequest, b: MathRequest) -> Bool {
        (a.display ? 1 : 0, a.tex) < (b.display ? 1 : 0, b.tex)
    }
}

/// What typesetting one formula gave: KaTeX's HTML, or its error message and the UTF-16
/// offset in the TeX where it stopped (when it says).
public enum MathResult: Hashable, Sendable {
    case html(String)
    case error(String, offset: Int?)
}
