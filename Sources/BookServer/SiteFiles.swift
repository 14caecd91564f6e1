import Foundation

/// The files `book serve` may send: those inside the served site's folder, and no other.
///
/// A request path is percent-decoded once and cut at `/`; a part that is `..` or `.`, empty
/// inside the path, or holds a NUL or a backslash, is refused before the disk is touched
/// (`%2e%2e`, `..%2f` and `%2f..` included, since the test comes after decoding). The file
/// found is then resolved through every symbolic link and must still lie inside the folder,
/// so a link leading out of the site is refused too.
public struct SiteFiles: Sendable {
    /// The site's folder, with symbolic links resolved.
    public let folder: String

    public init(folder: String) {
        self.folder = URL(fileURLWithPath: folder).resolvingSymlinksInPath().path
    }

    /// What a request path leads to.
    public enum Lookup: Equatable, Sendable {
        case file(path: String, type: String)
        /// The path is not allowed (403): it climbs out or a link leads out.
        case refused
        case notFound
    }

    /// The file for `rawPath`, the request target's path as sent (still percent-encoded).
    public func lookup(_ rawPath: String) -> Lookup {
        guard rawPath.hasPrefix("/"), let decoded = rawPath.removingPercentEncoding else { return .refused }
        var parts = decoded.split(separator: "/", omittingEmptySubsequences: false).dropFirst().map(String.init)
        if parts.last == "" { parts[parts.count - 1] = "index.html" }
        if parts.isEmpty { parts = ["index.html"] }
        for part in parts where part.isEmpty || part == "." || part == ".." || part.contains("\0") || part.contains("\\") {
            return .refused
        }
        let candidate = folder + "/" + parts.joined(separator: "/")
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: candidate, isDirectory: &isFolder) else {
            // A dangling link still must not be followed out: report it as refused when it points out.
            if (try? FileManager.default.destinationOfSymbolicLink(atPath: candidate)) != nil { return .refused }
            return .notFound
        }
        let real = URL(fileURLWithPath: candidate).resolvingSymlinksInPath().path
        guard real.hasPrefix(folder + "/") else { return .refused }
        if isFolder.boolValue { return lookupIndex(of: real) }
        return .file(path: real, type: Self.type(of: real))
    }

    private func lookupIndex(of real: String) -> Lookup {
        let index = real + "/index.html"
        guard FileManager.default.fileExists(atPath: index) else { return .notFound }
        let resolved = URL(fileURLWithPath: index).resolvingSymlinksInPath().path
        guard resolved.hasPrefix(folder + "/") else { return .refused }
        return .file(path: resolved, type: Self.type(of: resolved))
    }

    /// The content type for a file name's extension; unknown ones are sent as bytes.
    static func type(of path: String) -> String {
        switch (path as NSString).pathExtension.lowercased() {
        case "html": return "text/html; charset=utf-8"
        case "css": return "text/css; charset=utf-8"
        case "js": return "text/javascript; charset=utf-8"
        case "json": return "application/json"
        case "svg": return "image/svg+xml"
        case "png": return "image/png"
        case "woff2": return "font/woff2"
        case "woff": return "font/woff"
        case "ttf": return "font/ttf"
        case "md", "txt", "csv": return "text/plain; charset=utf-8"
        default: return "application/octet-stream"
        }
    }
}
