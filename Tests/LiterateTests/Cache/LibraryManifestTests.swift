import Foundation
import Testing
@testable import Literate

@Suite struct LibraryManifestTests {
    @Test func aTruncatedLibraryIsNotReused() throws {
        let folder = NSTemporaryDirectory() + "literate-lib-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder + "/Sources", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for name in ["libLearning.so", "Learning.swiftmodule", "libBookSupport.so"] {
            try Data(repeating: 7, count: 4096).write(to: URL(fileURLWithPath: folder + "/" + name))
        }
        #expect(!LibraryManifest.verify(folder, requiring: ["libLearning.so"]))  // built before manifests
        try LibraryManifest.write(folder)
        #expect(LibraryManifest.verify(folder, requiring: ["libLearning.so", "libBookSupport.so"]))
        #expect(!LibraryManifest.verify(folder, requiring: ["libPlot.so"]))
        // Truncated, as a full disk or a killed copy leaves it.
        try Data(repeating: 7, count: 100).write(to: URL(fileURLWithPath: folder + "/libLearning.so"))
        #expect(!LibraryManifest.verify(folder, requiring: ["libLearning.so"]))
        try Data(repeating: 7, count: 4096).write(to: URL(fileURLWithPath: folder + "/libLearning.so"))
        #expect(LibraryManifest.verify(folder, requiring: ["libLearning.so"]))
        // Same size, other bytes.
        try Data(repeating: 8, count: 4096).write(to: URL(fileURLWithPath: folder + "/libLearning.so"))
        #expect(!LibraryManifest.verify(folder, requiring: ["libLearning.so"]))
    }
}
