import Dispatch
import Foundation

/// The public symbols of `Learning` and `Plot`, read from the symbol graphs the compiler writes
/// for them, extracted only when their sources (or the compiler) change.
///
/// The graphs come from a module-only compile (`swiftc -emit-module -emit-symbol-graph`), not
/// from `swift-symbolgraph-extract` on the chapters' compiled libraries: a graph read back from
/// a binary module has no source locations, and a warning must name the file and line. The
/// compile type-checks without generating code (about 6 s for Learning, 3 s for Plot on an idle
/// machine) and runs only for a new key; a repeat build reads the cached JSON.
public struct LibrarySymbols: Sendable {
    /// Bumped when the extraction flags or the cached layout change.
    static let version = "symbols-1"

    /// Every graph: each module's own, then the graphs of its extensions to other modules
    /// (`Learning@Swift`: `Double.formatted(decimals:)`), sorted by module and file name.
    public var graphs: [SymbolGraph]
    /// The cache folder the graphs were read from.
    public var folder: String

    /// The flags of the module-only compile: public symbols only, no doc comments copied from
    /// protocol requirements onto their implementations, no members the compiler synthesises.
    static let flags = ["-parse-as-library", "-wmo", "-emit-symbol-graph",
                        "-symbol-graph-minimum-access-level", "public",
                        "-symbol-graph-skip-inherited-docs", "-symbol-graph-skip-synthesized-members"]

    /// Reads the graphs of the project's `Learning` and `Plot`, extracting them first when no
    /// cached graphs match the sources' digest.
    public static func load(project: Project) throws -> LibrarySymbols {
        let folder = try extracted(project: project)
        return LibrarySymbols(graphs: try read(folder), folder: folder)
    }

    /// The folder of the graphs of the project's `Learning` and `Plot`, extracted first when no
    /// cached graphs match the sources' digest; nothing is decoded. The folder's name is that
    /// digest, so what is worked out from the graphs can be cached beside them
    /// (`ReferenceCatalog` in Site).
    public static func extracted(project: Project) throws -> String {
        let swiftc = try Toolchain.findCompiler()
        let compiler = try Toolchain.compilerVersion(swiftc, cacheFolder: project.cacheFolder)
        let sources = Toolchain.snapshot(project)
        let folder = project.cacheFolder + "/symbols/" + String(key(compilerVersion: compiler, sources: sources).prefix(24))
        if !FileManager.default.fileExists(atPath: folder + "/complete") {
            try extract(sources, swiftc: swiftc, into: folder)
        }
        removeStale(keeping: folder)
        return folder
    }

    /// Removes the graphs of earlier sources beside `folder` (the staging folders of
    /// extractions still running, `<key>.tmp-<pid>-…`, are left alone).
    static func removeStale(keeping folder: String) {
        let parent = (folder as NSString).deletingLastPathComponent, current = (folder as NSString).lastPathComponent
        for name in (try? FileManager.default.contentsOfDirectory(atPath: parent)) ?? [] where name != current && !name.contains(".tmp-") {
            try? FileManager.default.removeItem(atPath: parent + "/" + name)
        }
    }

    /// SHA-256 of the extraction version and flags, the compiler and every source file's
    /// module, name and bytes.
    static func key(compilerVersion: String, sources: [(module: String, files: [(name: String, data: Data)])]) -> String {
        var key = SHA256()
        key.update(version)
        key.update(flags.joined(separator: " "))
        key.update(compilerVersion)
        for (module, files) in sources {
            for (name, data) in files {
                key.update(module + "/" + name)
                key.update(data)
            }
        }
        return key.hexDigest()
    }

    /// Writes the snapshot to a staging folder and compiles each module there from relative
    /// paths, so every location reads `Sources/<Module>/<File>.swift` as in the repository;
    /// then renames the graphs into place, so an interrupted extraction leaves nothing half-written.
    static func extract(_ sources: [(module: String, files: [(name: String, data: Data)])], swiftc: String,
                        into folder: String) throws {
        let fileManager = FileManager.default
        let staging = folder + ".tmp-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString.prefix(8))"
        defer { try? fileManager.removeItem(atPath: staging) }
        for (module, files) in sources {
            try fileManager.createDirectory(atPath: staging + "/Sources/" + module, withIntermediateDirectories: true)
            for (name, data) in files {
                try data.write(to: URL(fileURLWithPath: staging + "/Sources/" + module + "/" + name))
            }
        }
        for folderName in ["graphs", "modules"] {
            try fileManager.createDirectory(atPath: staging + "/" + folderName, withIntermediateDirectories: true)
        }
        let results = Results(count: sources.count)
        DispatchQueue.concurrentPerform(iterations: sources.count) { index in
            let (module, files) = sources[index]
            let arguments = ["-emit-module", "-emit-module-path", "modules/" + module + ".swiftmodule",
                             "-module-name", module, "-emit-symbol-graph-dir", "graphs"]
                + flags + files.map { "Sources/" + module + "/" + $0.name }
            results.set(index, Result { try Subprocess.run(swiftc, arguments, in: staging, timeout: 600) })
        }
        for (index, result) in results.all.enumerated() {
            let output = try result.get()
            guard output.succeeded else {
                throw BookError.libraryFailed("extracting the symbols of \(sources[index].module):\n" + output.stderrText)
            }
        }
        try? fileManager.removeItem(atPath: folder)
        try fileManager.createDirectory(atPath: (folder as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try fileManager.moveItem(atPath: staging + "/graphs", toPath: folder)
        try Data().write(to: URL(fileURLWithPath: folder + "/complete"))
    }

    /// Decodes every `*.symbols.json` in `folder`, sorted by file name.
    public static func read(_ folder: String) throws -> [SymbolGraph] {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [])
            .filter { $0.hasSuffix(".symbols.json") }.sorted()
        return try names.map { name in
            guard let data = FileManager.default.contents(atPath: folder + "/" + name) else {
                throw BookError.io("cannot read \(folder)/\(name); delete \(folder) and build again")
            }
            do { return try SymbolGraph.decode(data) } catch {
                throw BookError.io("\(folder)/\(name) is not a symbol graph (\(error)); delete \(folder) and build again")
            }
        }
    }

    /// The subprocess results of the parallel compiles, one slot per module.
    private final class Results: @unchecked Sendable {
        private let lock = NSLock()
        private var slots: [Result<ProcessResult, Error>]
        init(count: Int) { slots = Array(repeating: .failure(BookError.io("symbol extraction did not run")), count: count) }
        func set(_ index: Int, _ result: Result<ProcessResult, Error>) { lock.withLock { slots[index] = result } }
        var all: [Result<ProcessResult, Error>] { lock.withLock { slots } }
    }
}
