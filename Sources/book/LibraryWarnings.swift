import Foundation
import Literate

extension BookCommand {
    /// The public symbols of `Learning` and `Plot`, and one warning per symbol without a doc
    /// comment, at its declaration (`Sources/Plot/Chart.swift:12:17: warning: ...`). The
    /// symbols are extracted only when those sources change; a failed extraction is one warning
    /// and no symbols, never a failed build, since the chapters do not depend on them.
    static func librarySymbols(_ project: Project) -> (graphs: [SymbolGraph], warnings: [String]) {
        do {
            let symbols = try LibrarySymbols.load(project: project)
            return (symbols.graphs, UndocumentedSymbol.find(in: symbols.graphs).map(\.description))
        } catch {
            return ([], ["warning: could not read the public symbols of Learning and Plot: \(error)"])
        }
    }
}
