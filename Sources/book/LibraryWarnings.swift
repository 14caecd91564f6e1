import Foundation
import Literate
import Site

extension BookCommand {
    /// The reference of `Learning` and `Plot`, and one warning per public symbol without a doc
    /// comment, at its declaration (`Sources/Plot/Chart.swift:12:17: warning: ...`). The
    /// symbols are extracted only when those sources change, and indexed once per extraction
    /// (`ReferenceCatalog`); a failed extraction is one warning and an empty reference, never a
    /// failed build, since the chapters do not depend on it.
    static func libraryReference(_ project: Project) -> (index: ReferenceIndex, warnings: [String]) {
        do {
            let catalog = try ReferenceCatalog.load(project: project)
            return (catalog.index, catalog.undocumented.map(\.description))
        } catch {
            return (ReferenceIndex(graphs: []), ["warning: could not read the public symbols of Learning and Plot: \(error)"])
        }
    }
}
