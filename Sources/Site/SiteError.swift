import Literate

/// Why a site could not be built. The previous site is left as it was in every case.
public enum SiteError: Error, CustomStringConvertible, Equatable {
    case missingTheme(String)
    case unknownPlaceholder(String)
    case noChapters(String)
    case unreadable(String)
    case brokenChapters([Diagnostic])
    case writeFailed(String, String)
    case mathFailed(String)
    case searchFailed(String)
    case badSettings(String, String)

    public var description: String {
        switch self {
        case .missingTheme(let path):
            return "error: no site template at \(path); run from the repository's root folder"
        case .unknownPlaceholder(let name):
            return "error: the site template uses an unknown placeholder {{\(name)}}; use one of \(Theme.placeholders.sorted().joined(separator: ", "))"
        case .noChapters(let path):
            return "error: no chapters in \(path); add README.md and NN-name.md files there"
        case .unreadable(let path):
            return "error: cannot read \(path) as UTF-8 text; save it as UTF-8"
        case .brokenChapters(let diagnostics):
            return diagnostics.map(\.description).joined(separator: "\n")
        case .writeFailed(let path, let reason):
            return "error: cannot write the site to \(path): \(reason); the previous site is unchanged"
        case .badSettings(let path, let reason):
            return "error: cannot read \(path): \(reason); see the README's section on book.json"
        case .searchFailed(let reason):
            return "error: cannot build the search index: \(reason); reinstall with: sudo apt-get install --reinstall nodejs libjs-lunr"
        case .mathFailed(let reason):
            return "error: cannot typeset the math: \(reason); reinstall with: sudo apt-get install --reinstall nodejs libjs-katex"
        }
    }
}
