import Foundation

/// KaTeX's answers from earlier builds, so a build after a cached check typesets only the
/// formulas that changed: typesetting the whole book takes node about a second of processor
/// time, reading the answers back a few milliseconds.
///
/// One file, `<folder>/katex-<key>.cache`, where the key hashes KaTeX's script and the
/// options it runs with, so a new KaTeX or new options start afresh. Each build rewrites it
/// with exactly the formulas the book has now, so it never grows; errors are not kept.
/// Format: a line `book-math-cache 1`, then per formula a line `d|i <tex bytes> <html bytes>`
/// followed by the TeX and the HTML, then a newline.
struct MathCache {
    let file: URL
    private(set) var entries: [MathRequest: String] = [:]

    /// The cache for KaTeX at `katex` in `folder`; empty when the file is missing or damaged.
    init(folder: URL, katex: URL) {
        var hash = FNV1a()
        hash.add(Array(KaTeXBatch.options.utf8))
        hash.add(Array(KaTeXBatch.script.utf8))
        hash.add(Array(FileManager.default.contents(atPath: katex.path) ?? Data()))
        file = folder.appendingPathComponent("katex-\(hash.hex).cache")
        if let data = FileManager.default.contents(atPath: file.path) {
            entries = Self.parse(Array(data)) ?? [:]
        }
    }

    /// The entries of a cache file; nil when it is not one.
    static func parse(_ bytes: [UInt8]) -> [MathRequest: String]? {
        let header = Array("book-math-cache 1\n".utf8)
        guard bytes.starts(with: header) else { return nil }
        var entries: [MathRequest: String] = [:]
        var at = header.count
        while at < bytes.count {
            guard let newline = bytes[at...].firstIndex(of: UInt8(ascii: "\n")) else { return nil }
            let fields = bytes[at..<newline].split(separator: UInt8(ascii: " "))
            guard fields.count == 3, let mode = fields[0].first,
                  let texCount = Int(String(decoding: fields[1], as: UTF8.self)),
                  let htmlCount = Int(String(decoding: fields[2], as: UTF8.self)),
                  newline + 1 + texCount + htmlCount < bytes.count else { return nil }
            let texStart = newline + 1, htmlStart = texStart + texCount, end = htmlStart + htmlCount
            let tex = String(decoding: bytes[texStart..<htmlStart], as: UTF8.self)
            entries[MathRequest(tex: tex, display: mode == UInt8(ascii: "d"))] = String(decoding: bytes[htmlStart..<end], as: UTF8.self)
            at = end + 1
        }
        return entries
    }

    /// The file's bytes for `entries`, in a fixed order.
    static func serialise(_ entries: [MathRequest: String]) -> [UInt8] {
        var out = Array("book-math-cache 1\n".utf8)
        for request in entries.keys.sorted() {
            let html = entries[request]!
            out += Array("\(request.display ? "d" : "i") \(request.tex.utf8.count) \(html.utf8.count)\n".utf8)
            out += Array(request.tex.utf8)
            out += Array(html.utf8)
            out.append(UInt8(ascii: "\n"))
        }
        return out
    }

    /// Keeps exactly `entries`, replacing the file (and removing older caches beside it)
    /// when they differ from what was read. Failures are ignored: the cache only saves time.
    mutating func store(_ entries: [MathRequest: String]) {
        guard entries != self.entries else { return }
        self.entries = entries
        let manager = FileManager.default
        let folder = file.deletingLastPathComponent()
        try? manager.createDirectory(at: folder, withIntermediateDirectories: true)
        for name in (try? manager.contentsOfDirectory(atPath: folder.path)) ?? []
        where name.hasPrefix("katex-") && name != file.lastPathComponent {
            try? manager.removeItem(at: folder.appendingPathComponent(name))
        }
        let temporary = folder.appendingPathComponent(".\(file.lastPathComponent)-\(ProcessInfo.processInfo.processIdentifier)")
        guard (try? Data(Self.serialise(entries)).write(to: temporary)) != nil else { return }
        if (try? manager.replaceItemAt(file, withItemAt: temporary)) == nil {
            _ = try? manager.moveItem(at: temporary, to: file)
        }
        try? manager.removeItem(at: temporary)
    }
}

/// The 64-bit FNV-1a hash: enough to tell versions of a file apart, not a secure digest.
struct FNV1a {
    private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    mutating func add(_ bytes: [UInt8]) {
        var value = self.value
        bytes.withUnsafeBufferPointer { buffer in
            for byte in buffer {
                value = (value ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
            }
        }
        self.value = value
    }

    var hex: String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
