import Foundation
import Testing

/// The "same input, same bytes" check: a figure compared byte for byte with the SVG stored in
/// `Tests/PlotTests/Golden/` by an earlier run, so a change in the order of a dictionary or a
/// set (which differs between processes, not within one) or in number formatting shows up.
/// Set `UPDATE_GOLDEN=1` to rewrite the files after a deliberate change, then read the diff.
enum Golden {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden").path

    static func expect(_ svg: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let file = folder + "/" + name
        if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] != nil {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            try svg.write(toFile: file, atomically: true, encoding: .utf8)
        }
        let golden = try String(contentsOfFile: file, encoding: .utf8)
        #expect(svg == golden, "differs from Tests/PlotTests/Golden/\(name)", sourceLocation: sourceLocation)
    }
}
