import Foundation

/// KaTeX, the math typesetter, from Debian's `libjs-katex` package: never committed to the
/// repository and never loaded from a CDN, but copied into the site at build time.
///
/// The site gets `katex/katex.min.js`, `katex/katex.min.css` and `katex/fonts/*` (links
/// followed: Debian keeps the fonts under /usr/share/fonts and links to them).
public enum KaTeX {
    /// Where Debian installs KaTeX.
    public static let debianFolder = URL(fileURLWithPath: "/usr/share/javascript/katex")

    /// What to tell a user who does not have KaTeX.
    public static let installHint = "note: KaTeX not found, so math is shown as TeX; install it with: sudo apt-get install libjs-katex"

    /// KaTeX's files as site paths (under `katex/`) → bytes; nil when KaTeX is not installed.
    public static func files(in folder: URL = debianFolder) -> [String: [UInt8]]? {
        let manager = FileManager.default
        var files: [String: [UInt8]] = [:]
        for name in ["katex.min.js", "katex.min.css"] {
            guard let data = manager.contents(atPath: folder.appendingPathComponent(name).resolvingSymlinksInPath().path) else {
                return nil
            }
            files["katex/" + name] = Array(data)
        }
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
}
