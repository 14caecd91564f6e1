import Foundation
import Testing
@testable import Literate

/// What each name in a chapter's code refers to, from the compiler's index store: a throwaway
/// project whose Learning has an overloaded `forward` and a `sigmoid`, and a chapter that calls
/// both and then declares its own `sigmoid`.
@Suite struct CodeReferencesTests {
    private func makeProject() throws -> (Project, ParsedChapter) {
        let root = NSTemporaryDirectory() + "literate-references-\(UUID().uuidString)"
        let fileManager = FileManager.default
        for folder in ["Sources/Learning", "Sources/Plot", "chapters"] {
            try fileManager.createDirectory(atPath: root + "/" + folder, withIntermediateDirectories: true)
        }
        try """
        /// A network.
        public struct Net {
            /// An empty one.
            public init() {}
            /// One input.
            public func forward(_ x: Double) -> Double { x }
            /// Many inputs.
            public func forward(_ x: [Double]) -> [Double] { x }
        }
        /// The logistic function.
        public func sigmoid(_ z: Double) -> Double { z }
        /// Twice z.
        public func twice(_ z: Double) -> Double { 2 * z }

        """.write(toFile: root + "/Sources/Learning/Net.swift", atomically: true, encoding: .utf8)
        // What the book's support module needs of Plot.
        try """
        /// A figure.
        public struct Figure { public var svg = "", caption = "", alt = "" }
        /// Frames.
        public struct Frames { public var parameter = "", caption = "", alt = "", frames: [Frame] = [] }
        /// A frame.
        public struct Frame { public var label = "", figure = Figure() }

        """.write(toFile: root + "/Sources/Plot/Figure.swift", atomically: true, encoding: .utf8)
        // Lines: 5 `let net`, 6 the two forwards, 7 twice; in the second block, 11 the chapter's
        // sigmoid, 12 its call (which, in one program, also shadows the library's on line 7).
        let markdown = """
        # One

        ```swift
        import Learning
        let net = Net()
        print(net.forward(1.5), net.forward([1.5]))
        print(twice(sigmoid(0.5)))
        ```

        ```swift
        func sigmoid(_ z: Double) -> Double { -z }
        print(sigmoid(2.0))
        ```

        """
        let path = root + "/chapters/01-one.md"
        try markdown.write(toFile: path, atomically: true, encoding: .utf8)
        return (Project(root: root), ChapterParser.parse(markdown, path: path))
    }

    @Test func namesLinkToTheSymbolTheCompilerResolvedAndAShadowedNameDoesNot() throws {
        let (project, chapter) = try makeProject()
        defer { try? FileManager.default.removeItem(atPath: project.root) }
        let references = try #require(try CodeReferences.load([chapter], project: project)[chapter.path])
        let graphs = try LibrarySymbols.load(project: project).graphs
        func usr(_ path: [String], declaring text: String = "") throws -> String {
            try #require(graphs.flatMap(\.symbols).first {
                $0.pathComponents == path && (text.isEmpty || ($0.declarationFragments ?? []).map(\.spelling).joined().contains(text))
            }).identifier.precise
        }
        func named(_ line: Int, _ column: Int) -> [String] {
            references.names.filter { $0.line == line && $0.column == column }.map(\.usr)
        }
        // `Net()` names the type and its initializer; each `forward` the overload for its argument.
        #expect(named(5, 11).contains(try usr(["Net"])))
        #expect(named(5, 11).contains(try usr(["Net", "init()"])))
        #expect(named(6, 11) == [try usr(["Net", "forward(_:)"], declaring: "Double) -> Double")])
        #expect(named(6, 29) == [try usr(["Net", "forward(_:)"], declaring: "[Double]) -> [Double]")])
        #expect(named(7, 7) == [try usr(["twice(_:)"])])
        // The chapter declares `sigmoid` at top level: every call in its program names the
        // chapter's function, never the library's, though both are spelled `sigmoid`.
        let library = try usr(["sigmoid(_:)"])
        #expect(!references.names.contains { $0.usr == library })
        #expect(named(12, 7).count == 1 && named(12, 7).first?.hasPrefix("s:7Chapter") == true)
        #expect(named(7, 13) == named(12, 7))
    }

    @Test func anUnchangedChapterIsReadFromTheCacheAndStaleFilesAreRemoved() throws {
        let (project, chapter) = try makeProject()
        defer { try? FileManager.default.removeItem(atPath: project.root) }
        let folder = project.cacheFolder + "/references"
        let first = try CodeReferences.load([chapter], project: project)
        let cached = try FileManager.default.contentsOfDirectory(atPath: folder)
        #expect(cached.count == 1)
        // A stale file goes; a second load reads the cached names (a doctored file proves it).
        try Data("{}".utf8).write(to: URL(fileURLWithPath: folder + "/stale.json"))
        let doctored = CodeReferences(names: [.init(line: 1, column: 1, usr: "marker")])
        try doctored.cached.write(to: URL(fileURLWithPath: folder + "/" + cached[0]))
        let second = try CodeReferences.load([chapter], project: project)
        #expect(second[chapter.path] == doctored)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == cached)
        #expect(first[chapter.path] != doctored)
    }

    @Test func chaptersWithTheSameProgramAreIndexedOnce() throws {
        // Chapters without a Swift block (the book's notation page, a data README) make the
        // same program, so the same key: indexed side by side in one scratch folder, the first
        // to finish deleted the other's index store ("index store path does not exist").
        let (project, chapter) = try makeProject()
        defer { try? FileManager.default.removeItem(atPath: project.root) }
        let prose = (1...6).map { n in
            ChapterParser.parse("# Page \(n)\n\nOnly prose, no code.\n", path: project.root + "/chapters/prose-\(n).md")
        }
        #expect(prose.allSatisfy { $0.isRunnable })
        let found = try CodeReferences.load(prose + [chapter], project: project)
        #expect(Set(found.keys) == Set((prose + [chapter]).map(\.path)))
        #expect(prose.allSatisfy { found[$0.path] == CodeReferences(names: []) })
        #expect(found[chapter.path]?.names.isEmpty == false)
        // One file for the shared program, one for the chapter with code; no scratch folder left.
        let files = try FileManager.default.contentsOfDirectory(atPath: project.cacheFolder + "/references")
        #expect(files.count == 2)
    }

    @Test func scratchFoldersOfRunningProcessesStayAndThoseOfEndedOnesGo() throws {
        // A `book serve` and a `book build` on one project: the clean-up at the end of one
        // load removed the other's scratch folder while its compiler was writing there.
        let (project, chapter) = try makeProject()
        defer { try? FileManager.default.removeItem(atPath: project.root) }
        let folder = project.cacheFolder + "/references"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let ended = Process()
        ended.executableURL = URL(fileURLWithPath: "/bin/true")
        try ended.run()
        ended.waitUntilExit()
        let running = Process()
        running.executableURL = URL(fileURLWithPath: "/bin/sleep")
        running.arguments = ["30"]
        try running.run()
        defer { running.terminate() }
        for pid in [ended.processIdentifier, running.processIdentifier] {
            try FileManager.default.createDirectory(atPath: folder + "/other.txt.work-\(pid)/index", withIntermediateDirectories: true)
        }
        try FileManager.default.createDirectory(atPath: folder + "/other.txt.work", withIntermediateDirectories: true)
        _ = try CodeReferences.load([chapter], project: project)
        let left = try FileManager.default.contentsOfDirectory(atPath: folder)
        #expect(left.contains("other.txt.work-\(running.processIdentifier)"))
        #expect(!left.contains("other.txt.work-\(ended.processIdentifier)"))
        #expect(!left.contains("other.txt.work"))
        // The chapter's own file, and no scratch folder of this process.
        #expect(left.filter { $0.hasSuffix(".txt") }.count == 1)
        #expect(!left.contains { $0.hasSuffix(".work-\(getpid())") })
    }

    @Test func aScratchFolderNamesItsProcess() {
        #expect(EndedProcess.pid(in: "ab12.txt.work-4321", after: ".work-") == 4321)
        #expect(EndedProcess.pid(in: "ab12.txt.work", after: ".work-") == nil)
        #expect(EndedProcess.pid(in: "ab12.txt.work-12x", after: ".work-") == nil)
        #expect(EndedProcess.pid(in: "ab12.txt", after: ".work-") == nil)
        #expect(!EndedProcess.hasEnded(getpid()))
    }

    @Test func theCacheFileHoldsTheNamesAsTheyWere() throws {
        let names = CodeReferences(names: [.init(line: 12, column: 7, usr: "s:8Learning7sigmoidyS2dF"),
                                           .init(line: 12, column: 15, usr: "s:Sd8LearningE9formatted8decimalsSSSi_tF")])
        #expect(String(decoding: names.cached, as: UTF8.self) == "12 7 s:8Learning7sigmoidyS2dF\n12 15 s:Sd8LearningE9formatted8decimalsSSSi_tF\n")
        #expect(CodeReferences(cached: names.cached) == names)
        // A file in another format is not read as names.
        #expect(CodeReferences(cached: Data("{\"names\":[]}".utf8)) == nil)
    }
}
