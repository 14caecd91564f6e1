import Literate
import Markdown

/// Code, output, math and figure blocks.
extension PageRenderer {
    /// A Swift block, as the chapter parser read its fence: hidden blocks render as nothing;
    /// the others highlighted, with a note when the block is meant to fail to compile, to
    /// trap, or only to be compiled. A block the parser rejected (a bad option) is shown plain.
    mutating func swiftBlock(_ node: Node) -> String {
        let parsed = codeBlocks[node.start.line]
        if parsed?.isHidden == true { return "" }
        var note = ""
        switch parsed?.mode {
        case .failsToCompile(let expected)?:
            note = "does not compile" + (expected.isEmpty ? "" : ": the compiler says \u{201C}\(escapeHTML(expected))\u{201D}")
        case .traps(let expected)?:
            note = "stops with a trap" + (expected.map { ": \u{201C}\(escapeHTML($0))\u{201D}" } ?? "")
        case .compileOnly?:
            note = "compiled, not run"
        case .run?, nil:
            break
        }
        let noteHTML = note.isEmpty ? "" : "<div class=\"code-note\">\(note)</div>"
        let code = linkedSwiftCode(node.literal, firstLine: parsed?.firstCodeLine ?? node.start.line + 1)
        return "<div class=\"code swift\"\(Self.hiddenLinesAttribute(code.hidden))>\(noteHTML)<pre data-label=\"Swift code\"><code>\(code.html)</code></pre></div>\n"
    }

    /// The output a block is expected to print; marked as checked when it was compared
    /// with what the block printed, which is then shown on request, unless it reads the same
    /// as the check compares them (`ExpectedOutput.comparedLines`), which would repeat the block.
    func outputBlock(_ node: Node, checked: Bool, actual: String?) -> String {
        let label = checked
            ? "<div class=\"output-label\"><span class=\"check-mark\" aria-hidden=\"true\">\u{2713}</span> output, checked against the program</div>"
            : "<div class=\"output-label\">output</div>"
        var printed = ""
        if checked, let actual, !actual.isEmpty, ExpectedOutput.comparedLines(actual) != ExpectedOutput.comparedLines(node.literal) {
            printed = "<details class=\"actual\"><summary>what the program printed</summary><pre data-label=\"what the program printed\"><code>\(SwiftHighlighter.plainHTML(actual))</code></pre></details>"
        }
        let kind = checked ? "output checked" : "output"
        return "<div class=\"\(kind)\">\(label)<pre data-label=\"output\"><code>\(SwiftHighlighter.plainHTML(node.literal))</code></pre>\(printed)</div>\n"
    }

    /// Any other code block: a `math` block becomes display math, the rest plain code.
    mutating func codeBlock(_ node: Node, info: String) -> String {
        switch FenceLanguage(info: info) {
        case .math:
            var formula = MathFormula(tex: node.literal.trimmingTrailingNewlines(), display: true, path: path,
                                      line: node.start.line + 1, column: node.start.column)
            formula.narrow = NarrowMath.tex(formula.tex)
            return mathMarker(formula)
        case .output:
            return outputBlock(node, checked: false, actual: nil)
        case .swift:
            return swiftBlock(node)
        case nil:
            let language = String(FenceLanguage.word(of: info))
            let `class` = language.isEmpty ? "" : " class=\"language-\(escapeHTML(language))\""
            return "<div class=\"code\"><pre data-label=\"code\"><code\(`class`)>\(SwiftHighlighter.plainHTML(node.literal))</code></pre></div>\n"
        }
    }

    /// A figure the code drew, numbered within the chapter (Figure 6.1 is chapter 6's first),
    /// the number a link to the figure. The drawing is fitted to the column's width, but no
    /// narrower than its smallest text needs to be 11 px (`style.css`, from the drawing's
    /// `--plot-width` and `--plot-least-font`), scrolling sideways in `.figure-scroll` on a
    /// narrower screen; where it is shown below its own size, `figures.js` adds a button that
    /// opens it full size.
    mutating func figure(_ figure: FigureResult) -> String {
        figureCount += 1
        let number = chapter.map { "\($0).\(figureCount)" } ?? "\(figureCount)"
        let id = "figure-" + number.replacingOccurrences(of: ".", with: "-")
        index("Figure \(number). \(figure.caption)")
        if !figure.frames.isEmpty { return frames(figure, number: number, id: id) }
        return """
        <figure id="\(id)"><div class="figure-scroll" data-label="Figure \(number)"><div class="figure-art" role="img" aria-label="\(escapeHTML(figure.alt))">\(HTMLSanitizer.svg(figure.svg))</div></div>\
        <figcaption><a class="figure-number" href="#\(id)">Figure \(number).</a> \(escapeHTML(figure.caption))</figcaption></figure>

        """
    }

    /// A GitHub pipe table (a `.table` node of the parsed tree); each cell's inline content
    /// rendered as a paragraph's is.
    mutating func table(_ table: Node) -> String {
        var out = "<div class=\"table\"><table>\n"
        var searchText: [String] = []
        var bodyOpen = false
        for row in table.children {
            guard case .tableRow(let header) = row.kind else { continue }
            if !header && !bodyOpen {
                out += "<tbody>\n"
                bodyOpen = true
            }
            out += header ? "<thead><tr>" : "<tr>"
            for cell in row.children {
                guard case .tableCell(_, let alignment) = cell.kind else { continue }
                let tag = header ? "th" : "td"
                let style = alignment == .none ? "" : " style=\"text-align: \(alignment.rawValue)\""
                out += "<\(tag)\(style)>\(inlines(cell.children))</\(tag)>"
                searchText.append(cell.readableText)
            }
            out += header ? "</tr></thead>\n" : "</tr>\n"
        }
        if !bodyOpen { out += "<tbody>\n" }
        index(searchText.joined(separator: " "))
        return out + "</tbody>\n</table></div>\n"
    }
}

extension String {
    func trimmingTrailingNewlines() -> String {
        var text = self
        while text.hasSuffix("\n") { text.removeLast() }
        return text
    }
}
