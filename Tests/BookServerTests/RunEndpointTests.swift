import BookServer
import Foundation
import Literate
import Testing

/// `POST /api/run` on the real engine: the fixture chapter `Fixtures/serve/01-edit.md` (a
/// hidden setup block, a learning rate, a loss with a figure, a block that reads `data/`),
/// compiled and run with the reader's edits.
final class EngineFixture: @unchecked Sendable {
    static let chapterPath = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/serve/01-edit.md").path
    let folder: URL
    let server: BookServer
    let port: Int
    var http: RawHTTP { RawHTTP(port: port) }

    /// Builds the libraries chapter code links against once, before any request is timed.
    static let warm: Void = {
        guard let project = try? Project.locate(from: URL(fileURLWithPath: chapterPath).deletingLastPathComponent().path),
              let chapter = try? ChapterParser.read(path: chapterPath).chapter else { return }
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("serve-warm-\(UUID().uuidString)").path
        _ = try? EditedRun(chapter: chapter, edits: [:], through: 0).run(project: project, options: CheckOptions(timeout: 60), scratch: scratch)
    }()

    init(timeout: Double = 3) async throws {
        _ = EngineFixture.warm
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("serve-engine-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("site"), withIntermediateDirectories: true)
        let project = try Project.locate(from: URL(fileURLWithPath: EngineFixture.chapterPath).deletingLastPathComponent().path)
        let parsed = try ChapterParser.read(path: EngineFixture.chapterPath)
        let chapter = try #require(parsed.chapter)
        let book = [CheckResult(check: chapter.checks[0], computed: 0.2, passed: true)]
        let report = ChapterReport(path: chapter.path, chapter: chapter, checks: book)
        let options = CheckOptions(timeout: timeout, useCache: false, outputLimit: 1 << 20)
        server = try BookServer(siteFolder: folder.appendingPathComponent("site").path,
                                scratchFolder: folder.appendingPathComponent("runs").path,
                                chapter: { $0 == "01-edit.html" ? (parsed, report) : nil },
                                runner: { run, scratch in try run.run(project: project, options: options, scratch: scratch) })
        port = try await server.start()
    }

    func stop() async {
        await server.stop()
        try? FileManager.default.removeItem(at: folder)
    }

    /// Runs shown block `block` with `edits` (by shown position) and decodes the reply.
    func run(_ block: Int, edits: [Int: String]) async throws -> (status: Int, reply: RunReply?) {
        let body = try JSONEncoder().encode(RunRequest(page: "01-edit.html", block: block,
                                                       edits: Dictionary(uniqueKeysWithValues: edits.map { (String($0.key), $0.value) })))
        let response = try await http.send("POST", "/api/run", headers: [
            "Origin": "http://127.0.0.1:\(port)", "X-Book-Token": server.token, "Content-Type": "application/json",
        ], body: String(decoding: body, as: UTF8.self))
        return (response.status, try? JSONDecoder().decode(RunReply.self, from: Data(response.body.utf8)))
    }
}

@Suite(.serialized) struct RunEndpointTests {
    @Test func anEditChangesTheOutputTheCheckedNumbersAndTheFigure() async throws {
        let fixture = try await EngineFixture()
        let before = FileManager.default.contents(atPath: EngineFixture.chapterPath)
        let (status, reply) = try await fixture.run(1, edits: [0: "let learningRate = 0.2\nlet step = learningRate * start\nprint(\"step =\", step)\nrecord(\"step\", step)\n"])
        #expect(status == 200)
        let answer = try #require(reply)
        #expect(!answer.cached)
        #expect(answer.problems.isEmpty, "\(answer.problems)")
        // The hidden setup ran as written (start = 2): the step doubles and the loss follows.
        #expect(answer.blocks.map(\.shown) == [0, 1])
        #expect(answer.blocks[0].output == "step = 0.4\n")
        #expect(answer.blocks[1].output == "loss = 2.5600000000000005\n" || answer.blocks[1].output == "loss = 2.56\n")
        #expect(answer.blocks[1].figures.count == 1)
        #expect(answer.blocks[1].figures[0].contains("<svg"))
        #expect(answer.blocks[1].figures[0].contains("Figure 1.1."))
        let step = try #require(answer.records.first { $0.name == "step" })
        #expect(step.value == 0.4 && step.book == 0.2 && step.written == "0.2")
        // The run wrote nothing beside the chapter and left no scratch folder.
        #expect(FileManager.default.contents(atPath: EngineFixture.chapterPath) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: fixture.folder.appendingPathComponent("runs").path).isEmpty)
        await fixture.stop()
    }

    @Test func aCompileErrorComesBackAtTheEditedBlocksLine() async throws {
        let fixture = try await EngineFixture()
        let (status, reply) = try await fixture.run(1, edits: [1: "let loss = (start - step) * (start - step)\nprint(\"loss =\", losss)\n"])
        #expect(status == 200)
        let answer = try #require(reply)
        let error = try #require(answer.problems.first { $0.severity == "error" })
        #expect(error.shown == 1)
        #expect(error.line == 2)
        #expect(error.column == 17)
        #expect(error.message.contains("losss"))
        #expect(answer.blocks.allSatisfy { !$0.ran })
        await fixture.stop()
    }

    @Test func anEditThatAddsLinesKeepsLaterLinesApart() async throws {
        let fixture = try await EngineFixture()
        let longer = String(repeating: "// a comment the reader added\n", count: 12) + "let learningRate = 0.1\nlet step = learningRate * start\nprint(\"step =\", step)\nrecord(\"step\", step)\n"
        let (_, reply) = try await fixture.run(1, edits: [0: longer, 1: "let loss = 1\nprint(undefinedName)\n"])
        let error = try #require(reply?.problems.first { $0.severity == "error" })
        #expect(error.shown == 1 && error.line == 2)
        await fixture.stop()
    }

    @Test func theRunReadsTheChaptersDataFromItsScratchFolder() async throws {
        let fixture = try await EngineFixture()
        let (_, reply) = try await fixture.run(2, edits: [2: "import Foundation\nlet rows = try String(contentsOfFile: \"data/rows.txt\", encoding: .utf8)\nprint(\"lines:\", rows.split(separator: \"\\n\").count)\n"])
        let answer = try #require(reply)
        #expect(answer.problems.isEmpty, "\(answer.problems)")
        #expect(answer.blocks.last?.output == "lines: 3\n")
        await fixture.stop()
    }

    @Test func aHangStopsAtTheTimeLimit() async throws {
        let fixture = try await EngineFixture(timeout: 2)
        let started = Date()
        let (status, reply) = try await fixture.run(1, edits: [1: "var spins = 0\nwhile true { spins += 1 }\n"])
        #expect(status == 200)
        let answer = try #require(reply)
        #expect(answer.problems.contains { $0.shown == 1 && $0.message.contains("did not finish within 2 s") }, "\(answer.problems)")
        #expect(Date().timeIntervalSince(started) < 120)
        await fixture.stop()
    }

    @Test func aRunStopsWhenThePageGivesUp() async throws {
        let fixture = try await EngineFixture(timeout: 60)
        let body = #"{"page":"01-edit.html","block":1,"edits":{"1":"while true {}\n"}}"#
        let fd = try fixture.http.open(sending: "POST /api/run HTTP/1.1\r\nHost: 127.0.0.1:\(fixture.port)\r\nOrigin: http://127.0.0.1:\(fixture.port)\r\n"
            + "X-Book-Token: \(fixture.server.token)\r\nContent-Type: application/json\r\nContent-Length: \(body.utf8.count)\r\n\r\n" + body)
        // Wait until the program runs (its working folder is the run's scratch folder), then hang up.
        let runs = fixture.folder.appendingPathComponent("runs").path
        var running = false
        for _ in 0..<1200 where !running {
            try await Task.sleep(nanoseconds: 100_000_000)
            running = Self.processes(workingIn: runs).contains { $0.hasSuffix("/program") }
        }
        #expect(running)
        // Hang up as a browser does: shutdown sends the close to the server even if a program
        // some other test started holds a copy of this descriptor (the client lives in the
        // server's process here, which a browser never does).
        shutdown(fd, Int32(SHUT_RDWR))
        close(fd)
        var stopped = false
        for _ in 0..<50 where !stopped {
            try await Task.sleep(nanoseconds: 100_000_000)
            stopped = Self.processes(workingIn: runs).isEmpty
        }
        #expect(stopped, "the hanging program outlived the request")
        await fixture.stop()
    }

    /// The executables of the processes whose working folder is in `folder`.
    static func processes(workingIn folder: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return names.compactMap { name -> String? in
            guard Int(name) != nil, let cwd = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/\(name)/cwd"),
                  cwd.hasPrefix(folder) else { return nil }
            return try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/\(name)/exe")
        }
    }
}
