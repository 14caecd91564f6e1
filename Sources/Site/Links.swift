/// Links between chapters: written to the `.md` files so they work on GitHub, rewritten to
/// the `.html` pages so they work on the site.
///
/// Rule: a relative link whose path ends in `.md` names a page of the book; `README.md`
/// becomes `index.html`, `NN-slug.md` becomes `NN-slug.html`, and any `#fragment` is kept.
/// A link to a `.md` page the book does not have is an error at the link's position.
public struct Links: Sendable {
    /// Markdown file name → HTML file name, for every page of the book.
    public var pages: [String: String]

    public init(pages: [String: String]) {
        self.pages = pages
    }

    /// What a link destination becomes on the site.
    public enum Rewrite: Equatable, Sendable {
        /// Use this destination (unchanged, or rewritten to a page).
        case destination(String)
        /// The link names a chapter that does not exist (the file name as written).
        case missingPage(String)
    }

    /// The site's destination for `destination` as written in a page that lives in `folder`
    /// (relative to the chapters folder: "" for a chapter, "data" for `data/README.md`).
    public func rewrite(_ destination: String, from folder: String = "") -> Rewrite {
        if destination.isEmpty || destination.hasPrefix("#") || destination.hasPrefix("/") || hasScheme(destination) {
            return .destination(destination)
        }
        var path = Substring(destination)
        var fragment: Substring = ""
        if let hash = path.firstIndex(of: "#") {
            fragment = path[hash...]
            path = path[..<hash]
        }
        guard path.lowercased().hasSuffix(".md"), let name = Links.resolve(path, from: folder) else {
            return .destination(destination)
        }
        guard let page = pages[name] else { return .missingPage(name) }
        return .destination(page + fragment)
    }

    /// `path` relative to the chapters folder, `.` and `..` resolved; nil when it leaves the
    /// chapters folder (`../chapters/x.md` from a chapter comes back in, so it is `x.md`).
    static func resolve(_ path: Substring, from folder: String) -> String? {
        var inside = folder.split(separator: "/")
        var above = 0
        for component in path.split(separator: "/") where component != "." {
            if component == ".." {
                if inside.isEmpty { above += 1 } else { inside.removeLast() }
            } else if above == 1 && inside.isEmpty && component == "chapters" {
                above = 0
            } else if above > 0 {
                return nil
            } else {
                inside.append(component)
            }
        }
        return above == 0 && !inside.isEmpty ? inside.joined(separator: "/") : nil
    }

    private func hasScheme(_ destination: String) -> Bool {
        guard let colon = destination.firstIndex(of: ":") else { return false }
        let scheme = destination[..<colon]
        return !scheme.isEmpty && scheme.allSatisfy { $0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == "." }
    }
}
