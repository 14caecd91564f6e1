import Literate
import Markdown

/// One chapter rendered to the HTML of its article, with what the site needs around it.
public struct RenderedPage: Sendable {
    /// The text of the chapter's first heading.
    public var title: String
    /// The article's HTML (no template around it).
    public var body: String
    /// The page cut at its headings, as plain text, for the search index.
    public var sections: [SearchSection]
    /// The page's level-2 and level-3 headings, for its table of contents.
    public var outline: [OutlineEntry] = []
    /// Broken links and other problems, at their positions in the Markdown file.
    public var diagnostics: [Diagnostic]
    /// The page's formulas, in order: `body` holds the marker `MathFormula.marker(n)` where
    /// the n-th goes, until `Website` fills in the typeset math.
    public var formulas: [MathFormula] = []
}

/// A heading in a page's table of contents: its level, anchor and inline HTML.
public struct OutlineEntry: Hashable, Sendable {
    public var level: Int
    public var id: String
    public var html: String
}

/// Renders a chapter's libcmark tree to HTML: the blocks, GitHub tables, math, highlighted
/// Swift, checked outputs and numbers, figures, and links rewritten to pages.
///
/// Rules, in the order the reader meets them: `swift hidden` blocks are not shown; an
/// `output` block is shown as output and marked checked when its block's result says so;
/// figures follow their block (after its `output` block, if any), numbered "Figure N." in
/// the chapter; a `math` block and `` $`…`$ `` inline become markers for the formulas,
/// which the whole book's typesetting fills in (`MathFormula.html(typeset:)`).
public struct PageRenderer {
    let path: String
    /// The page's folder relative to the chapters folder, for resolving relative links.
    let folder: String
    let results: PageResults
    let links: Links
    var diagnostics: [Diagnostic] = []
    var sections: [SearchSection] = []
    var headingIDs: [String: Int] = [:]
    var figureCount = 0
    /// The chapter's number (`06-…` is 6), which figure numbers start with; nil elsewhere.
    var chapter: Int?
    /// What this page's tooltip ids start with, and how many there are.
    var tipPrefix = ""
    /// Whether checked values carry their check's name (`data-check`, for `book serve`).
    var namesChecks = false
    var tipCount = 0
    /// A linked name's tooltip text as HTML, by its entry's link: worked out once per page,
    /// not at every use of the name.
    var linkTips: [String: String] = [:]
    /// How many answer boxes the page has so far.
    var answerCount = 0
    var outline: [OutlineEntry] = []
    var formulas: [MathFormula] = []
    /// Raw HTML passes this allow-list; it also closes what the page's HTML left open.
    var sanitizer = HTMLSanitizer()
    /// The symbols the notation page defines, shown on hover; empty on the notation page.
    var notation = Notation()
    /// The definitions already shown in this section: only a symbol's first use in a section
    /// takes keyboard focus, so Tab does not stop at every δ.
    var symbolsSeen: Set<String> = []
    /// The chapter parser's Swift blocks (options read once, by `FenceOption`'s table), by
    /// the line of their opening fence.
    var codeBlocks: [Int: CodeBlock] = [:]

    /// Renders a parsed chapter (its tree, every node positioned, and its Swift blocks with
    /// their options), which lives in `folder` relative to the chapters folder. Nothing is
    /// parsed again. `chapter` numbers its figures (Figure 6.1); `notation` gives the symbols
    /// whose definitions show on hover.
    public static func render(_ parsed: ParsedChapter, folder: String = "", chapter: Int? = nil,
                              results: PageResults, links: Links, notation: Notation = Notation(),
                              namesChecks: Bool = false) -> RenderedPage {
        var renderer = PageRenderer(path: parsed.path, folder: folder, results: results, links: links)
        renderer.chapter = chapter
        renderer.namesChecks = namesChecks
        renderer.notation = notation
        let base = parsed.path.split(separator: "/").last.map { String($0.prefix { $0 != "." }) } ?? "page"
        renderer.tipPrefix = slug(base)
        renderer.codeBlocks = Dictionary(parsed.blocks.map { ($0.fence.line, $0) }, uniquingKeysWith: { first, _ in first })
        var title = ""
        parsed.document.walk { node in
            if title.isEmpty, case .heading = node.kind { title = node.readableText }
        }
        let body = renderer.blocks(parsed.document.children, tight: false) + renderer.sanitizer.closeAll()
        return RenderedPage(title: title, body: body, sections: renderer.sections, outline: renderer.outline,
                            diagnostics: renderer.diagnostics, formulas: renderer.formulas)
    }

    /// Parses `markdown` as the chapter at `path` and renders it (one page on its own, as tests make them).
    public static func render(markdown: String, path: String, folder: String = "", chapter: Int? = nil,
                              results: PageResults, links: Links) -> RenderedPage {
        render(ChapterParser.parse(markdown, path: path), folder: folder, chapter: chapter, results: results, links: links)
    }

    init(path: String, folder: String, results: PageResults, links: Links) {
        self.path = path
        self.folder = folder
        self.results = results
        self.links = links
        self.sections = [SearchSection(id: "", heading: "", text: "")]
    }

    mutating func blocks(_ nodes: [Node], tight: Bool) -> String {
        var out = ""
        var index = 0
        while index < nodes.count {
            let node = nodes[index]
            if case .codeBlock(let info, _) = node.kind, FenceLanguage(info: info) == .swift {
                out += swiftBlock(node)
                var figures = results.blocks[node.start.line]?.figures ?? []
                if index + 1 < nodes.count, case .codeBlock(let nextInfo, _) = nodes[index + 1].kind,
                   FenceLanguage(info: nextInfo) == .output {
                    index += 1
                    out += outputBlock(nodes[index], checked: results.blocks[node.start.line]?.outputChecked ?? false,
                                       actual: results.blocks[node.start.line]?.stdout)
                }
                for figure in figures { out += self.figure(figure) }
                figures = []
            } else {
                out += answerBox(nodes, at: index)
                out += block(node, tight: tight)
            }
            index += 1
        }
        return out
    }

    mutating func block(_ node: Node, tight: Bool) -> String {
        switch node.kind {
        case .document:
            return blocks(node.children, tight: false)
        case .table:
            return table(node)
        case .paragraph:
            index(node.readableText)
            let content = inlines(node.children)
            return tight ? content + "\n" : "<p>\(content)</p>\n"
        case .heading(let level):
            let text = node.readableText
            let id = uniqueID(Self.slug(node.plainText))
            sections.append(SearchSection(id: id, heading: text, text: ""))
            if level <= 2 { symbolsSeen = [] }
            let content = inlines(node.children)
            if level == 2 || level == 3 { outline.append(OutlineEntry(level: level, id: id, html: content)) }
            // The anchor follows the text, so a screen reader reads the heading first; it is
            // a link of its own, reachable by Tab.
            return "<h\(level) id=\"\(escapeHTML(id))\">\(content)<a class=\"anchor\" href=\"#\(escapeHTML(id))\" aria-label=\"link to this section: \(escapeHTML(text))\">#</a></h\(level)>\n"
        case .blockQuote:
            return "<blockquote>\n\(blocks(node.children, tight: false))</blockquote>\n"
        case .list(let ordered, let start, let isTight):
            let tag = ordered ? "ol" : "ul"
            let startAttribute = ordered && start != 1 ? " start=\"\(start)\"" : ""
            let items = node.children.map { item in
                "<li>" + blocks(item.children, tight: isTight) + "</li>\n"
            }.joined()
            return "<\(tag)\(startAttribute)>\n\(items)</\(tag)>\n"
        case .item:
            return "<li>" + blocks(node.children, tight: tight) + "</li>\n"
        case .codeBlock(let info, _):
            return codeBlock(node, info: info)
        case .htmlBlock:
            return sanitizer.clean(node.literal)
        case .thematicBreak:
            return "<hr>\n"
        default:
            return inlines([node])
        }
    }

    /// Adds prose to the search text of the current section.
    mutating func index(_ text: String) {
        let last = sections.count - 1
        sections[last].text += sections[last].text.isEmpty ? text : " " + text
    }

    mutating func uniqueID(_ base: String) -> String {
        let base = base.isEmpty ? "section" : base
        let count = headingIDs[base, default: 0]
        headingIDs[base] = count + 1
        return count == 0 ? base : "\(base)-\(count)"
    }

    /// A heading's anchor as GitHub makes it, so `#fragment` links work on both: lowercase,
    /// spaces become `-`, and every other character that is not a letter, a digit, `-` or
    /// `_` is dropped.
    public static func slug(_ heading: String) -> String {
        var out = ""
        for character in heading.lowercased() {
            if character == " " {
                out.append("-")
            } else if character.isLetter || character.isNumber || character == "-" || character == "_" {
                out.append(character)
            }
        }
        return out
    }
}
