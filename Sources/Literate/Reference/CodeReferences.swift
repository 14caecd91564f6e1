import CIndexStore
import Dispatch
import Foundation

/// Which symbol each name in a chapter's code refers to, as the compiler resolved it: the
/// chapter's program (`Program`, the same source `book check` compiles) is type-checked once
/// more with `-index-store-path`, and the index store is read through the toolchain's
/// libIndexStore. So an overloaded `forward` names the overload the compiler chose, and a
/// chapter's own `sigmoid` names the chapter's function (USR `s:7Chapter7sigmoid…`), never
/// `Learning`'s, whatever the spelling.
///
/// The result of a program is cached under `.build/book/references/` by the program's text,
/// the libraries' key and the compiler, so an unchanged chapter is not type-checked again;
/// files no current chapter uses are removed. Each process type-checks in scratch folders of
/// its own (`<file>.work-<pid>`), so two `book` processes on one project never share one.
public struct CodeReferences: Codable, Hashable, Sendable {
    /// A name the author wrote (not one the compiler implied), at its place in the chapter.
    public struct Name: Codable, Hashable, Sendable {
        /// One-based line in the Markdown file.
        public var line: Int
        /// One-based UTF-8 column within the code line (as the block's text has it, without
        /// the fence's indentation).
        public var column: Int
        /// The USR of the symbol it names.
        public var usr: String

        public init(line: Int, column: Int, usr: String) {
            self.line = line
            self.column = column
            self.usr = usr
        }
    }

    /// Every explicit reference in the chapter's blocks, sorted by line, column and USR.
    public var names: [Name]

    public init(names: [Name]) {
        self.names = names
    }

    /// Bumped when what is stored, or how it is made, changes.
    static let version = "references-2"
    /// `INDEXSTORE_SYMBOL_ROLE_REFERENCE` and `INDEXSTORE_SYMBOL_ROLE_IMPLICIT`.
    static let referenceRole: UInt64 = 1 << 2, implicitRole: UInt64 = 1 << 8

    /// The references of every runnable chapter of `chapters`, by chapter path. A chapter
    /// whose type-check fails (it would have failed `book check` too) has none.
    public static func load(_ chapters: [ParsedChapter], project: Project) throws -> [String: CodeReferences] {
        let toolchain = try Toolchain.prepare(project: project, announce: {})
        let folder = project.cacheFolder + "/references"
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let programs = chapters.compactMap { parsed in parsed.isRunnable ? parsed.chapter.map { (parsed.path, $0) } : nil }
        let found = Locked<[String: CodeReferences]>([:])
        let failures = Locked<[Error]>([])
        // One job per distinct program: chapters whose programs are the same text (two with no
        // Swift block) share a key, and so a cache file and a scratch folder; indexed at once
        // in one folder, one job's clean-up deleted the other's index store under it.
        var distinct: [(paths: [String], chapter: Chapter, file: String)] = []
        var jobOfFile: [String: Int] = [:]
        for (path, chapter) in programs {
            let source = Program(chapter: chapter).source
            var key = SHA256()
            key.update(version)
            key.update(toolchain.compilerVersion)
            key.update(toolchain.libraryKey)
            key.update(source)
            let file = folder + "/" + String(key.hexDigest().prefix(24)) + ".txt"
            if let index = jobOfFile[file] {
                distinct[index].paths.append(path)
            } else {
                jobOfFile[file] = distinct.count
                distinct.append(([path], chapter, file))
            }
        }
        let jobs = distinct
        let keep = Set(jobs.map { ($0.file as NSString).lastPathComponent })
        DispatchQueue.concurrentPerform(iterations: jobs.count) { index in
            let job = jobs[index]
            do {
                let references: CodeReferences
                if let data = FileManager.default.contents(atPath: job.file), let cached = CodeReferences(cached: data) {
                    references = cached
                } else {
                    references = try Self.index(job.chapter, toolchain: toolchain, scratch: job.file + ".work-\(getpid())")
                    try references.cached.write(to: URL(fileURLWithPath: job.file), options: .atomic)
                }
                found.mutate { for path in job.paths { $0[path] = references } }
            } catch {
                failures.mutate { $0.append(error) }
            }
        }
        // Files of programs that no longer exist, and scratch folders of ended processes. A
        // scratch folder is `<file>.work-<pid>`: another `book` on this project (a `book serve`
        // beside a `book build`) may be indexing in its own, which stays.
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] where !keep.contains(name) {
            if let pid = EndedProcess.pid(in: name, after: ".work-"), pid != getpid(), !EndedProcess.hasEnded(pid) { continue }
            try? FileManager.default.removeItem(atPath: folder + "/" + name)
        }
        if let failure = failures.value.first { throw failure }
        return found.value
    }

    /// The cache file's text: a name a line, `line column usr` (USRs hold no spaces). Decoding
    /// the same names as JSON objects took a twentieth of the site's rendering.
    var cached: Data {
        var text = ""
        for name in names { text += "\(name.line) \(name.column) \(name.usr)\n" }
        return Data(text.utf8)
    }

    /// The names of a cache file (`cached`); nil when a line is not `line column usr`.
    init?(cached data: Data) {
        var names: [Name] = []
        for line in data.split(separator: UInt8(ascii: "\n")) {
            let fields = line.split(separator: UInt8(ascii: " "), maxSplits: 2)
            guard fields.count == 3, let number = Int(String(decoding: fields[0], as: UTF8.self)),
                  let column = Int(String(decoding: fields[1], as: UTF8.self)) else { return nil }
            names.append(Name(line: number, column: column, usr: String(decoding: fields[2], as: UTF8.self)))
        }
        self.init(names: names)
    }

    /// Type-checks `chapter`'s program in `scratch` with an index store and reads its names.
    static func index(_ chapter: Chapter, toolchain: Toolchain, scratch: String) throws -> CodeReferences {
        let manager = FileManager.default
        try? manager.removeItem(atPath: scratch)
        try manager.createDirectory(atPath: scratch, withIntermediateDirectories: true)
        defer { try? manager.removeItem(atPath: scratch) }
        let source = Program(chapter: chapter).source
        let file = scratch + "/main.swift"
        try source.write(toFile: file, atomically: false, encoding: .utf8)
        let arguments = toolchain.chapterFlags + ["-typecheck", "-index-store-path", scratch + "/index", "-index-ignore-system-modules"]
            + toolchain.linkFlags + [file]
        let result = try Subprocess.run(toolchain.swiftc, arguments, in: scratch, timeout: 600)
        guard result.succeeded else { return CodeReferences(names: []) }
        let occurrences = try read(store: scratch + "/index", library: library(swiftc: toolchain.swiftc))
        let lines = chapterLines(source)
        let here = URL(fileURLWithPath: file).resolvingSymlinksInPath().path
        var names = Set<Name>()
        for occurrence in occurrences where occurrence.roles & referenceRole != 0 && occurrence.roles & implicitRole == 0 {
            guard URL(fileURLWithPath: occurrence.path).resolvingSymlinksInPath().path == here,
                  occurrence.line >= 1, occurrence.line <= lines.count, let line = lines[occurrence.line - 1] else { continue }
            names.insert(Name(line: line, column: occurrence.column, usr: occurrence.usr))
        }
        return CodeReferences(names: names.sorted { ($0.line, $0.column, $0.usr) < ($1.line, $1.column, $1.usr) })
    }

    /// For each line of a generated program, the chapter line it came from (nil for the
    /// prelude and the scaffolding): `#sourceLocation(file:line:)` gives the next line's
    /// number, `#sourceLocation()` ends the mapping.
    static func chapterLines(_ source: String) -> [Int?] {
        var out: [Int?] = []
        var next: Int?
        for line in source.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("#sourceLocation(") {
                out.append(nil)
                if let range = line.range(of: "line: ", options: .backwards) {
                    next = Int(line[range.upperBound...].prefix { $0.isNumber })
                } else {
                    next = nil
                }
                continue
            }
            out.append(next)
            next = next.map { $0 + 1 }
        }
        return out
    }

    /// libIndexStore beside the compiler: `<toolchain>/usr/lib/libIndexStore.so` (`.dylib` on macOS).
    static func library(swiftc: String) -> String {
        let bin = URL(fileURLWithPath: swiftc).resolvingSymlinksInPath().deletingLastPathComponent()
        #if os(macOS)
        return bin.deletingLastPathComponent().appendingPathComponent("lib/libIndexStore.dylib").path
        #else
        return bin.deletingLastPathComponent().appendingPathComponent("lib/libIndexStore.so").path
        #endif
    }

    /// One occurrence as the store records it.
    struct Occurrence: Hashable {
        var path: String
        var line: Int
        var column: Int
        var usr: String
        var roles: UInt64
    }

    /// Every occurrence in the index store at `store`.
    static func read(store: String, library: String) throws -> [Occurrence] {
        final class Box { var occurrences: [Occurrence] = [] }
        let box = Box()
        var message = [CChar](repeating: 0, count: 1024)
        let status = withExtendedLifetime(box) {
            index_store_read(library, store, Unmanaged.passUnretained(box).toOpaque(), { context, found in
                guard let context, let found else { return false }
                let box = Unmanaged<Box>.fromOpaque(context).takeUnretainedValue()
                box.occurrences.append(Occurrence(path: String(cString: found.pointee.path), line: Int(found.pointee.line),
                                                  column: Int(found.pointee.column), usr: String(cString: found.pointee.usr),
                                                  roles: found.pointee.roles))
                return true
            }, &message, UInt(message.count))
        }
        guard status == 0 else {
            throw BookError.io(String(cString: message) + "; the names in the chapters' code are not linked")
        }
        return box.occurrences
    }
}
