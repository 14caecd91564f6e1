import Foundation

/// The search's ranked index, built at build time by lunr.js (Debian's `libjs-lunr`, 2.3.9)
/// run by node, so a page opened from `file://` only loads it: no fetch, no server, no CDN.
/// The site gets lunr's own script (`lunr.min.js`) for the queries.
///
/// Ranking is lunr's BM25 over four fields of each section, boosted: the page's `topic` (its
/// title and, for a chapter, the line the introduction's contents give it) × 8, the
/// section's `heading` × 4, its `text` × 1, and `pairs` × 3: every two adjacent words of the
/// other three joined by `_` (`learning_rate`) that some topic or heading of the book also has
/// (the phrases the book names; every pair of the text would triple the index), so a phrase
/// typed ranks above the same words scattered. `search.js` asks for every word typed (the last one also as a prefix) and for
/// each adjacent pair typed.
public struct LunrIndex: Sendable {
    /// Where Debian installs lunr.
    public static let debianFolder = URL(fileURLWithPath: "/usr/share/javascript/lunr")

    /// What to tell a user whose build has no ranked search.
    public static let installHint = "note: lunr or node not found, so the search is off; install them with: sudo apt-get install libjs-lunr nodejs"

    /// The node executable.
    public var node: URL
    /// lunr's `lunr.js` (node loads it; the site gets `lunr.min.js` beside it).
    public var lunr: URL
    /// Where the last index is kept, so an unchanged book does not start node; nil keeps none.
    public var cacheFolder: URL?

    public init(node: URL, lunr: URL, cacheFolder: URL? = nil) {
        self.node = node
        self.lunr = lunr
        self.cacheFolder = cacheFolder
    }

    /// lunr from `folder` run by the `node` on `PATH`; nil when either is missing.
    public static func debian(folder: URL = debianFolder, node: URL? = KaTeX.node(), cacheFolder: URL?) -> LunrIndex? {
        let script = folder.appendingPathComponent("lunr.js").resolvingSymlinksInPath()
        guard let node, FileManager.default.isReadableFile(atPath: script.path),
              FileManager.default.isReadableFile(atPath: folder.appendingPathComponent("lunr.min.js").path) else { return nil }
        return LunrIndex(node: node, lunr: script, cacheFolder: cacheFolder)
    }

    /// The files the pages need: `lunr.min.js` (the minified twin of `lunr`).
    public var assets: [String: [UInt8]] {
        let minified = lunr.deletingLastPathComponent().appendingPathComponent("lunr.min.js")
        guard let data = FileManager.default.contents(atPath: minified.resolvingSymlinksInPath().path) else { return [:] }
        return ["lunr.min.js": Array(data)]
    }

    /// The program node runs: `node -e script lunr.js documents.json`; it prints lunr's
    /// serialised index, or `{"fatal":…}` when lunr does not load.
    static let script = #"""
    "use strict";
    const fs = require("fs");
    let lunr;
    try { lunr = require(process.argv[1]); } catch (e) {
      process.stdout.write(JSON.stringify({ fatal: "cannot load lunr: " + e.message }));
      process.exit(0);
    }
    const documents = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
    // search.js makes the query's pairs the same way.
    const pairs = (text) => {
      const words = text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((word) => word.length > 0);
      const out = [];
      for (let i = 0; i + 1 < words.length; i++) out.push(words[i] + "_" + words[i + 1]);
      return out.join(" ");
    };
    // The phrases worth a term of their own: the pairs some topic or heading uses.
    const named = new Set();
    for (const d of documents) for (const pair of (pairs(d.topic) + " " + pairs(d.heading)).split(" ")) if (pair) named.add(pair);
    const index = lunr(function () {
      this.ref("n");
      this.field("topic", { boost: 8 });
      this.field("heading", { boost: 4 });
      this.field("text");
      this.field("pairs", { boost: 3 });
      documents.forEach((d, n) => this.add({ n: String(n), topic: d.topic, heading: d.heading, text: d.text,
        pairs: [d.topic, d.heading, d.text].map(pairs).join(" ").split(" ").filter((pair) => named.has(pair)).join(" ") },
        { boost: d.boost }));
    });
    process.stdout.write(JSON.stringify(index));
    """#

    /// lunr's serialised index of `documents` (JSON), the n-th document's ref being "n".
    public func build(_ documents: [SearchDocument]) throws -> String {
        let json = "[" + documents.map(\.json).joined(separator: ",\n") + "]"
        var hash = FNV1a()
        hash.add(Array(Self.script.utf8))
        hash.add(Array(FileManager.default.contents(atPath: lunr.path) ?? Data()))
        hash.add(Array(json.utf8))
        let cached = cacheFolder?.appendingPathComponent("lunr-\(hash.hex).json")
        if let cached, let data = FileManager.default.contents(atPath: cached.path) { return String(decoding: data, as: UTF8.self) }
        let index = try run(json)
        if let folder = cacheFolder, let cached {
            // One file: the index of the book as it is now.
            for old in (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [] where old.hasPrefix("lunr-") {
                try? FileManager.default.removeItem(at: folder.appendingPathComponent(old))
            }
            try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try? Data(index.utf8).write(to: cached)
        }
        return index
    }

    private func run(_ json: String) throws -> String {
        let input = FileManager.default.temporaryDirectory
            .appendingPathComponent("book-search-\(ProcessInfo.processInfo.processIdentifier)-\(UInt64.random(in: 0...UInt64.max)).json")
        defer { try? FileManager.default.removeItem(at: input) }
        do {
            try Data(json.utf8).write(to: input)
        } catch {
            throw SiteError.searchFailed("cannot write \(input.path)")
        }
        let process = Process()
        process.executableURL = node
        process.arguments = ["-e", Self.script, lunr.path, input.path]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw SiteError.searchFailed("cannot run \(node.path)")
        }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        guard process.terminationStatus == 0, text.hasPrefix("{\"version\":") else {
            if text.hasPrefix("{\"fatal\":"), let fatal = try? JSONDecoder().decode([String: String].self, from: data)["fatal"] {
                throw SiteError.searchFailed(fatal)
            }
            throw SiteError.searchFailed("\(node.path) stopped with status \(process.terminationStatus) while indexing")
        }
        return text
    }
}

/// One section as the search sees it: where it is, what it is called, its text, and the
/// topic of its page.
public struct SearchDocument: Hashable, Sendable {
    public var page: String
    public var title: String
    public var id: String
    public var heading: String
    public var text: String
    /// The page's title and, for a chapter, its line in the introduction's contents.
    public var topic: String
    /// How much a match here counts against the same match elsewhere (lunr's document boost):
    /// below 1 for the reference pages, so a word the book teaches finds its chapter first.
    public var boost: Double = 1

    var json: String {
        let fields = [("page", page), ("title", title), ("id", id), ("heading", heading), ("text", text), ("topic", topic)]
        return "{" + fields.map { "\(SearchIndex.json($0.0)):\(SearchIndex.json($0.1))" }.joined(separator: ",") + ",\"boost\":\(boost)}"
    }
}
