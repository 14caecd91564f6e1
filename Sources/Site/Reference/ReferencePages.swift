import Foundation
import Literate
import Markdown

/// The reference pages of `Learning` and `Plot` as Markdown pages of the book, so they are
/// rendered, typeset, searched and sanitised exactly as the chapters are: one page per
/// top-level type (and one for each module's extensions of other modules' types), and an
/// overview, `reference/README.md` (`reference-README.html`), listing them.
///
/// A page: the type's title, its module, kind and file, its declaration as a Swift block, its
/// doc comment; then its members grouped by kind, each a level-3 heading with its
/// declaration and doc comment, and the chapter lines that use it (`uses`).
public enum ReferencePages {
    /// The folder of the reference's pages, relative to the chapters folder.
    public static let folder = "reference/"
    /// The overview's file, relative to the chapters folder.
    public static let overview = "reference/README.md"
    /// The overview's page on the site.
    public static let overviewPage = "reference-README.html"
    /// What every reference page's file on the site starts with.
    public static let sitePrefix = "reference-"
    /// lunr's boost of a reference section (`SearchDocument.boost`): a fifth of a chapter's,
    /// so `momentum` finds chapter 8 before the `Momentum` type, and `oneHot` still finds its entry.
    public static let searchBoost = 0.2

    /// The pages of `index`, the overview first. `uses` gives, by USR, the chapter lines that
    /// name a symbol (chapter file name, line, the chapter's title), in reading order.
    public static func pages(_ index: ReferenceIndex, uses: [String: [ReferenceUse]] = [:]) -> [PageSource] {
        // Written and parsed on every core: each page stands alone.
        [PageSource(fileName: overview, path: "reference/README.md", markdown: overviewMarkdown(index))]
            + index.pages.concurrentMap { page in PageSource(fileName: page.file, path: page.file, markdown: markdown(page, uses: uses)) }
    }

    /// The overview: every page by module, with its type's first sentence.
    static func overviewMarkdown(_ index: ReferenceIndex) -> String {
        var out = "# Reference\n\n"
        out += "The public types and functions of `Learning`, the neural-network library the chapters teach and use, "
            + "and `Plot`, which draws their figures, from their doc comments as the compiler reads them. "
            + "A name in a chapter's code links to its entry here.\n\n"
        if index.pages.isEmpty {
            out += "The symbols could not be extracted when this site was built: `book build` printed why.\n"
            return out
        }
        var module = ""
        for page in index.pages {
            if page.module != module {
                module = page.module
                out += "\n## \(module)\n\n"
            }
            let link = "[`\(page.title)`](\(page.file.dropFirst("reference/".count)))"
            let summary = page.type.map { $0.summary } ?? "the free functions of \(module), and the members it adds to types of other modules."
            out += "- \(link): \(inline(summary))\n"
        }
        return out
    }

    /// One type's page.
    static func markdown(_ page: ReferenceIndex.Page, uses: [String: [ReferenceUse]]) -> String {
        var out = "# \(page.title)\n\n"
        if let type = page.type {
            out += "*\(type.kind) in `\(page.module)`*" + place(type) + "\n\n"
            out += declaration(type) + documentation(type) + usesList(uses[type.usr] ?? [])
        } else {
            out += "The free functions of `\(page.module)`, and the members it adds to types of other modules.\n\n"
        }
        var group = ""
        for member in page.members {
            if member.kind != group {
                group = member.kind
                out += "## \(ReferenceIndex.groupHeading(group))\n\n"
            }
            out += "### `\(member.shortName)`\n\n"
            out += declaration(member) + documentation(member)
            out += "*\(member.kind)*" + place(member) + "\n\n"
            out += usesList(uses[member.usr] ?? [])
        }
        out += "\n[All of the reference](README.md)\n"
        return out
    }

    /// `, declared in Sources/Learning/Matrix.swift, line 12`.
    static func place(_ entry: ReferenceIndex.Entry) -> String {
        guard let path = entry.path else { return "" }
        return ", declared in `\(path)`" + (entry.line.map { ", line \($0)" } ?? "")
    }

    static func declaration(_ entry: ReferenceIndex.Entry) -> String {
        entry.declaration.isEmpty ? "" : "```swift\n\(entry.declaration)\n```\n\n"
    }

    /// The doc comment as Markdown, its ATX headings made bold paragraphs so that the page's
    /// headings (and so its anchors) are only the ones this page writes.
    static func documentation(_ entry: ReferenceIndex.Entry) -> String {
        guard !entry.documentation.isEmpty else { return "" }
        var fence: Substring?
        let lines = entry.documentation.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            let trimmed = line.drop { $0 == " " }
            if let open = fence {
                if trimmed.hasPrefix(open) { fence = nil }
                return String(line)
            }
            if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") {
                fence = trimmed.prefix(3)
                return String(line)
            }
            if line.count - trimmed.count < 4, trimmed.hasPrefix("#") {
                let text = trimmed.drop { $0 == "#" }.trimmingCharacters(in: .whitespaces)
                return "**\(text)**"
            }
            return String(line)
        }
        return lines.joined(separator: "\n") + "\n\n"
    }

    /// "Used in", then each chapter's title and a link to every section whose code names the
    /// symbol, which lands on the section's first shown line that names it.
    /// A list, a chapter an item: a type that 11 chapters use read as one paragraph of 40
    /// links, a wall on a phone.
    static func usesList(_ uses: [ReferenceUse]) -> String {
        guard !uses.isEmpty else { return "" }
        var out = "Used in:\n"
        var chapter = ""
        for use in uses {
            if use.file != chapter {
                out += (chapter.isEmpty ? "" : "\n") + "- *\(inline(use.title))*: "
                chapter = use.file
            } else {
                out += ", "
            }
            let target = "../" + use.file + (use.anchor.isEmpty ? "" : "#" + use.anchor)
            out += "[\(inline(use.section.isEmpty ? use.title : use.section))](\(target))"
        }
        return out + "\n\n"
    }

    /// Text that reads as plain text in Markdown: `*`, `_`, `[`, `<` and backslashes escaped.
    static func inline(_ text: String) -> String {
        var out = ""
        for character in text {
            if "\\*_[]<>".contains(character) { out.append("\\") }
            out.append(character)
        }
        return out
    }
}

/// A section of a chapter whose code names a library symbol, and where the link to it lands.
public struct ReferenceUse: Hashable, Sendable {
    /// The chapter's file name: `04-forward-propagation.md`.
    public var file: String
    /// Its title.
    public var title: String
    /// The section's heading (empty before the first section heading).
    public var section: String
    /// Where the link lands: the first code line of the section that names the symbol and is
    /// on the page (`L42`, `PageRenderer.lineAnchor`), else (a name only in hidden setup code)
    /// the section's heading, or the page's top before the first section.
    public var anchor: String

    public init(file: String, title: String, section: String, anchor: String) {
        self.file = file
        self.title = title
        self.section = section
        self.anchor = anchor
    }

    /// Every use of a symbol of `index` in `page`'s code (`references`), by USR, each
    /// section once, in the page's order, landing on the section's first shown line that names it.
    public static func uses(in page: PageSource, references: CodeReferences, index: ReferenceIndex) -> [String: [ReferenceUse]] {
        // The page's headings with the anchors PageRenderer gives them.
        var anchors = HeadingAnchors()
        var headings: [(line: Int, text: String, anchor: String)] = []
        page.chapter.document.walk { node in
            if case .heading = node.kind {
                headings.append((node.start.line, node.readableText, anchors.next(node.plainText)))
            }
        }
        let title = headings.first?.text ?? page.fileName
        let shown = shownLines(page.chapter)
        var out: [String: [ReferenceUse]] = [:]
        for name in references.names where index.entries[name.usr] != nil {
            let section = headings.last { $0.line < name.line }
            let heading = section.map { $0.line == headings.first?.line ? "" : $0.text } ?? ""
            let sectionAnchor = section.map { $0.line == headings.first?.line ? "" : $0.anchor } ?? ""
            let anchor = shown.contains(name.line) ? PageRenderer.lineAnchor(name.line) : sectionAnchor
            // Changed in place: a copy of the list per name cost a use list's length each time.
            if let same = out[name.usr]?.lastIndex(where: { $0.file == page.fileName && $0.section == heading }) {
                // A section met before: its link moves to this line only if it had none.
                if out[name.usr]?[same].anchor == sectionAnchor && anchor != sectionAnchor { out[name.usr]?[same].anchor = anchor }
            } else {
                out[name.usr, default: []].append(ReferenceUse(file: page.fileName, title: title, section: heading, anchor: anchor))
            }
        }
        return out
    }

    /// The Markdown lines of `chapter`'s code that its page shows: the lines of its Swift
    /// blocks that are not `hidden`, but for the hidden-lines markers (folded lines are shown).
    static func shownLines(_ chapter: ParsedChapter) -> Set<Int> {
        var lines = Set<Int>()
        for block in chapter.blocks where !block.isHidden {
            // The code ends with a newline: no line after it.
            for (offset, text) in block.code.split(separator: "\n", omittingEmptySubsequences: false).dropLast().enumerated() {
                let trimmed = text.trimmingCharacters(in: .whitespaces)
                if trimmed != HiddenLines.start && trimmed != HiddenLines.end { lines.insert(block.firstCodeLine + offset) }
            }
        }
        return lines
    }
}
