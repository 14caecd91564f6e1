import Foundation
import Testing
@testable import Literate

@Suite struct UndocumentedSymbolTests {
    /// A throwaway project whose Learning has one documented and two undocumented public
    /// symbols and one undocumented internal one, and whose Plot is fully documented.
    private func makeProject() throws -> Project {
        let root = NSTemporaryDirectory() + "literate-symbols-\(UUID().uuidString)"
        let fileManager = FileManager.default
        try fileManager.createDirectory(atPath: root + "/Sources/Learning", withIntermediateDirectories: true)
        try fileManager.createDirectory(atPath: root + "/Sources/Plot", withIntermediateDirectories: true)
        try """
        /// The logistic function, 1 / (1 + e^-x).
        public func logistic(_ x: Double) -> Double { 1 / (1 + (-x).squareRoot()) }

        public struct Layer {
            /// Number of units.
            public var units: Int
            func hidden() {}
            ///
            public func empty() {}
        }

        """.write(toFile: root + "/Sources/Learning/Layer.swift", atomically: true, encoding: .utf8)
        try """
        /// A figure.
        public struct Figure {}

        """.write(toFile: root + "/Sources/Plot/Figure.swift", atomically: true, encoding: .utf8)
        return Project(root: root)
    }

    @Test func undocumentedPublicSymbolsAreReportedAtTheirDeclarations() throws {
        let project = try makeProject()
        defer { try? FileManager.default.removeItem(atPath: project.root) }
        let symbols = try LibrarySymbols.load(project: project)
        let found = UndocumentedSymbol.find(in: symbols.graphs)
        // `Layer` has no comment, `empty()` an empty one; `hidden()` is internal; the rest are documented.
        #expect(found.map(\.name) == ["Layer", "Layer.empty()"])
        #expect(found.first?.description.hasPrefix(
            "Sources/Learning/Layer.swift:4:15: warning: public structure Layer has no doc comment") == true)
        #expect(found.last.map { "\($0.line):\($0.column)" } == "9:17")
    }

    @Test func graphsAreExtractedOnlyWhenTheSourcesChange() throws {
        let project = try makeProject()
        defer { try? FileManager.default.removeItem(atPath: project.root) }
        let first = try LibrarySymbols.load(project: project)
        // A marker in the cached folder survives a second load: nothing was extracted again.
        try Data().write(to: URL(fileURLWithPath: first.folder + "/marker"))
        let second = try LibrarySymbols.load(project: project)
        #expect(second.folder == first.folder)
        #expect(FileManager.default.fileExists(atPath: second.folder + "/marker"))
        #expect(second.graphs == first.graphs)
        // Documenting `Layer` changes the digest: a new extraction, one warning fewer.
        let file = project.root + "/Sources/Learning/Layer.swift"
        let text = try String(contentsOfFile: file, encoding: .utf8)
        try text.replacingOccurrences(of: "public struct Layer", with: "/// A layer.\npublic struct Layer")
            .write(toFile: file, atomically: true, encoding: .utf8)
        let third = try LibrarySymbols.load(project: project)
        #expect(third.folder != first.folder)
        // The graphs of the old sources are removed.
        #expect(!FileManager.default.fileExists(atPath: first.folder))
        #expect(UndocumentedSymbol.find(in: third.graphs).map(\.name) == ["Layer.empty()"])
    }
}
