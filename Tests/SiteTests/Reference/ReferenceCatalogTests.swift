import Foundation
import Literate
import Testing
@testable import Site

/// The reference's index cached beside the symbol graphs: made once, read back as the same value.
@Suite struct ReferenceCatalogTests {
    @Test func aCachedCatalogGivesTheSamePagesWithoutTheGraphs() throws {
        let folder = NSTemporaryDirectory() + "reference-catalog-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let graphFile = URL(fileURLWithPath: folder + "/Learning.symbols.json")
        try Data(ReferencePagesTests.graph.utf8).write(to: graphFile)
        let made = try ReferenceCatalog.load(folder: folder)
        #expect(FileManager.default.fileExists(atPath: folder + "/" + ReferenceCatalog.version + ".json"))
        // The graph is gone: only the cached catalog can answer, with the same pages and warnings.
        try FileManager.default.removeItem(at: graphFile)
        let cached = try ReferenceCatalog.load(folder: folder)
        #expect(ReferencePages.pages(cached.index).map(\.markdown) == ReferencePages.pages(made.index).map(\.markdown))
        #expect(cached.index.entries == made.index.entries)
        #expect(cached.undocumented == made.undocumented)
        let direct = ReferenceIndex(graphs: [try SymbolGraph.decode(Data(ReferencePagesTests.graph.utf8))])
        #expect(ReferencePages.pages(cached.index).map(\.markdown) == ReferencePages.pages(direct).map(\.markdown))
    }
}
