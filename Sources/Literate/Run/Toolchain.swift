import Foundation

/// The Swift compiler and the libraries chapter code links against: Learning and Plot,
/// compiled once with optimisation into a content-addressed folder under `.build/book/lib/`,
/// plus the small `BookSupport` module behind `record(_:_:)` and `show(_:)`.
struct Toolchain: Sendable {

    /// Absolute path of `swiftc`.
    let swiftc: String
    /// `swiftc --version`, first line.
    let compilerVersion: String
    /// Folder with `libLearning.so`, `libPlot.so`, `libBookSupport.so` and their modules.
    let libraryFolder: String
    /// Identifies the library sources and the compiler: part of every chapter's key.
    let libraryKey: String
    /// Identifies the engine that checks (`EngineDigest`): part of every chapter's key, not of
    /// the libraries'.
    var engine: String = ""

    /// Finds swiftc and makes sure the libraries for the current sources exist, compiling them
    /// if needed (Learning and Plot in parallel).
    static func prepare(project: Project, announce: () -> Void) throws -> Toolchain {
        let swiftc = try findCompiler()
        let version = try compilerVersion(swiftc, cacheFolder: project.cacheFolder)
        // One snapshot of the sources is both hashed and compiled, so an edit made meanwhile
        // cannot slip into a library filed under the old key.
        let sources = snapshot(project)
        let libraryKey = key(compilerVersion: version, sources: sources)
        let folder = project.cacheFolder + "/lib/" + String(libraryKey.prefix(24))
        CachePruning(project: project).removeLeftoversOfEndedChecks()
        // Reused only when every library file still matches what was built (a truncated .so is rebuilt).
        if !LibraryManifest.verify(folder, requiring: ["libLearning.so", "libPlot.so", "libBookSupport.so"]) {
            announce()
            try build(sources, swiftc: swiftc, into: folder)
        } else {
            CachePruning.markUsed(folder)
        }
        guard let engine = EngineDigest.digest(cacheFolder: project.cacheFolder) else {
            throw BookError.io("cannot read the running executable \(EngineDigest.executable) to key the cache by it")
        }
        return Toolchain(swiftc: swiftc, compilerVersion: version, libraryFolder: folder, libraryKey: libraryKey, engine: engine)
    }

    /// The Swift files of Learning and Plot, read once.
    static func snapshot(_ project: Project) -> [(module: String, files: [(name: String, data: Data)])] {
        [("Learning", project.root + "/Sources/Learning"), ("Plot", project.root + "/Sources/Plot")].map { module, folder in
            (module, swiftFiles(in: folder).map { file in
                ((file as NSString).lastPathComponent, FileManager.default.contents(atPath: file) ?? Data())
            })
        }
    }

    /// How the libraries are compiled: optimised, whole-module, keeping frame pointers, without
    /// which the runtime's backtracer cannot walk from a trap inside Learning (a shape mismatch)
    /// back to the chapter line that called it, and with `machineFlags`.
    static let libraryFlags = ["-O", "-wmo", "-parse-as-library", "-Xcc", "-fno-omit-frame-pointer"] + machineFlags

    /// The vector instructions of this machine (AVX-512 or AVX2 on x86-64), as Package.swift
    /// gives Learning: the libraries are built where the chapters run. Chapter numbers do not
    /// depend on them (no multiply is fused with its add); the library cache key includes
    /// `machine`, so a cache moved to another CPU is rebuilt, not run into "illegal instruction".
    #if arch(x86_64)
    static let machineFlags = ["-Xcc", "-march=native"]
    #else
    static let machineFlags: [String] = []
    #endif

    /// What `-march=native` resolves to: the CPU's model and feature flags (`MachineDescription`).
    static var machine: String { MachineDescription.current }

    /// The libraries' key: SHA-256 of the compiler version, the flags, the machine, the support
    /// module's source, and every library file's module, name and bytes.
    static func key(compilerVersion: String, sources: [(module: String, files: [(name: String, data: Data)])],
                    machine: String = Toolchain.machine) -> String {
        var key = SHA256()
        key.update(compilerVersion)
        key.update(libraryFlags.joined(separator: " "))
        key.update(machine)
        key.update(Prelude.supportSource)
        for (module, files) in sources {
            for (name, data) in files {
                key.update(module + "/" + name)
                key.update(data)
            }
        }
        return key.hexDigest()
    }

    /// How chapter code is compiled: Swift 5 mode, no optimisation, one frontend job (by
    /// default the driver type-checks the file twice, once more to emit a module nobody needs:
    /// `-no-emit-module-separately` halves the compile time), diagnostics one per line.
    var chapterFlags: [String] {
        ["-swift-version", "5", "-Onone", "-no-emit-module-separately", "-diagnostic-style=llvm", "-module-name", "Chapter"]
    }

    /// Flags that make a program see and load the libraries.
    var linkFlags: [String] {
        ["-I", libraryFolder, "-L", libraryFolder, "-lLearning", "-lPlot", "-lBookSupport",
         "-Xlinker", "-rpath", "-Xlinker", libraryFolder]
    }

    static func swiftFiles(in folder: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.filter { $0.hasSuffix(".swift") }.sorted().map { folder + "/" + $0 }
    }

    static func findCompiler() throws -> String {
        if let explicit = ProcessInfo.processInfo.environment["SWIFTC"], FileManager.default.isExecutableFile(atPath: explicit) {
            return explicit
        }
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for folder in path.split(separator: ":") where FileManager.default.isExecutableFile(atPath: "\(folder)/swiftc") {
            return "\(folder)/swiftc"
        }
        throw BookError.compilerMissing("not on PATH")
    }

    /// `swiftc --version`, remembered per compiler binary (path, size, modification time),
    /// since asking costs a noticeable part of a repeat check.
    static func compilerVersion(_ swiftc: String, cacheFolder: String) throws -> String {
        let real = URL(fileURLWithPath: swiftc).resolvingSymlinksInPath().path
        let attributes = try? FileManager.default.attributesOfItem(atPath: real)
        let stamp = "\(real) \(attributes?[.size] ?? 0) \((attributes?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0)"
        let remembered = cacheFolder + "/compiler/" + String(SHA256.hex(stamp).prefix(24))
        if let data = FileManager.default.contents(atPath: remembered), let text = String(data: data, encoding: .utf8), !text.isEmpty {
            return text
        }
        let result = try Subprocess.run(swiftc, ["--version"], timeout: 60)
        guard result.succeeded else { throw BookError.compilerMissing("swiftc --version failed: \(result.stderrText)") }
        let version = result.stdoutText.split(separator: "\n").first.map(String.init) ?? ""
        try? FileManager.default.createDirectory(atPath: cacheFolder + "/compiler", withIntermediateDirectories: true)
        try? version.write(toFile: remembered, atomically: true, encoding: .utf8)
        return version
    }

    /// Compiles the libraries into a fresh folder, then renames it into place, so a failed or
    /// interrupted build never leaves a half-built library folder behind.
    private static func build(_ sources: [(module: String, files: [(name: String, data: Data)])], swiftc: String,
                              into folder: String) throws {
        // Unique per build, not only per process: two checks in one process (parallel tests)
        // may build the same libraries at once.
        let staging = folder + ".tmp-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString.prefix(8))"
        try? FileManager.default.removeItem(atPath: staging)
        var modules: [(name: String, files: [String])] = []
        do {
            for (module, files) in sources {
                let source = staging + "/Sources/" + module
                try FileManager.default.createDirectory(atPath: source, withIntermediateDirectories: true)
                for (name, data) in files { try data.write(to: URL(fileURLWithPath: source + "/" + name)) }
                modules.append((module, files.map { source + "/" + $0.name }))
            }
            try Prelude.supportSource.write(toFile: staging + "/BookSupport.swift", atomically: true, encoding: .utf8)
        } catch {
            throw BookError.cannotWrite(staging, error)
        }
        let failures = Locked<[String]>([])
        let modulesToBuild = modules
        DispatchQueue.concurrentPerform(iterations: modulesToBuild.count) { index in
            let (name, files) = modulesToBuild[index]
            if let failure = compileLibrary(name, files: files, swiftc: swiftc, folder: staging, extra: []) {
                failures.mutate { $0.append(failure) }
            }
        }
        // BookSupport is chapter-side code, in the chapters' Swift 5 mode (it touches C's stdout).
        let extra = ["-I", staging, "-L", staging, "-lPlot", "-swift-version", "5"]
        if failures.value.isEmpty,
           let failure = compileLibrary("BookSupport", files: [staging + "/BookSupport.swift"], swiftc: swiftc, folder: staging, extra: extra) {
            failures.mutate { $0.append(failure) }
        }
        if let failure = failures.value.first {
            try? FileManager.default.removeItem(atPath: staging)
            throw BookError.libraryFailed(failure)
        }
        do {
            try LibraryManifest.write(staging)
        } catch {
            throw BookError.cannotWrite(staging, error)
        }
        // A complete folder built meanwhile by another check is as good, and may be in use.
        if LibraryManifest.verify(folder, requiring: ["libBookSupport.so"]) {
            try? FileManager.default.removeItem(atPath: staging)
            return
        }
        try? FileManager.default.removeItem(atPath: folder)
        do {
            try FileManager.default.moveItem(atPath: staging, toPath: folder)
        } catch {
            // Another check may have built the same libraries meanwhile: theirs are as good.
            try? FileManager.default.removeItem(atPath: staging)
            if !LibraryManifest.verify(folder, requiring: ["libBookSupport.so"]) {
                throw BookError.io("cannot move libraries into \(folder)")
            }
        }
    }

    /// One optimised library with its module; the compiler's output when it fails.
    private static func compileLibrary(_ name: String, files: [String], swiftc: String, folder: String, extra: [String]) -> String? {
        let mode = extra.contains("-swift-version") ? [] : ["-swift-version", "6"]
        let arguments = libraryFlags + mode + ["-module-name", name,
                         "-emit-library", "-o", "\(folder)/lib\(name).so",
                         "-emit-module", "-emit-module-path", "\(folder)/\(name).swiftmodule",
                         "-Xlinker", "-soname", "-Xlinker", "lib\(name).so"] + extra + files
        guard let result = try? Subprocess.run(swiftc, arguments, in: folder, timeout: 900) else { return "cannot run swiftc" }
        return result.succeeded ? nil : result.stderrText + result.stdoutText
    }
}
