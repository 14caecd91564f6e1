import Foundation
import Literate

/// The live reload of `book watch`: pages that reload themselves when watch rewrites them,
/// from `file://`, with no server.
///
/// A watch build adds `<script src="book-watch.js" data-stamp="…">` to every page, the page's
/// own stamp (a hash of the page as `book build` would write it). `book-watch.js` loads
/// `book-watch-stamp.js`, which lists every page's current stamp, twice a second (a script
/// element with a fresh query string: `file://` pages may load scripts but not fetch), and
/// reloads the page when its stamp differs. `book build` adds none of this.
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

extension SiteBuild {
    /// What a watch build changed in the site's folder.
    public struct Update: Sendable {
        /// Site paths written because they were new or differed, sorted (the stamps not counted).
        public var written: [String]
        /// Site paths removed because no page makes them any more, sorted.
        public var removed: [String]
        public var summary: Summary
    }

    /// Renders the site for `book watch` (with the live reload) and writes only the files
    /// whose bytes differ from those in `output`, each by a rename so that no reader sees half
    /// a page; the stamps go last, so a page reloads only once its new version is there.
    public func update(reports: [ChapterReport], displayFolder: String = "chapters") throws -> Update {
        let (rendered, summary) = try render(reports: reports, displayFolder: displayFolder)
        let files = LiveReload.watchFiles(rendered)
        let manager = FileManager.default
        var written: [String] = []
        do {
            for path in files.keys.sorted() where path != LiveReload.stampFile {
                let url = output.appendingPathComponent(path)
                if manager.contents(atPath: url.path).map(Array.init) == files[path]! { continue }
                try replace(url, with: files[path]!)
                written.append(path)
            }
            var removed: [String] = []
            if let walk = manager.enumerator(atPath: output.path) {
                while let path = walk.nextObject() as? String {
                    var isFolder: ObjCBool = false
                    _ = manager.fileExists(atPath: output.appendingPathComponent(path).path, isDirectory: &isFolder)
                    if !isFolder.boolValue && files[path] == nil { removed.append(path) }
                }
            }
            for path in removed.sorted() { try manager.removeItem(at: output.appendingPathComponent(path)) }
            try replace(output.appendingPathComponent(LiveReload.stampFile), with: files[LiveReload.stampFile]!)
            return Update(written: written, removed: removed.sorted(), summary: summary)
        } catch let error as SiteError {
            throw error
        } catch {
            throw SiteError.writeFailed(output.path, "\(error)")
        }
    }

    /// Writes `bytes` next to `url`, then renames the new file over it.
    private func replace(_ url: URL, with bytes: [UInt8]) throws {
        let manager = FileManager.default
        try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).watch-\(ProcessInfo.processInfo.processIdentifier)")
        guard manager.createFile(atPath: temporary.path, contents: Data(bytes)) else {
            throw SiteError.writeFailed(url.path, "cannot write the file")
        }
        guard rename(temporary.path, url.path) == 0 else {
            try? manager.removeItem(at: temporary)
            throw SiteError.writeFailed(url.path, String(cString: strerror(errno)))
        }
    }
}
