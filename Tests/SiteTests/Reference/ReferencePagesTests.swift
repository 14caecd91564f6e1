import Foundation
import Literate
import Testing
@testable import Site

/// The reference pages and the links from chapters' code, on a tiny book with a hand-written
/// symbol graph (the shape `swiftc -emit-symbol-graph` writes).
@Suite struct ReferencePagesTests {
    static let graph = #"""
    {"module": {"name": "Learning"}, "relationships": [], "symbols": [
     {"kind": {"identifier": "swift.struct", "displayName": "Structure"}, "identifier": {"precise": "s:8Learning3NetV"},
      "pathComponents": ["Net"], "accessLevel": "public",
      "docComment": {"lines": [{"text": "A network of layers. It learns."}, {"text": ""}, {"text": "Its cost is $`C = \\frac{1}{2} (a - y)^2`$."}]},
      "declarationFragments": [{"kind": "keyword", "spelling": "struct"}, {"kind": "text", "spelling": " "}, {"kind": "identifier", "spelling": "Net"}],
      "location": {"uri": "Sources/Learning/Net.swift", "position": {"line": 3, "character": 14}}},
     {"kind": {"identifier": "swift.method", "displayName": "Instance Method"}, "identifier": {"precise": "s:8Learning3NetV7forwardyS2dF"},
      "pathComponents": ["Net", "forward(_:)"], "accessLevel": "public",
      "docComment": {"lines": [{"text": "The output for one input."}, {"text": "# Not a heading of the page"}]},
      "declarationFragments": [{"kind": "text", "spelling": "func forward(_ x: Double) -> Double"}]},
     {"kind": {"identifier": "swift.method", "displayName": "Instance Method"}, "identifier": {"precise": "s:8Learning3NetV7forwardySaySdGAEF"},
      "pathComponents": ["Net", "forward(_:)"], "accessLevel": "public",
      "docComment": {"lines": [{"text": "The outputs for many inputs."}]},
      "declarationFragments": [{"kind": "text", "spelling": "func forward(_ x: [Double]) -> [Double]"}]},
     {"kind": {"identifier": "swift.init", "displayName": "Initializer"}, "identifier": {"precise": "s:8Learning3NetVACycfc"},
      "pathComponents": ["Net", "init()"], "accessLevel": "public",
      "docComment": {"lines": [{"text": "An empty network."}]},
      "declarationFragments": [{"kind": "text", "spelling": "init()"}]},
     {"kind": {"identifier": "swift.func", "displayName": "Function"}, "identifier": {"precise": "s:8Learning7sigmoidyS2dF"},
      "pathComponents": ["sigmoid(_:)"], "accessLevel": "public",
      "docComment": {"lines": [{"text": "The sigmoid, 1 / (1 + e^-z)."}]},
      "declarationFragments": [{"kind": "text", "spelling": "func sigmoid(_ z: Double) -> Double"}]}
    ]}
    """#

    let root: URL
    let index: ReferenceIndex

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("reference-tests-\(UUID().uuidString)")
        let chapters = root.appendingPathComponent("chapters")
        try FileManager.default.createDirectory(at: chapters, withIntermediateDirectories: true)
        let theme = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("site")
        try FileManager.default.copyItem(at: theme, to: root.appendingPathComponent("site"))
        try "# A Tiny Book\n\nStart with [one](01-one.md).\n".write(to: chapters.appendingPathComponent("README.md"), atomically: true, encoding: .utf8)
        // Line 6 calls the library's forward; line 7 the chapter's own sigmoid (its USR is the chapter's).
        try "# One\n\n## Calling it\n\n```swift\nlet y = Net().forward(2)\nlet s = sigmoid(y)\n```\n"
            .write(to: chapters.appendingPathComponent("01-one.md"), atomically: true, encoding: .utf8)
        index = ReferenceIndex(graphs: [try SymbolGraph.decode(Data(Self.graph.utf8))])
    }

    /// The site with the reference and the chapter's names as the compiler resolved them.
    func build() throws -> [String: [UInt8]] {
        var site = SiteBuild(root: root)
        site.reference = index
        site.codeReferences = ["chapters/01-one.md": CodeReferences(names: [
            .init(line: 6, column: 9, usr: "s:8Learning3NetV"), .init(line: 6, column: 9, usr: "s:8Learning3NetVACycfc"),
            .init(line: 6, column: 15, usr: "s:8Learning3NetV7forwardyS2dF"),
            .init(line: 7, column: 9, usr: "s:7Chapter7sigmoidyS2dF"),
        ])]
        return try site.render(reports: [], displayFolder: "chapters").0
    }

    func page(_ files: [String: [UInt8]], _ name: String) throws -> String {
        String(decoding: try #require(files[name]), as: UTF8.self)
    }

    @Test func everySymbolHasAnEntryAtItsAnchor() throws {
        let files = try build()
        let net = try page(files, "reference-Learning-Net.html")
        #expect(index.entries.count == 5)
        for entry in index.entries.values where entry.page == "reference/Learning-Net.md" && !entry.anchor.isEmpty {
            #expect(net.contains("id=\"\(entry.anchor)\""), "no heading with the anchor \(entry.anchor)")
        }
        // The overloads get two anchors; the heading inside a doc comment is not a heading of the page.
        let anchors = index.entries.values.filter { $0.shortName == "forward(_:)" }.map(\.anchor).sorted()
        #expect(anchors == ["forward_", "forward_-1"])
        #expect(!net.contains("<h1 id=\"not-a-heading-of-the-page\""))
        #expect(net.contains("<code>Sources/Learning/Net.swift</code>, line 4"))
        // The doc comment's math is typeset as the chapters' is (or kept as TeX without KaTeX).
        #expect(net.contains("katex") || net.contains("\\frac{1}{2}"))
        // A free function goes on the module's page of extensions and functions.
        #expect(index.entries["s:8Learning7sigmoidyS2dF"]?.page == "reference/Learning-extensions.md")
        let overview = try page(files, "reference-README.html")
        #expect(overview.contains("href=\"reference-Learning-Net.html\""))
        #expect(overview.contains("A network of layers."))
        // Linked from the index page's sidebar, and searchable.
        #expect(try page(files, "index.html").contains("href=\"reference-README.html\""))
        #expect(try page(files, "search-index.js").contains("\"page\":\"reference-Learning-Net.html\""))
    }

    @Test func aNameLinksToTheSymbolTheCompilerChose() throws {
        let files = try build()
        let one = try page(files, "01-one.html")
        // `Net()` links to the initializer (which says what the arguments are), `forward` to the Double overload.
        #expect(one.contains("<a class=\"api\" href=\"reference-Learning-Net.html#init\" aria-describedby=\"tip-01-one-1\"><span class=\"ty\">Net</span>"))
        #expect(one.contains("<a class=\"api\" href=\"reference-Learning-Net.html#forward_\" aria-describedby=\"tip-01-one-2\">forward"))
        #expect(one.contains("<span class=\"tip\" role=\"tooltip\" id=\"tip-01-one-2\"><code>func forward(_ x: Double) -&gt; Double</code> The output for one input.</span></a>"))
        // The chapter's own sigmoid is not the library's: no link, though the library has one of that name.
        #expect(!one.contains("reference-Learning-extensions.html#sigmoid_"))
        #expect(one.contains("= sigmoid(y)"))
        // The entry says where it is used: the chapter's section, the link landing on the line
        // that calls it, which is an anchor of the chapter's page.
        let net = try page(files, "reference-Learning-Net.html")
        #expect(net.contains("<p>Used in:</p>\n<ul>\n<li><em>One</em>: <a href=\"01-one.html#L6\">Calling it</a>"))
        #expect(one.contains("<span class=\"line\" id=\"L6\">"))
        // A line with no linked name is no anchor.
        #expect(!one.contains("id=\"L7\""))
    }

    @Test func aUseLandsOnTheSectionsFirstShownLineThatNamesTheSymbol() throws {
        // Line 6 is hidden setup code, 10 and 12 are shown (12 folded behind the markers on 11
        // and 13), 19 is in a later section's hidden block only.
        let markdown = "# One\n\n## Setup and use\n\n```swift hidden\nlet a = Net()\n```\n\n```swift\nlet b = Net()\n"
            + "//#-hidden-code\nlet c = Net()\n//#-end-hidden-code\n```\n\n## Only hidden\n\n```swift hidden\nlet d = Net()\n```\n"
        let page = PageSource(fileName: "01-one.md", path: "chapters/01-one.md", markdown: markdown)
        let lines = markdown.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[5] == "let a = Net()" && lines[9] == "let b = Net()" && lines[11] == "let c = Net()" && lines[18] == "let d = Net()")
        #expect(ReferenceUse.shownLines(page.chapter) == [10, 12])
        let net = "s:8Learning3NetV"
        func uses(_ lines: [Int]) -> [String] {
            let references = CodeReferences(names: lines.map { .init(line: $0, column: 9, usr: net) })
            return (ReferenceUse.uses(in: page, references: references, index: index)[net] ?? []).map { "\($0.section)#\($0.anchor)" }
        }
        #expect(uses([6, 10, 12, 19]) == ["Setup and use#L10", "Only hidden#only-hidden"])
        #expect(uses([6, 12]) == ["Setup and use#L12"])
        #expect(uses([6]) == ["Setup and use#setup-and-use"])
    }

    @Test func referencePagesAreTheSameBytesOnEveryBuild() throws {
        let first = try build()
        let second = try build()
        let names = first.keys.filter { $0.hasPrefix("reference-") }.sorted()
        #expect(names == ["reference-Learning-Net.html", "reference-Learning-extensions.html", "reference-README.html"])
        for name in names { #expect(first[name] == second[name], "\(name) differs between two builds") }
        // The graph's symbols in another order give the same pages.
        var graph = try SymbolGraph.decode(Data(Self.graph.utf8))
        graph.symbols.reverse()
        #expect(ReferencePages.pages(ReferenceIndex(graphs: [graph])).map(\.markdown) == ReferencePages.pages(index).map(\.markdown))
    }
}
