import Foundation

/// A public symbol of `Learning` or `Plot` without a doc comment: `book build` prints each as a
/// warning at its declaration, since the reference pages show nothing for it.
///
/// A symbol counts as documented when its doc comment has a line with text; a comment
/// inherited from another module's protocol requirement (`Equatable.==` on a synthesised
/// conformance) counts, since it is what the reader sees on hover too.
public struct UndocumentedSymbol: Codable, Hashable, Sendable, CustomStringConvertible {
    /// Path of the declaring file, relative to the project root: `Sources/Plot/Chart.swift`.
    public var path: String
    /// One-based line of the declaration's name.
    public var line: Int
    /// One-based column of the declaration's name.
    public var column: Int
    /// The reader's kind of declaration, lowercased: `instance method`, `enumeration case`.
    public var kind: String
    /// The dotted name: `ComputationGraph.Kind.leaf`.
    public var name: String

    /// `path:line:column: warning: ...`, the compiler's form, so editors jump to it.
    public var description: String {
        "\(path):\(line):\(column): warning: public \(kind) \(name) has no doc comment; "
            + "add a /// line above it saying what it is (and its formula, if it computes one)"
    }

    /// The undocumented symbols of `graphs`, sorted by file, line and column (one entry per
    /// declaration even when a graph lists it twice).
    public static func find(in graphs: [SymbolGraph]) -> [UndocumentedSymbol] {
        var found = Set<UndocumentedSymbol>()
        for graph in graphs {
            for symbol in graph.symbols where !(symbol.docComment?.hasText ?? false) {
                let location = symbol.location
                found.insert(UndocumentedSymbol(
                    path: location?.path ?? "Sources/" + graph.module.name,
                    line: (location?.position.line ?? 0) + 1,
                    column: (location?.position.character ?? 0) + 1,
                    kind: symbol.kind.displayName.lowercased(),
                    name: symbol.qualifiedName))
            }
        }
        return found.sorted { ($0.path, $0.line, $0.column, $0.name) < ($1.path, $1.line, $1.column, $1.name) }
    }
}
