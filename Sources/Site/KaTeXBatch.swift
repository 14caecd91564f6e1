import Foundation

/// Typesets many formulas with one `node` process: the requests go in as one JSON file,
/// KaTeX's HTML (or its error) for each comes back as one JSON array, in order.
///
/// One process for the whole book, because starting node and loading KaTeX costs far more
/// than typesetting a formula. KaTeX runs with `throwOnError`, so a TeX error is an error
/// with a position, never red text on a page.
public struct KaTeXBatch: Sendable {
    /// The node executable.
    public var node: URL
    /// KaTeX's `katex.min.js`.
    public var katex: URL

    public init(node: URL, katex: URL) {
        self.node = node
        self.katex = katex
    }

    /// The options every formula is typeset with; part of the cache key.
    public static let options = #"{"output":"htmlAndMathml","throwOnError":true,"strict":false}"#

    /// The program node runs: `node -e script katex.js requests.json`; it prints
    /// `[{"html":…}|{"error":…,"offset":…}, …]`, or `{"fatal":…}` when KaTeX does not load.
    static let script = """
    "use strict";
    const fs = require("fs");
    let katex;
    try { katex = require(process.argv[1]); } catch (e) {
      process.stdout.write(JSON.stringify({ fatal: "cannot load KaTeX: " + e.message }));
      process.exit(0);
    }
    const options = \(options);
    const requests = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
    const results = requests.map((request) => {
      try {
        return { html: katex.renderToString(request.tex, Object.assign({ displayMode: request.display }, options)) };
      } catch (e) {
        const offset = typeof e.position === "number" ? e.position : null;
        // The message without its prefix and the copy of the TeX after "at position N:".
        const message = String(e.rawMessage || e.message || e)
          .replace(/^KaTeX parse error: /, "").replace(/ at (position \\d+|end of input):[\\s\\S]*$/, "");
        return { error: message.charAt(0).toLowerCase() + message.slice(1), offset };
      }
    });
    process.stdout.write(JSON.stringify(results));
    """

    private struct Answer: Decodable {
        var html: String?
        var error: String?
        var offset: Int?
    }

    private struct Fatal: Decodable {
        var fatal: String
    }

    /// Typesets `requests`, one result each, in order. Throws `SiteError.mathFailed` when
    /// node cannot run or answers something else.
    public func typeset(_ requests: [MathRequest]) throws -> [MathResult] {
        guard !requests.isEmpty else { return [] }
        let input = FileManager.default.temporaryDirectory
            .appendingPathComponent("book-math-\(ProcessInfo.processInfo.processIdentifier)-\(UInt64.random(in: 0...UInt64.max)).json")
        defer { try? FileManager.default.removeItem(at: input) }
        let json = "[" + requests.map { "{\"tex\":\(SearchIndex.json($0.tex)),\"display\":\($0.display)}" }.joined(separator: ",") + "]"
        do {
            try Data(json.utf8).write(to: input)
        } catch {
            throw SiteError.mathFailed("cannot write \(input.path)")
        }
        let process = Process()
        process.executableURL = node
        process.arguments = ["-e", Self.script, katex.path, input.path]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw SiteError.mathFailed("cannot run \(node.path)")
        }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        if let fatal = try? JSONDecoder().decode(Fatal.self, from: data) {
            throw SiteError.mathFailed(fatal.fatal)
        }
        guard process.terminationStatus == 0,
              let answers = try? JSONDecoder().decode([Answer].self, from: data), answers.count == requests.count else {
            throw SiteError.mathFailed("\(node.path) stopped with status \(process.terminationStatus) while typesetting")
        }
        return answers.map { answer in
            if let html = answer.html { return .html(html) }
            return .error(answer.error ?? "KaTeX gave no reason", offset: answer.offset)
        }
    }
}
