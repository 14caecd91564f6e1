import Foundation
import Literate

extension BookCommand {
    /// One warning per public symbol of `Learning` and `Plot` without a doc comment, at its
    /// declaration (`Sources/Plot/Chart.swift:12:17: warning: ...`). The symbols are extracted
    /// only when those sources change; a failed extraction is one warning, never a failed build,
    /// since the chapters and the site do not depend on it.
    static func undocumentedSymbolWarnings(_ project: Project) -> [String] {
        do {
            let symbols = try LibrarySymbols.load(project: project)
            return UndocumentedSymbol.find(in: symbols.graphs).map(\.description)
        } catch {
            return ["warning: could not read the public symbols of Learning and Plot: \(error)"]
        }
    }
}
