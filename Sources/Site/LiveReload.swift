import Foundation
import Literate

/// The live reload of `book watch`: pages that reload themselves when watch rewrites them,
/// from `file://`, with no server.
///
/// A watch build adds `<script src="book-watch.js" data-stamp="…">` to every page, the page's
/// own stamp (a hash of the page as `book build` would write it). `book-watch.js` loads
/// `book-watch-stamp.js`, which lists every page's current stamp, twice a second (a script
/// element with a fresh query string: `file://` pages may load scripts but not fetch), and
/// reloads the page when its stamp differs. `book build` adds none of this. Watch writes the
/// whole site in one swap, as `book build` does, so the stamps always match the pages.
public enum LiveReload {
    /// The poller every watch page loads.
    static let scriptFile = "book-watch.js"
    /// The stamps, rewritten after every round of `book watch`.
    static let stampFile = "book-watch-stamp.js"

    static let script = """
    // Added by `book watch` only: reloads this page when watch has rewritten it.
    "use strict";
    (function () {
      const mine = document.currentScript.dataset.stamp;
      const page = decodeURIComponent(location.pathname.split("/").pop() || "index.html");
      function poll() {
        const probe = document.createElement("script");
        probe.src = "book-watch-stamp.js?" + Date.now();
        probe.onload = function () {
          probe.remove();
          const stamp = (window.bookWatchStamps || {})[page];
          if (stamp && stamp !== mine) location.reload(); else setTimeout(poll, 500);
        };
        probe.onerror = function () { probe.remove(); setTimeout(poll, 2000); };
        document.head.appendChild(probe);
      }
      setTimeout(poll, 500);
    })();

    """

    /// `files` as watch serves them: every `.html` page with the poller in its head, the
    /// poller, and the stamps of every page.
    static func watchFiles(_ files: [String: [UInt8]]) -> [String: [UInt8]] {
        var out = files
        var stamps: [String: String] = [:]
        for (path, bytes) in files where path.hasSuffix(".html") {
            let stamp = hash(bytes)
            stamps[path] = stamp
            let tag = "<script src=\"\(scriptFile)\" data-stamp=\"\(stamp)\"></script>\n</head>"
            let page = String(decoding: bytes, as: UTF8.self)
            if let head = page.range(of: "</head>") { out[path] = Array(page.replacingCharacters(in: head, with: tag).utf8) }
        }
        out[scriptFile] = Array(script.utf8)
        let entries = stamps.keys.sorted().map { "  \"\($0)\": \"\(stamps[$0]!)\"" }.joined(separator: ",\n")
        out[stampFile] = Array("window.bookWatchStamps = {\n\(entries)\n};\n".utf8)
        return out
    }

    /// 64-bit FNV-1a as 16 hex digits: tells one version of a page from the next.
    static func hash(_ bytes: [UInt8]) -> String {
        var value: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { value = (value ^ UInt64(byte)) &* 0x100_0000_01b3 }
        let hex = String(value, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
