import Foundation
import Literate
import Site

/// The site as `book serve` serves it: rendered as `book build` renders it, into a folder of
/// its own (`.build/book/serve/site`, never `_site/`), each page's head carrying the token,
/// the editor's script and style (`site/serve/`), and CodeMirror 5 from Debian's
/// `libjs-codemirror` copied beside them when it is installed (the page falls back to a
/// plain text area when it is not). Pages written by `book build` carry none of this.
public struct ServedSite: Sendable {
    public var root: URL
    public var output: URL
    public var token: String
    /// Where Debian installs CodeMirror 5.
    public var codeMirrorFolder = URL(fileURLWithPath: "/usr/share/javascript/codemirror")

    public init(root: URL, output: URL, token: String) {
        self.root = root
        self.output = output
        self.token = token
    }

    /// The CodeMirror files the page loads, from the Debian package, and their names in the site.
    static let codeMirrorFiles = [("lib/codemirror.js", "codemirror.js"), ("lib/codemirror.css", "codemirror.css"),
                                  ("mode/swift/swift.js", "swift.js")]

    /// Whether CodeMirror is installed.
    public var hasCodeMirror: Bool {
        Self.codeMirrorFiles.allSatisfy { FileManager.default.fileExists(atPath: codeMirrorFolder.appendingPathComponent($0.0).path) }
    }

    /// What goes at the end of every served page's head.
    var head: String {
        var head = "<meta name=\"book-serve-token\" content=\"\(token)\">\n"
        if hasCodeMirror {
            head += "<link rel=\"stylesheet\" href=\"codemirror/codemirror.css\">\n"
            head += "<script defer src=\"codemirror/codemirror.js\"></script>\n<script defer src=\"codemirror/swift.js\"></script>\n"
        }
        head += "<link rel=\"stylesheet\" href=\"serve.css\">\n<script defer src=\"serve.js\"></script>"
        return head
    }

    /// Renders the site with the chapters' reports, and, as `book build` does, the library's
    /// reference pages with the chapters' names linked to them when `reference` is given;
    /// returns the pages whose HTML changed.
    public func render(book: ParsedBook, reports: [ChapterReport], reference: ReferenceIndex? = nil,
                       codeReferences: [String: CodeReferences] = [:]) throws -> (changed: [String], summary: SiteBuild.Summary) {
        let before = pageHashes()
        var build = SiteBuild(root: root, output: output)
        build.extraHead = head
        build.namesChecks = true
        build.reference = reference
        build.codeReferences = codeReferences
        let summary = try build.run(book: book, reports: reports)
        try copyAssets()
        let after = pageHashes()
        let changed = after.keys.filter { before[$0] != after[$0] }.sorted()
        return (changed, summary)
    }

    /// Copies `site/serve/*` and CodeMirror into the rendered folder.
    func copyAssets() throws {
        let manager = FileManager.default
        let serve = root.appendingPathComponent("site/serve")
        for name in (try? manager.contentsOfDirectory(atPath: serve.path)) ?? [] where name.hasSuffix(".js") || name.hasSuffix(".css") {
            try Data(contentsOf: serve.appendingPathComponent(name)).write(to: output.appendingPathComponent(name))
        }
        guard hasCodeMirror else { return }
        let folder = output.appendingPathComponent("codemirror")
        try manager.createDirectory(at: folder, withIntermediateDirectories: true)
        for (source, name) in Self.codeMirrorFiles {
            try Data(contentsOf: codeMirrorFolder.appendingPathComponent(source)).write(to: folder.appendingPathComponent(name))
        }
    }

    private func pageHashes() -> [String: Int] {
        var hashes: [String: Int] = [:]
        for name in (try? FileManager.default.contentsOfDirectory(atPath: output.path)) ?? [] where name.hasSuffix(".html") {
            hashes[name] = FileManager.default.contents(atPath: output.appendingPathComponent(name).path)?.hashValue
        }
        return hashes
    }
}
