import Foundation
import Literate
import Testing
@testable import Site

/// End to end on a tiny book in a temporary folder, with the repository's theme.
@Suite struct SiteBuildTests {
    let root: URL

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("site-tests-\(UUID().uuidString)")
        let chapters = root.appendingPathComponent("chapters")
        try FileManager.default.createDirectory(at: chapters, withIntermediateDirectories: true)
        let theme = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("site")
        try FileManager.default.copyItem(at: theme, to: root.appendingPathComponent("site"))
        try write("README.md", "# A Tiny Book\n\nStart with [one](01-one.md).\n")
        try write("notation.md", "# Notation\n\n$`x`$ is an input.\n")
        try write("01-one.md", "# One\n\n```math\nz = w x + b\n```\n\n```swift\nprint(1)\n```\n\n```output\n1\n```\n\nSo [1](check:one). Next: [two](02-two.md).\n")
        try write("02-two.md", "# Two\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\nBack to [one](01-one.md#one).\n")
    }

    func write(_ name: String, _ text: String) throws {
        try text.write(to: root.appendingPathComponent("chapters/" + name), atomically: true, encoding: .utf8)
    }

    func snapshot(_ folder: URL) throws -> [String: Data] {
        var out: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey])!
        for case let url as URL in enumerator where (try url.resourceValues(forKeys: [.isRegularFileKey])).isRegularFile == true {
            out[String(url.path.dropFirst(folder.path.count))] = try Data(contentsOf: url)
        }
        return out
    }

    func leftovers() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: root.path).filter { $0.hasPrefix("._site") }
    }

    @Test func buildsEveryPageWithNavigation() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        let summary = try SiteBuild(root: root).run(reports: [])
        #expect(summary.pages == 4)
        let files = try snapshot(root.appendingPathComponent("_site"))
        for name in ["/index.html", "/notation.html", "/01-one.html", "/02-two.html", "/style.css", "/book.js", "/figures.js", "/search-index.js"] {
            #expect(files[name] != nil, "missing \(name)")
        }
        let one = String(decoding: files["/01-one.html"]!, as: UTF8.self)
        #expect(one.contains("<a href=\"01-one.html\" aria-current=\"page\">One</a>"))
        #expect(one.contains("<a rel=\"prev\" href=\"notation.html\"><span>Previous</span>Notation</a>"))
        #expect(one.contains("<a rel=\"next\" href=\"02-two.html\"><span>Next</span>Two</a>"))
        #expect(one.contains("<title>One · A Tiny Book</title>"))
        let index = String(decoding: files["/search-index.js"]!, as: UTF8.self)
        #expect(index.hasPrefix("window.bookSearchIndex = {\"docs\":["))
        #expect(index.contains("\"page\":\"02-two.html\""))
        #expect(summary.hasSearch == (files["/lunr.min.js"] != nil))
        #expect(index.hasSuffix(summary.hasSearch ? "}};\n" : "\"index\":null};\n"))
        #expect(summary.hasKaTeX == (files["/katex/katex.min.css"] != nil))
        #expect(files["/katex/katex.min.js"] == nil)
        for name in ["/print.html", "/404.html", "/favicon.svg", "/search.js", "/source/01-one.md"] {
            #expect(files[name] != nil, "missing \(name)")
        }
        #expect(one.contains("<link rel=\"prev\" href=\"notation.html\">"))
        #expect(one.contains("swift run book run 1"))
        // The static page says how to edit and run it, and carries none of the server's code.
        #expect(one.contains("edit and run it on this page with <code>swift run book serve</code>"))
        #expect(!one.contains("serve.js") && !one.contains("book-serve-token"))
        #expect(files["/serve.js"] == nil)
        #expect(one.contains("<a href=\"source/01-one.md\">"))
        let print = String(decoding: files["/print.html"]!, as: UTF8.self)
        #expect(print.contains("<section class=\"print-chapter\" id=\"page-02-two\">"))
        #expect(print.contains("<body class=\"print-book\">"))
    }

    @Test func twoBuildsAreByteIdentical() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        _ = try SiteBuild(root: root).run(reports: [])
        let first = try snapshot(root.appendingPathComponent("_site"))
        _ = try SiteBuild(root: root).run(reports: [])
        #expect(try snapshot(root.appendingPathComponent("_site")) == first)
        #expect(try leftovers().isEmpty)
    }

    @Test func aBrokenLinkFailsAndLeavesTheOldSite() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        _ = try SiteBuild(root: root).run(reports: [])
        let before = try snapshot(root.appendingPathComponent("_site"))
        try write("02-two.md", "# Two\n\nSee [three](03-three.md).\n")
        #expect {
            try SiteBuild(root: root).run(reports: [])
        } throws: { error in
            (error as? SiteError)?.description == "chapters/02-two.md:3:5: error: link to a missing chapter '03-three.md'; fix the file name or add the chapter"
        }
        #expect(try snapshot(root.appendingPathComponent("_site")) == before)
        #expect(try leftovers().isEmpty)
    }

    @Test func theSwapIsOneExchangeAndLeftoversAreCleaned() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        let output = root.appendingPathComponent("_site")
        try SiteWriter.write(["index.html": Array("old".utf8)], to: output)
        // What a build killed part way left: its process is gone.
        for name in ["._site-building-999999999", "._site-previous-999999999"] {
            try FileManager.default.createDirectory(at: root.appendingPathComponent(name + "/x"), withIntermediateDirectories: true)
        }
        // While builds replace the site, it is never missing, not even for an instant.
        let missing = Locked(0)
        let done = Locked(false)
        let watcher = Thread {
            while !done.value {
                if !FileManager.default.fileExists(atPath: output.path + "/index.html") { missing.mutate { $0 += 1 } }
            }
        }
        watcher.start()
        for round in 0..<30 { try SiteWriter.write(["index.html": Array("new \(round)".utf8)], to: output) }
        done.mutate { $0 = true }
        #expect(missing.value == 0)
        #expect(try snapshot(output) == ["/index.html": Data("new 29".utf8)])
        #expect(try leftovers().isEmpty)
        // The exchange itself: both folders survive it, swapped.
        let new = root.appendingPathComponent("new")
        try FileManager.default.createDirectory(at: new, withIntermediateDirectories: true)
        try Data("swapped".utf8).write(to: new.appendingPathComponent("index.html"))
        try SiteWriter.swap(new, into: output)
        #expect(try snapshot(output) == ["/index.html": Data("swapped".utf8)])
        #expect(try snapshot(new) == ["/index.html": Data("new 29".utf8)])
    }

    @Test func aFailedWriteLeavesTheOldSite() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        let output = root.appendingPathComponent("_site")
        try SiteWriter.write(["index.html": Array("old".utf8)], to: output)
        // "a" cannot be both a file and a folder: the write fails part way.
        #expect(throws: SiteError.self) {
            try SiteWriter.write(["a": [1], "a/b": [2], "index.html": Array("new".utf8)], to: output)
        }
        #expect(try snapshot(output) == ["/index.html": Data("old".utf8)])
        #expect(try leftovers().isEmpty)
    }

    @Test func resultsFromTheReportMarkTheChecks() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        let block = CodeBlock(index: 0, fence: Location(line: 7, column: 1), firstCodeLine: 8, codeColumn: 1, code: "print(1)\n",
                              expected: ExpectedOutput(fence: Location(line: 11, column: 1), firstLine: 12, column: 1, text: "1\n"))
        let check = ProseCheck(name: "one", written: "1", location: Location(line: 15, column: 5), linkStart: Location(line: 15, column: 4))
        let chapter = Chapter(path: "chapters/01-one.md", blocks: [block], checks: [check])
        let report = ChapterReport(path: "chapters/01-one.md", chapter: chapter,
                                   blocks: [BlockResult(index: 0, line: 7, ran: true, output: "1\n")],
                                   checks: [CheckResult(check: check, computed: 1.0, passed: true)])
        _ = try SiteBuild(root: root).run(reports: [report])
        let one = try String(contentsOf: root.appendingPathComponent("_site/01-one.html"), encoding: .utf8)
        #expect(one.contains("<div class=\"output checked\">"))
        #expect(one.contains("role=\"tooltip\" id=\"tip-01-one-1\">checked: the code computed 1, as the text says</span>"))
    }
}

extension SiteBuildTests {
    @Test func withoutKaTeXTheBuildSucceedsAndShowsTeX() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        let nowhere = root.appendingPathComponent("no-katex-here")
        let summary = try SiteBuild(root: root, katexFolder: nowhere).run(reports: [])
        #expect(!summary.hasKaTeX)
        let site = root.appendingPathComponent("_site")
        #expect(!FileManager.default.fileExists(atPath: site.appendingPathComponent("katex").path))
        let notation = try String(contentsOf: site.appendingPathComponent("notation.html"), encoding: .utf8)
        #expect(!notation.contains("katex"))
        #expect(notation.contains("<span class=\"math inline math-untypeset\">x</span>"))
    }

    @Test func withKaTeXTheMathIsTypesetAtBuildTimeAndItsStyleCopied() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        guard KaTeX.node() != nil, KaTeX.files() != nil else { return }  // needs nodejs and libjs-katex
        let summary = try SiteBuild(root: root).run(reports: [])
        #expect(summary.hasKaTeX)
        let files = try snapshot(root.appendingPathComponent("_site"))
        #expect(files["/katex/katex.min.css"] != nil)
        #expect(files.keys.contains { $0.hasPrefix("/katex/fonts/KaTeX_Main-Regular") })
        let one = String(decoding: files["/01-one.html"]!, as: UTF8.self)
        #expect(one.contains("<link rel=\"stylesheet\" href=\"katex/katex.min.css\">"))
        #expect(one.contains("<div class=\"math display\" data-label=\"formula\"><span class=\"katex-display\"><span class=\"katex\"><span class=\"katex-mathml\"><math"))
        #expect(!one.contains("<script defer src=\"katex"))
        #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent(".build/book/math").path))
    }

    @Test func aTeXErrorStopsTheBuildAtItsMarkdownPosition() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        guard KaTeX.node() != nil, KaTeX.files() != nil else { return }
        try write("02-two.md", "# Two\n\nSee $`a + \\nosuch`$ and\n\n```math\na = b\n  + \\frac{1}\n```\n")
        #expect {
            try SiteBuild(root: root).run(reports: [])
        } throws: { error in
            (error as? SiteError)?.description == """
            chapters/02-two.md:3:11: error: TeX error: undefined control sequence: \\nosuch; fix the formula
            chapters/02-two.md:7:13: error: TeX error: unexpected end of input in a macro argument, expected '}'; fix the formula
            """ || { print(error); return false }()
        }
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("_site").path))
    }
}

extension SiteBuildTests {
    @Test func pagesInSubfoldersAreRenderedOutsideTheReadingOrder() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: root.appendingPathComponent("chapters/data"), withIntermediateDirectories: true)
        try write("data/README.md", "# Data sets\n\nUsed in [chapter one](../01-one.md).\n")
        try write("02-two.md", "# Two\n\nSee [the data](data/README.md#data-sets).\n")
        _ = try SiteBuild(root: root).run(reports: [])
        let site = root.appendingPathComponent("_site")
        let data = try String(contentsOf: site.appendingPathComponent("data-README.html"), encoding: .utf8)
        #expect(data.contains("<a href=\"01-one.html\">chapter one</a>"))
        // Listed after the chapters while it is open, with its contents; not in the pager.
        #expect(data.contains("<li><a href=\"data-README.html\" aria-current=\"page\">Data sets</a></li>\n<li><a href=\"print.html\">"))
        #expect(!data.contains("class=\"pager\""))
        let two = try String(contentsOf: site.appendingPathComponent("02-two.html"), encoding: .utf8)
        #expect(two.contains("<a href=\"data-README.html#data-sets\">the data</a>"))
        #expect(!two.contains("<a href=\"data-README.html\">Data sets</a></li>"))
        #expect(two.contains("<a rel=\"prev\" href=\"01-one.html\">"))
        #expect(!two.contains("rel=\"next\""))
    }
}

/// A value shared with the watcher thread.
private final class Locked<Value>: @unchecked Sendable {
    private var stored: Value
    private let lock = NSLock()
    init(_ value: Value) { stored = value }
    var value: Value { lock.withLock { stored } }
    func mutate(_ change: (inout Value) -> Void) { lock.withLock { change(&stored) } }
}
