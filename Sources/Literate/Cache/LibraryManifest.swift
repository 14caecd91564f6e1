import Foundation

/// What a compiled library folder under `.build/book/lib/` must hold to be reused: every
/// library and module file with its size and SHA-256, written last when the folder is built.
///
/// A folder is reused only when its manifest is there and every file still matches it, so a
/// truncated or overwritten `libLearning.so` (a full disk, a killed copy, a stray edit) is
/// rebuilt instead of failing every chapter's link with a puzzling compile error. A file's
/// bytes are hashed again only when its size or dates changed (`FolderDigest.fileDigest`).
enum LibraryManifest {
    static let fileName = "manifest.txt"

    /// The files that make the libraries: `lib*.so` and the module files, by name.
    static func files(in folder: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.filter { $0.hasSuffix(".so") || $0.hasSuffix(".swiftmodule") }.sorted()
    }

    /// The manifest's text for `folder`: one `name size sha256` line per file.
    static func text(for folder: String) -> String {
        files(in: folder).map { name -> String in
            let path = folder + "/" + name
            let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int ?? -1
            return "\(name) \(size) \(FolderDigest.fileDigest(of: path))\n"
        }.joined()
    }

    /// Writes the manifest of a freshly built folder.
    static func write(_ folder: String) throws {
        try text(for: folder).write(toFile: folder + "/" + fileName, atomically: true, encoding: .utf8)
    }

    /// Whether `folder` holds complete libraries that match their manifest, and the required ones.
    static func verify(_ folder: String, requiring required: [String]) -> Bool {
        guard let data = FileManager.default.contents(atPath: folder + "/" + fileName) else { return false }
        let recorded = String(decoding: data, as: UTF8.self)
        let names = Set(files(in: folder))
        return !recorded.isEmpty && required.allSatisfy(names.contains) && recorded == text(for: folder)
    }
}
