import Literate
import Markdown

/// Where each public symbol of `Learning` and `Plot` is on the site's reference pages, and what
/// a reader sees of it at a glance: the map from the compiler's symbol graphs to pages.
///
/// Rule: a symbol's page is the first name of its path (`Matrix` for `Matrix.oneHot(classes:)`,
/// `ComputationGraph` for `ComputationGraph.Kind.leaf`), one page per module and top-level
/// type, `reference/<Module>-<Type>.md`; a free function, and a member of another module's
/// type (`Double.formatted(decimals:)`, from the graph `Learning@Swift`), go on its module's
/// page of functions and extensions, `reference/<Module>-extensions.md`. On a page, members are grouped by
/// kind (initializers, instance methods, ...) in `kindOrder`, sorted by name and declaration.
/// Every anchor is the one `PageRenderer` gives the entry's heading.
public struct ReferenceIndex: Codable, Sendable {
    /// One symbol on a page.
    public struct Entry: Codable, Hashable, Sendable {
        /// The compiler's unique name, the key chapters' code is linked by.
        public var usr: String
        public var module: String
        /// The dotted name: `Matrix.oneHot(classes:)`.
        public var name: String
        /// The name under its page's title: `oneHot(classes:)`, `Kind.leaf`; the type's own
        /// name for the page's type.
        public var shortName: String
        /// The reader's kind: `Instance Method`.
        public var kind: String
        /// The declaration as written: `static func oneHot(_ labels: [Int], classes: Int) -> Matrix`.
        public var declaration: String
        /// The doc comment, Markdown.
        public var documentation: String
        /// The doc comment's first sentence: its first paragraph up to the first `. `, as plain
        /// text (worked out once: every linked name in the chapters shows it).
        public var summary: String
        /// Where it is declared (`Sources/Learning/Matrix.swift`, one-based line), when known.
        public var path: String?
        public var line: Int?
        /// The page's Markdown file, relative to the chapters folder: `reference/Learning-Matrix.md`.
        public var page: String
        /// The heading's anchor on that page; empty for the page's own type (its top).
        public var anchor: String

        /// The page on the site and the anchor: `reference-Learning-Matrix.html#onehotclasses`.
        public var href: String {
            let html = page.dropLast(3).replacingOccurrences(of: "/", with: "-") + ".html"
            return anchor.isEmpty ? html : html + "#" + anchor
        }

    }

    /// One reference page: its file, title, module, its own type's entry (nil for a page of
    /// extensions) and its members in page order.
    public struct Page: Codable, Sendable {
        public var file: String
        public var title: String
        public var module: String
        public var type: Entry?
        public var members: [Entry]
    }

    /// The pages, by module then title.
    public var pages: [Page]
    /// Every entry by USR.
    public var entries: [String: Entry]

    /// The kinds in the order a page lists them; other kinds follow by name.
    static let kindOrder = ["Type Alias", "Associated Type", "Case", "Initializer", "Instance Property", "Instance Method",
                            "Instance Subscript", "Type Property", "Type Method", "Type Subscript", "Operator"]
    /// Kinds that open a page of their own when top-level.
    static let typeKinds: Set<String> = ["swift.struct", "swift.enum", "swift.class", "swift.protocol", "swift.actor", "swift.typealias"]

    /// The index of `graphs` (every graph of every module, as `LibrarySymbols` reads them).
    public init(graphs: [SymbolGraph]) {
        // A symbol may appear in two graphs (a protocol extension member); the first is kept.
        var seen = Set<String>()
        var symbols: [(module: String, symbol: SymbolGraph.Symbol)] = []
        for graph in graphs {
            for symbol in graph.symbols where seen.insert(symbol.identifier.precise).inserted {
                symbols.append((graph.module.name, symbol))
            }
        }
        // Top-level types of each module name their pages.
        var typeNames = Set<String>()
        for (module, symbol) in symbols where symbol.pathComponents.count == 1 && Self.typeKinds.contains(symbol.kind.identifier) {
            typeNames.insert(module + "/" + symbol.pathComponents[0])
        }
        var grouped: [String: [(module: String, symbol: SymbolGraph.Symbol)]] = [:]
        for item in symbols {
            let first = item.symbol.pathComponents.first ?? ""
            let page = typeNames.contains(item.module + "/" + first) ? "reference/\(item.module)-\(first).md" : "reference/\(item.module)-extensions.md"
            grouped[page, default: []].append(item)
        }
        var pages: [Page] = []
        var entries: [String: Entry] = [:]
        for file in grouped.keys.sorted() {
            let items = grouped[file]!
            let module = items[0].module
            let own = items.first { $0.symbol.pathComponents.count == 1 && Self.typeKinds.contains($0.symbol.kind.identifier) }
            let title = own.map { $0.symbol.pathComponents[0] } ?? "Functions and extensions in \(module)"
            let type = own.map { Self.entry($0.symbol, module: module, page: file, shortName: title, anchor: "") }
            // The page's headings in order, so each anchor is the one PageRenderer makes.
            var anchors = HeadingAnchors()
            _ = anchors.next(title)
            let members = items.filter { $0.symbol.identifier.precise != own?.symbol.identifier.precise }.map { item in
                Self.entry(item.symbol, module: module, page: file,
                           shortName: own == nil ? item.symbol.qualifiedName : item.symbol.pathComponents.dropFirst().joined(separator: "."), anchor: "")
            }.sorted { (a: Entry, b: Entry) -> Bool in
                let left = (Self.kindRank(a.kind), a.shortName, a.declaration), right = (Self.kindRank(b.kind), b.shortName, b.declaration)
                return left < right
            }
            var placed: [Entry] = []
            var group = ""
            for var member in members {
                if member.kind != group {
                    group = member.kind
                    _ = anchors.next(Self.groupHeading(group))
                }
                member.anchor = anchors.next(member.shortName)
                placed.append(member)
            }
            pages.append(Page(file: file, title: title, module: module, type: type, members: placed))
            for entry in (type.map { [$0] } ?? []) + placed { entries[entry.usr] = entry }
        }
        // By module, its types before its extensions, then by title.
        self.pages = pages.sorted { (a: Page, b: Page) -> Bool in
            let left = (a.module, a.type == nil ? 1 : 0, a.title), right = (b.module, b.type == nil ? 1 : 0, b.title)
            return left < right
        }
        self.entries = entries
    }

    /// A group's heading: the kind in the plural, `Instance Methods`.
    static func groupHeading(_ kind: String) -> String {
        kind.hasSuffix("s") ? kind + "es" : kind.hasSuffix("y") ? kind.dropLast() + "ies" : kind + "s"
    }

    static func kindRank(_ kind: String) -> Int {
        kindOrder.firstIndex(of: kind) ?? kindOrder.count
    }

    static func entry(_ symbol: SymbolGraph.Symbol, module: String, page: String, shortName: String, anchor: String) -> Entry {
        Entry(usr: symbol.identifier.precise, module: module, name: symbol.qualifiedName, shortName: shortName,
              kind: symbol.kind.displayName, declaration: (symbol.declarationFragments ?? []).map(\.spelling).joined(),
              documentation: symbol.docComment?.markdown ?? "", summary: firstSentence(symbol.docComment?.markdown ?? ""),
              path: symbol.location?.path,
              line: symbol.location.map { $0.position.line + 1 }, page: page, anchor: anchor)
    }

    /// The first paragraph of `markdown` up to and including its first sentence's full stop
    /// (a `.` followed by a space or the end, not the last of `...`), its lines joined, as plain text: read by cmark,
    /// so code spans lose their backticks, emphasis its `*` and `**`, and math reads as
    /// `TeXText` writes it (`A[L]`, not `A^{[L]}`).
    static func firstSentence(_ markdown: String) -> String {
        let paragraph = markdown.split(separator: "\n", omittingEmptySubsequences: false)
            .prefix { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
            .map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        var sentence = paragraph
        // An ellipsis (`W X ... + b`) ends no sentence.
        var from = paragraph.startIndex
        while let stop = paragraph.range(of: ". ", range: from..<paragraph.endIndex) {
            if stop.lowerBound > paragraph.startIndex && paragraph[paragraph.index(before: stop.lowerBound)] == "." {
                from = stop.upperBound
                continue
            }
            sentence = String(paragraph[..<stop.lowerBound]) + "."
            break
        }
        guard !sentence.isEmpty else { return "" }
        return CommonMark.document(sentence).root.readableText.trimmingCharacters(in: .whitespaces)
    }
}

/// The anchors `PageRenderer` gives a page's headings, in order: GitHub's slug of the
/// heading's text, `-1`, `-2`, ... after the first use.
struct HeadingAnchors {
    private var used: [String: Int] = [:]

    mutating func next(_ heading: String) -> String {
        var base = PageRenderer.slug(heading)
        if base.isEmpty { base = "section" }
        let count = used[base, default: 0]
        used[base] = count + 1
        return count == 0 ? base : "\(base)-\(count)"
    }
}
