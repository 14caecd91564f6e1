import Foundation

/// KaTeX, the math typesetter, from Debian's `libjs-katex` package, run at build time by
/// Debian's `nodejs`: never committed, never loaded from a CDN, never sent to the browser as
/// a script. Pages carry its HTML and MathML; the site gets its stylesheet and fonts.
///
/// The site gets `katex/katex.min.css` and `katex/fonts/*` (links followed: Debian keeps the
/// fonts under /usr/share/fonts and links to them).
public enum KaTeX {
    /// Where Debian installs KaTeX.
    public static let debianFolder = URL(fileURLWithPath: "/usr/share/javascript/katex")

    /// What to tell a user who cannot typeset math at build time.
    public static let installHint = "note: KaTeX or node not found, so math is shown as TeX; install them with: sudo apt-get install libjs-katex nodejs"

    /// The script typesetting every formula, as the stylesheet's fonts and the pages need it.
    public static func script(in folder: URL) -> URL {
        folder.appendingPathComponent("katex.min.js").resolvingSymlinksInPath()
    }

    /// KaTeX's stylesheet and fonts as site paths (under `katex/`) → bytes; nil when KaTeX
    /// is not installed.
    public static func files(in folder: URL = debianFolder) -> [String: [UInt8]]? {
        let manager = FileManager.default
        guard let css = manager.contents(atPath: folder.appendingPathComponent("katex.min.css").resolvingSymlinksInPath().path),
              manager.isReadableFile(atPath: script(in: folder).path) else {
            return nil
        }
        var files = ["katex/katex.min.css": Array(css)]
        let fonts = folder.appendingPathComponent("fonts").resolvingSymlinksInPath()
        let names = (try? manager.contentsOfDirectory(atPath: fonts.path)) ?? []
        for name in names.sorted() where !name.hasPrefix(".") {
            let url = fonts.appendingPathComponent(name).resolvingSymlinksInPath()
            if let data = manager.contents(atPath: url.path) {
                files["katex/fonts/" + name] = Array(data)
            }
        }
        return files
    }

    /// The first `node` (or Debian's older name, `nodejs`) on `PATH`; nil when there is none.
    public static func node(path: String? = ProcessInfo.processInfo.environment["PATH"]) -> URL? {
        let folders = (path ?? "/usr/bin:/bin").split(separator: ":").map(String.init)
        for name in ["node", "nodejs"] {
            for folder in folders where !folder.isEmpty {
                let candidate = folder + "/" + name
                if FileManager.default.isExecutableFile(atPath: candidate) { return URL(fileURLWithPath: candidate) }
            }
        }
        return nil
    }
}
