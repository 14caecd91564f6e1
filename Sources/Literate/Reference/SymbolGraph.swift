import Foundation

/// The part of a Swift symbol graph (the JSON `swiftc -emit-symbol-graph` writes, one file per
/// module) that the book reads: each public symbol's kind, path, declaration, doc comment and
/// place in the sources, and how symbols relate (a member to its type).
///
/// A small Codable subset rather than swift-docc-symbolkit: the book reads eight fields, and
/// the compiler writes the same format whichever decoder reads it.
public struct SymbolGraph: Codable, Hashable, Sendable {
    /// The module the graph describes (`Learning`, `Plot`).
    public var module: Module
    /// Every symbol at the graph's access level, in the compiler's order.
    public var symbols: [Symbol]
    /// Edges between symbols: `memberOf`, `conformsTo`, `requirementOf`, ...
    public var relationships: [Relationship]

    /// The graph's module.
    public struct Module: Codable, Hashable, Sendable {
        /// The module's name.
        public var name: String
    }

    /// One declaration: a type, a member, a free function, an enum case.
    public struct Symbol: Codable, Hashable, Sendable {
        /// What kind of declaration it is.
        public var kind: Kind
        /// The compiler's unique name for it (its mangled USR) and its language.
        public var identifier: Identifier
        /// The names from the module down to it: `["Matrix", "oneHot(classes:)"]`.
        public var pathComponents: [String]
        /// The doc comment written on it, absent when it has none.
        public var docComment: DocComment?
        /// The declaration as the reader writes it, in highlighted pieces.
        public var declarationFragments: [Fragment]?
        /// Where it is declared (absent for symbols read back from a binary module).
        public var location: Location?
        /// `public` or `open` at the access level the book extracts.
        public var accessLevel: String

        /// The dotted name a reader would write: `Matrix.oneHot(classes:)`.
        public var qualifiedName: String { pathComponents.joined(separator: ".") }
    }

    /// A symbol's kind: `swift.struct`, `swift.method`, `swift.enum.case`, ...
    public struct Kind: Codable, Hashable, Sendable {
        /// The machine name, `swift.method`.
        public var identifier: String
        /// The reader's name, `Instance Method`.
        public var displayName: String
    }

    /// A symbol's unique name.
    public struct Identifier: Codable, Hashable, Sendable {
        /// The mangled USR, `s:8Learning6MatrixV`.
        public var precise: String
    }

    /// A doc comment: its lines without the `///`, and the module that wrote it (another module
    /// when the comment is inherited from a protocol requirement such as `Equatable.==`).
    public struct DocComment: Codable, Hashable, Sendable {
        /// The module whose source holds the comment.
        public var module: String?
        /// The comment's lines.
        public var lines: [Line]

        /// One line of a doc comment.
        public struct Line: Codable, Hashable, Sendable {
            /// The line's text after `///` and one space.
            public var text: String
        }

        /// The comment as Markdown: its lines joined by newlines.
        public var markdown: String { lines.map(\.text).joined(separator: "\n") }
        /// True when some line has text: a comment of empty `///` lines documents nothing.
        public var hasText: Bool { lines.contains { !$0.text.trimmingCharacters(in: .whitespaces).isEmpty } }
    }

    /// A piece of a declaration: a keyword, an identifier, a type with the USR it names, text.
    public struct Fragment: Codable, Hashable, Sendable {
        /// `keyword`, `identifier`, `typeIdentifier`, `externalParam`, `text`, ...
        public var kind: String
        /// The characters.
        public var spelling: String
        /// The USR of the symbol a `typeIdentifier` names.
        public var preciseIdentifier: String?
    }

    /// Where a symbol is declared: a `file://` URI and a zero-based line and character.
    public struct Location: Codable, Hashable, Sendable {
        /// `file://` and the path the compiler was given.
        public var uri: String
        /// Zero-based line and character (UTF-8 columns of the source line).
        public var position: Position

        /// A zero-based position.
        public struct Position: Codable, Hashable, Sendable {
            /// Zero-based line.
            public var line: Int
            /// Zero-based character.
            public var character: Int
        }

        /// The path without `file://`.
        public var path: String { uri.hasPrefix("file://") ? String(uri.dropFirst("file://".count)) : uri }
    }

    /// An edge: `source` is `kind` of `target` (a method `memberOf` its struct).
    public struct Relationship: Codable, Hashable, Sendable {
        /// `memberOf`, `conformsTo`, `requirementOf`, `defaultImplementationOf`, ...
        public var kind: String
        /// The USR of the symbol the edge starts from.
        public var source: String
        /// The USR of the symbol it points to.
        public var target: String
    }

    /// Decodes one `<Module>.symbols.json`.
    public static func decode(_ data: Data) throws -> SymbolGraph {
        try JSONDecoder().decode(SymbolGraph.self, from: data)
    }
}
