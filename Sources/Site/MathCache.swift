import Foundation

/// KaTeX's answers from earlier builds, so a build after a cached check typesets only the
/// formulas that changed: typesetting the whole book takes node about a second of processor
/// time, reading the answers back a few milliseconds.
///
/// One file, `<folder>/katex-<key>.cache`, where the key hashes KaTeX's script and the
/// options it runs with, so a new KaTeX or new options start afresh. Each build rewrites it
/// with exactly the formulas the book has now, so it never grows. KaTeX's refusals are kept
/// too (the same KaTeX refuses the same TeX again): a phone layout KaTeX cannot set would
/// otherwise start node on every build, for nothing.
/// Format: a line `book-math-cache 2`, then per formula a line `d|i|D|I <tex bytes> <answer bytes>`
/// followed by the TeX and the answer, then a newline: lower case, display or inline, with
/// the HTML as the answer; upper case, a refusal, with `<offset or -1> <message>` as the answer.
struct MathCache {
    let file: URL
    private(set) var entries: [MathRequest: MathResult] = [:]

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
    static func parse(_ bytes: [UInt8]) -> [MathRequest: MathResult]? {
        let header = Array(Self.header.utf8)
        guard bytes.starts(with: header) else { return nil }
        var entries: [MathRequest: MathResult] = [:]
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
            let answer = String(decoding: bytes[htmlStart..<end], as: UTF8.self)
            switch mode {
            case UInt8(ascii: "d"), UInt8(ascii: "i"):
                entries[MathRequest(tex: tex, display: mode == UInt8(ascii: "d"))] = .html(answer)
            case UInt8(ascii: "D"), UInt8(ascii: "I"):
                guard let space = answer.firstIndex(of: " "), let offset = Int(answer[..<space]) else { return nil }
                entries[MathRequest(tex: tex, display: mode == UInt8(ascii: "D"))] =
                    .error(String(answer[answer.index(after: space)...]), offset: offset < 0 ? nil : offset)
            default:
                return nil
            }
            at = end + 1
        }
        return entries
    }

    /// The file's bytes for `entries`, in a fixed order.
    static func serialise(_ entries: [MathRequest: MathResult]) -> [UInt8] {
        var out = Array(Self.header.utf8)
        for request in entries.keys.sorted() {
            let mode: String, answer: String
            switch entries[request]! {
            case .html(let html):
                (mode, answer) = (request.display ? "d" : "i", html)
            case .error(let message, let offset):
                (mode, answer) = (request.display ? "D" : "I", "\(offset ?? -1) \(message)")
            }
            out += Array("\(mode) \(request.tex.utf8.count) \(answer.utf8.count)\n".utf8)
            out += Array(request.tex.utf8)
            out += Array(answer.utf8)
            out.append(UInt8(ascii: "\n"))
        }
        return out
    }

    /// The first line of a cache file (version 2 keeps refusals; a version 1 file reads as empty).
    static let header = "book-math-cache 2\n"

    /// Keeps exactly `entries`, replacing the file (and removing older caches beside it)
    /// when they differ from what was read. Failures are ignored: the cache only saves time.
    mutating func store(_ entries: [MathRequest: MathResult]) {
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
        // rename(2) replaces the old file in one step. (Foundation's replaceItemAt fails on
        // Linux, "the file doesn't exist", so the cache was written once and never updated:
        // every later build typeset its new formulas again, node and all.)
        if rename(temporary.path, file.path) != 0 { try? manager.removeItem(at: temporary) }
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
