import Foundation
import Literate

/// What the site needs of the symbol graphs of `Learning` and `Plot`: the reference's index and
/// the public symbols without a doc comment, worked out once per extraction and kept beside
/// the graphs (`catalog.json` in `LibrarySymbols.extracted`'s folder, whose name is the
/// sources' digest), so a build whose libraries did not change neither decodes the megabyte
/// of graphs nor indexes them again.
///
/// The cached value is the one `init(graphs:)` makes, encoded and decoded by Codable, so the
/// pages made from it are the same bytes.
public struct ReferenceCatalog: Codable, Sendable {
    /// Bumped when `ReferenceIndex` or what it keeps changes.
    static let version = "catalog-2"

    public var index: ReferenceIndex
    /// The symbols `book build` warns about, sorted (`UndocumentedSymbol.find`).
    public var undocumented: [UndocumentedSymbol]

    /// The catalog of `graphs`.
    public init(graphs: [SymbolGraph]) {
        index = ReferenceIndex(graphs: graphs)
        undocumented = UndocumentedSymbol.find(in: graphs)
    }

    /// The catalog of the project's libraries: read from the graphs' folder when it was made
    /// before by this version, else made from the graphs and written there (a failed write is
    /// no error: the next build makes it again).
    public static func load(project: Project) throws -> ReferenceCatalog {
        try load(folder: try LibrarySymbols.extracted(project: project))
    }

    /// The catalog of the graphs in `folder`, from its cached file when there is one.
    static func load(folder: String) throws -> ReferenceCatalog {
        let file = folder + "/" + version + ".json"
        if let data = FileManager.default.contents(atPath: file), let cached = try? JSONDecoder().decode(ReferenceCatalog.self, from: data) {
            return cached
        }
        let catalog = ReferenceCatalog(graphs: try LibrarySymbols.read(folder))
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        if let data = try? encoder.encode(catalog) {
            try? data.write(to: URL(fileURLWithPath: file), options: .atomic)
        }
        return catalog
    }
}
