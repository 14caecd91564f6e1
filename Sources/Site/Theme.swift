import Foundation

/// The site's look, kept in the repository under `site/` and read at build time:
/// `template.html` (the page, with `{{name}}` placeholders) and every `.css`, `.js` and
/// `.svg` file beside it (the favicon), which are copied to the output as they are.
public struct Theme: Sendable {
    /// The template cut at its placeholders: text, name, text, name, …, text.
    var parts: [String]
    /// Files copied to the output unchanged: file name → bytes.
    public var assets: [String: [UInt8]]

    /// The placeholders a template may use; any other `{{name}}` is an error.
    public static let placeholders: Set<String> = ["title", "book", "head", "kind", "contents", "content", "pager", "foot"]

    /// Reads the theme from `folder`.
    public init(folder: URL) throws {
        let templateURL = folder.appendingPathComponent("template.html")
        guard let template = try? String(contentsOf: templateURL, encoding: .utf8) else {
            throw SiteError.missingTheme(templateURL.path)
        }
        try self.init(template: template, assets: [:])
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        for name in names.sorted() where [".css", ".js", ".svg"].contains(where: name.hasSuffix) {
            let data = try Data(contentsOf: folder.appendingPathComponent(name))
            assets[name] = Array(data)
        }
    }

    /// A theme from a template text and its assets.
    public init(template: String, assets: [String: [UInt8]]) throws {
        var parts: [String] = []
        var rest = Substring(template)
        while let open = rest.range(of: "{{"), let close = rest[open.upperBound...].range(of: "}}") {
            let name = String(rest[open.upperBound..<close.lowerBound])
            guard Theme.placeholders.contains(name) else { throw SiteError.unknownPlaceholder(name) }
            parts.append(String(rest[..<open.lowerBound]))
            parts.append(name)
            rest = rest[close.upperBound...]
        }
        parts.append(String(rest))
        self.parts = parts
        self.assets = assets
    }

    /// The page: every placeholder replaced by its value in one pass, so text in a value
    /// that looks like a placeholder stays as it is.
    public func page(_ values: [String: String]) -> String {
        var out = ""
        for (index, part) in parts.enumerated() {
            out += index % 2 == 0 ? part : values[part, default: ""]
        }
        return out
    }
}
