import Foundation

/// The content-addressed store of chapter reports in `.build/book/reports/`.
///
/// A chapter's key is the SHA-256 of everything its report depends on: the engine
/// (`EngineDigest`, the running executable), the compiler version and the library sources
/// (`Toolchain.libraryKey`), the chapter as parsed (code, options, expected output, prose
/// checks, and their lines, since diagnostics name them), the path as given, the time, output
/// and memory limits, and the content of every file the chapter's program can read in its
/// folder tree (`FolderDigest`). Same key, same report: nothing is compiled or run.
///
/// Each report file starts with a line holding the HMAC-SHA-256 of its key and its JSON,
/// under a secret kept outside the reports (`.build/book/report-secret`, made on first use).
/// A report edited by anything but the engine (a chapter's program that got past its
/// confinement, a hand, a tool) no longer matches and is run again, never trusted.
struct ReportCache: Sendable {
    let folder: String
    let cacheFolder: String

    init(project: Project) {
        folder = project.cacheFolder + "/reports"
        cacheFolder = project.cacheFolder
        FolderDigest.load(from: project.cacheFolder + "/files.tsv")
    }

    /// The HMAC's secret, read (or made) on first use.
    private var secret: [UInt8] {
        ReportCache.secrets.mutate { known in
            if let secret = known[cacheFolder] { return secret }
            let secret = ReportCache.secret(in: cacheFolder)
            known[cacheFolder] = secret
            return secret
        }
    }
    private static let secrets = Locked<[String: [UInt8]]>([:])

    /// The key; `data` is the chapter's folder as `FolderDigest.entries` gives it, read now
    /// when not given. `confinement` is the Landlock ABI the program runs under (0: none), so
    /// that a pass of a chapter run unconfined, which could write anywhere, never answers for a
    /// confined run.
    func key(for chapter: Chapter, toolchain: Toolchain, options: CheckOptions,
             data: [(file: String, digest: String)]? = nil, confinement: Int = Sandbox.landlock.abi) -> String {
        var hash = SHA256()
        hash.update(toolchain.engine)
        hash.update(toolchain.libraryKey)
        hash.update(chapter.path)
        hash.update("\(options.timeout) \(options.outputLimit) \(options.memoryLimit) landlock \(confinement)")
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        hash.update((try? encoder.encode(chapter)) ?? Data())
        for (file, digest) in data ?? FolderDigest.entries(of: ReportCache.dataFolder(of: chapter)) {
            hash.update(file)
            hash.update(digest)
        }
        if data == nil { FolderDigest.save() }
        return hash.hexDigest()
    }

    /// The folder whose files the chapter's program can read: the chapter's own (real) folder.
    static func dataFolder(of chapter: Chapter) -> String {
        URL(fileURLWithPath: chapter.path).standardizedFileURL.resolvingSymlinksInPath().deletingLastPathComponent().path
    }

    func load(_ key: String) -> ChapterReport? {
        guard let data = FileManager.default.contents(atPath: file(key)),
              let newline = data.firstIndex(of: UInt8(ascii: "\n")) else { return nil }
        let json = data[data.index(after: newline)...]
        guard String(decoding: data[..<newline], as: UTF8.self) == mac(key: key, json: json),
              var report = try? JSONDecoder().decode(ChapterReport.self, from: json) else { return nil }
        report.isCached = true
        CachePruning.markUsed(file(key))
        return report
    }

    /// Stores a report; a failure to write only costs a recompile next time.
    func store(_ report: ChapterReport, key: String) {
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        guard let json = try? encoder.encode(report) else { return }
        let data = Data((mac(key: key, json: json) + "\n").utf8) + json
        try? data.write(to: URL(fileURLWithPath: file(key)), options: .atomic)
    }

    private func mac<Bytes: Sequence>(key: String, json: Bytes) -> String where Bytes.Element == UInt8 {
        SHA256.hmac(key: secret, message: Array(key.utf8) + [0] + Array(json))
    }

    private func file(_ key: String) -> String { folder + "/" + key + ".json" }

    /// The 32-byte secret in `cacheFolder/report-secret`, made from the system's random
    /// source on first use (readable by this user only).
    static func secret(in cacheFolder: String) -> [UInt8] {
        let path = cacheFolder + "/report-secret"
        if let data = FileManager.default.contents(atPath: path), data.count == 32 { return [UInt8](data) }
        var generator = SystemRandomNumberGenerator()
        let fresh = (0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) }
        try? FileManager.default.createDirectory(atPath: cacheFolder, withIntermediateDirectories: true)
        // Written once, by whichever check comes first; the others read the winner's.
        let temporary = path + ".\(getpid())-\(UUID().uuidString.prefix(8))"
        if FileManager.default.createFile(atPath: temporary, contents: Data(fresh), attributes: [.posixPermissions: 0o600]) {
            _ = link(temporary, path)  // fails when another check made it first: theirs is kept
            unlink(temporary)
        }
        if let data = FileManager.default.contents(atPath: path), data.count == 32 { return [UInt8](data) }
        return fresh
    }
}
