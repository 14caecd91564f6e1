import BookServer
import Foundation
import Literate
import Testing

/// A server over a small site, with a stand-in for the engine that counts the runs it is
/// asked for and can be held: every refusal below must leave the count at 0.
final class ServerFixture: @unchecked Sendable {
    let folder: URL
    let server: BookServer
    let port: Int
    let runs = Counter()
    let hold = DispatchSemaphore(value: 0)
    var http: RawHTTP { RawHTTP(port: port) }
    var origin: String { "http://127.0.0.1:\(port)" }

    init(holdRuns: Bool = false, servingPages: Bool = true) async throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("serve-test-\(UUID().uuidString)")
        let site = folder.appendingPathComponent("site")
        try FileManager.default.createDirectory(at: site.appendingPathComponent("sub"), withIntermediateDirectories: true)
        try "<!doctype html><html><head><script>var x = 1;</script></head><body>page</body></html>"
            .write(to: site.appendingPathComponent("index.html"), atomically: true, encoding: .utf8)
        try "inside".write(to: site.appendingPathComponent("sub/inside.txt"), atomically: true, encoding: .utf8)
        try "secret".write(to: folder.appendingPathComponent("secret.txt"), atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(at: site.appendingPathComponent("out.txt"),
                                                   withDestinationURL: folder.appendingPathComponent("secret.txt"))
        try FileManager.default.createSymbolicLink(at: site.appendingPathComponent("outside"), withDestinationURL: folder)
        let markdown = "# Test\n\n```swift\nprint(1)\n```\n\n```swift\nprint(2)\n```\n"
        try markdown.write(to: folder.appendingPathComponent("01-test.md"), atomically: true, encoding: .utf8)
        let parsed = try ChapterParser.read(path: folder.appendingPathComponent("01-test.md").path)
        let chapter = try #require(parsed.chapter)
        let report = ChapterReport(path: chapter.path, chapter: chapter, blocks: [
            BlockResult(index: 0, line: 3, ran: true, output: "1\n"), BlockResult(index: 1, line: 7, ran: true, output: "2\n"),
        ])
        let runs = self.runs, hold = self.hold
        server = try BookServer(siteFolder: site.path, scratchFolder: folder.appendingPathComponent("runs").path,
                                chapter: { $0 == "01-test.html" ? (parsed, report) : nil },
                                runner: { run, _ in
                                    runs.add()
                                    if holdRuns { hold.wait() }
                                    var answer = EditedAnswer(through: run.through, seconds: 0.01)
                                    answer.blocks = [BlockResult(index: run.through, line: 0, ran: true, output: "ran\n")]
                                    return answer
                                })
        port = try await server.start(servingPages: servingPages)
    }

    func stop() async {
        for _ in 0..<8 { hold.signal() }
        await server.stop()
        try? FileManager.default.removeItem(at: folder)
    }

    /// A run request's headers as the served page sends them.
    var runHeaders: [String: String] {
        ["Origin": origin, "X-Book-Token": server.token, "Content-Type": "application/json"]
    }

    static let edit = #"{"page":"01-test.html","block":1,"edits":{"1":"print(3)\n"}}"#

    func post(headers: [String: String], body: String = ServerFixture.edit, host: String? = nil) async throws -> RawHTTP.Response {
        try await http.send("POST", "/api/run", headers: headers, body: body, host: host)
    }
}

final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    var value: Int { lock.withLock { count } }
    func add() { lock.withLock { count += 1 } }
}

@Suite(.serialized) struct ServerProtectionTests {
    @Test func aRunFromTheServedPageReachesTheEngine() async throws {
        let fixture = try await ServerFixture()
        let response = try await fixture.post(headers: fixture.runHeaders)
        #expect(response.status == 200)
        #expect(response.body.contains("ran\\n"))
        #expect(fixture.runs.value == 1)
        await fixture.stop()
    }

    @Test func anUneditedRunIsAnsweredFromTheCheckWithoutRunning() async throws {
        let fixture = try await ServerFixture()
        let response = try await fixture.post(headers: fixture.runHeaders, body: #"{"page":"01-test.html","block":1,"edits":{"1":"print(2)\n"}}"#)
        #expect(response.status == 200)
        #expect(response.body.contains(#""cached":true"#))
        #expect(fixture.runs.value == 0)
        await fixture.stop()
    }

    @Test func aMissingOrWrongTokenIsRefused() async throws {
        let fixture = try await ServerFixture()
        var headers = fixture.runHeaders
        headers["X-Book-Token"] = nil
        #expect(try await fixture.post(headers: headers).status == 403)
        headers["X-Book-Token"] = String(fixture.server.token.reversed())
        #expect(try await fixture.post(headers: headers).status == 403)
        headers["X-Book-Token"] = String(fixture.server.token.dropLast())
        #expect(try await fixture.post(headers: headers).status == 403)
        #expect(fixture.runs.value == 0)
        await fixture.stop()
    }

    @Test func theTokenHasAtLeast128RandomBits() {
        let a = AccessPolicy.newToken(), b = AccessPolicy.newToken()
        #expect(a.count * 4 >= 128)
        #expect(a.allSatisfy { $0.isHexDigit })
        #expect(a != b)
    }

    @Test func aForeignHostIsRefused() async throws {
        let fixture = try await ServerFixture()
        for host in ["evil.example:\(fixture.port)", "127.0.0.1:\(fixture.port + 1)", "127.0.0.1", "localhost.evil.example:\(fixture.port)"] {
            #expect(try await fixture.post(headers: fixture.runHeaders, host: host).status == 403, "run, Host \(host)")
            #expect(try await fixture.http.send("GET", "/index.html", host: host).status == 403, "page, Host \(host)")
        }
        for host in ["127.0.0.1:\(fixture.port)", "localhost:\(fixture.port)", "[::1]:\(fixture.port)"] {
            #expect(try await fixture.http.send("GET", "/index.html", host: host).status == 200, "page, Host \(host)")
        }
        #expect(fixture.runs.value == 0)
        await fixture.stop()
    }

    @Test func aForeignNullOrMissingOriginIsRefused() async throws {
        let fixture = try await ServerFixture()
        var headers = fixture.runHeaders
        for origin in ["http://evil.example", "null", "http://127.0.0.1:\(fixture.port + 1)", "https://127.0.0.1:\(fixture.port)"] {
            headers["Origin"] = origin
            #expect(try await fixture.post(headers: headers).status == 403, "Origin \(origin)")
        }
        headers["Origin"] = nil
        #expect(try await fixture.post(headers: headers).status == 403)
        #expect(fixture.runs.value == 0)
        await fixture.stop()
    }

    @Test func optionsIsRefusedAndNoResponseHasCORSHeaders() async throws {
        let fixture = try await ServerFixture()
        let preflight = try await fixture.http.send("OPTIONS", "/api/run", headers: [
            "Origin": "http://evil.example", "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "x-book-token, content-type"])
        #expect(preflight.status == 405)
        let answers = [preflight, try await fixture.post(headers: fixture.runHeaders), try await fixture.http.send("GET", "/index.html", headers: ["Origin": "http://evil.example"])]
        for answer in answers {
            #expect(!answer.headers.keys.contains { $0.hasPrefix("access-control-") })
        }
        #expect(fixture.runs.value == 1)  // only the good run
        await fixture.stop()
    }

    @Test func aRunMustBeAJSONPost() async throws {
        let fixture = try await ServerFixture()
        var headers = fixture.runHeaders
        for type in ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x"] {
            headers["Content-Type"] = type
            #expect(try await fixture.post(headers: headers).status == 415, "Content-Type \(type)")
        }
        headers["Content-Type"] = nil
        #expect(try await fixture.post(headers: headers).status == 415)
        #expect(try await fixture.http.send("GET", "/api/run", headers: fixture.runHeaders).status == 405)
        #expect(try await fixture.post(headers: fixture.runHeaders, body: "not json").status == 400)
        #expect(fixture.runs.value == 0)
        await fixture.stop()
    }

    @Test func aBodyOver256KiBIsRefused() async throws {
        let fixture = try await ServerFixture()
        let code = String(repeating: "x", count: 300 * 1024)
        let body = #"{"page":"01-test.html","block":1,"edits":{"1":"\#(code)"}}"#
        #expect(try await fixture.post(headers: fixture.runHeaders, body: body).status == 413)
        // A chunked body has no length to check first: it is cut off at the limit as it is read.
        var chunked = fixture.runHeaders
        chunked["Transfer-Encoding"] = "chunked"
        let fd = try fixture.http.open(sending: "POST /api/run HTTP/1.1\r\nHost: 127.0.0.1:\(fixture.port)\r\n"
            + chunked.map { "\($0.key): \($0.value)\r\n" }.joined() + "Connection: close\r\n\r\n"
            + String(body.utf8.count, radix: 16) + "\r\n" + body + "\r\n0\r\n\r\n")
        let response = try RawHTTP.parse(await fixture.http.readAll(fd))
        close(fd)
        #expect(response.status == 413)
        #expect(fixture.runs.value == 0)
        await fixture.stop()
    }

    @Test func filesOutsideTheSiteAreRefused() async throws {
        let fixture = try await ServerFixture()
        #expect(try await fixture.http.send("GET", "/sub/inside.txt").body == "inside")
        #expect(try await fixture.http.send("GET", "/").status == 200)
        for path in ["/../secret.txt", "/sub/../../secret.txt", "/%2e%2e/secret.txt", "/%2E%2E%2Fsecret.txt", "/sub/..%2f..%2fsecret.txt",
                     "/sub%2f..%2f..%2fsecret.txt", "/out.txt", "/outside/secret.txt", "/..\\secret.txt", "/sub/%00"] {
            let response = try await fixture.http.send("GET", path)
            #expect(response.status == 403 || response.status == 404, "\(path)")
            #expect(!response.body.contains("secret"), "\(path)")
        }
        #expect(try await fixture.http.send("GET", "/out.txt").status == 403)
        #expect(try await fixture.http.send("GET", "/%2e%2e/secret.txt").status == 403)
        await fixture.stop()
    }

    /// `book serve` listens before its first check; a page asked for meanwhile is told to come
    /// back, and is served once the first render is there.
    @Test func pagesBeforeTheFirstRenderAreToldToWait() async throws {
        let fixture = try await ServerFixture(servingPages: false)
        let early = try await fixture.http.send("GET", "/index.html")
        #expect(early.status == 503)
        #expect(early.headers["retry-after"] == "2")
        #expect(early.body.contains("still being checked"))
        #expect(!early.body.contains("<body>"))
        #expect(try await fixture.http.send("GET", "/../secret.txt").status != 200)
        fixture.server.servePages()
        let ready = try await fixture.http.send("GET", "/index.html")
        #expect(ready.status == 200)
        #expect(ready.body.contains("<body>page</body>"))
        await fixture.stop()
    }

    @Test func aFullQueueIsRefusedWith429() async throws {
        let fixture = try await ServerFixture(holdRuns: true)
        let request = "POST /api/run HTTP/1.1\r\nHost: 127.0.0.1:\(fixture.port)\r\n"
            + fixture.runHeaders.map { "\($0.key): \($0.value)\r\n" }.joined()
            + "Content-Length: \(ServerFixture.edit.utf8.count)\r\nConnection: close\r\n\r\n" + ServerFixture.edit
        // One runs (held), two wait; the fourth finds the line full.
        var open: [Int32] = []
        for expected in 1...3 {
            open.append(try fixture.http.open(sending: request))
            for _ in 0..<100 where fixture.runs.value < 1 { try await Task.sleep(nanoseconds: 20_000_000) }
            if expected > 1 { try await Task.sleep(nanoseconds: 200_000_000) }
        }
        #expect(fixture.runs.value == 1)
        let refused = try await fixture.post(headers: fixture.runHeaders)
        #expect(refused.status == 429)
        #expect(fixture.runs.value == 1)
        for _ in 0..<3 { fixture.hold.signal() }
        for fd in open {
            #expect(try RawHTTP.parse(await fixture.http.readAll(fd)).status == 200)
            close(fd)
        }
        #expect(fixture.runs.value == 3)
        await fixture.stop()
    }

    @Test func pagesCarryAFrameAncestorsPolicyAndNosniff() async throws {
        let fixture = try await ServerFixture()
        let page = try await fixture.http.send("GET", "/index.html")
        let policy = try #require(page.headers["content-security-policy"])
        #expect(policy.contains("frame-ancestors 'none'"))
        // The page's one inline script is allowed by its digest, and no other.
        #expect(policy.contains("script-src 'self' 'sha256-"))
        #expect(!policy.contains("unsafe-inline'; script") && !policy.contains("script-src 'self' 'unsafe-inline'"))
        #expect(page.headers["x-content-type-options"] == "nosniff")
        for response in [try await fixture.http.send("GET", "/missing"), try await fixture.post(headers: [:])] {
            #expect(response.headers["content-security-policy"]?.contains("frame-ancestors 'none'") == true)
            #expect(response.headers["x-content-type-options"] == "nosniff")
        }
        await fixture.stop()
    }

    @Test func theReloadStreamChecksOriginAndToken() async throws {
        let fixture = try await ServerFixture()
        let upgrade = ["Upgrade": "websocket", "Connection": "Upgrade", "Sec-WebSocket-Key": "dGhlIHNhbXBsZSBub25jZQ==",
                       "Sec-WebSocket-Version": "13"]
        func open(_ query: String, origin: String?) async throws -> Int {
            try await offThePool { try openBlocking(query, origin: origin) }
        }
        @Sendable func openBlocking(_ query: String, origin: String?) throws -> Int {
            var headers = upgrade
            headers["Origin"] = origin
            let request = "GET /api/reload\(query) HTTP/1.1\r\nHost: 127.0.0.1:\(fixture.port)\r\n"
                + headers.map { "\($0.key): \($0.value)\r\n" }.joined() + "\r\n"
            let fd = try fixture.http.open(sending: request)
            defer { close(fd) }
            var buffer = [UInt8](repeating: 0, count: 4096)
            let count = recv(fd, &buffer, buffer.count, 0)
            let head = String(decoding: buffer[0..<max(0, count)], as: UTF8.self)
            return Int(head.split(separator: " ").dropFirst().first ?? "") ?? 0
        }
        let token = "?token=\(fixture.server.token)"
        #expect(try await open(token, origin: fixture.origin) == 101)
        #expect(try await open(token, origin: "http://evil.example") == 403)
        #expect(try await open(token, origin: "null") == 403)
        #expect(try await open(token, origin: nil) == 403)
        #expect(try await open("", origin: fixture.origin) == 403)
        #expect(try await open("?token=0", origin: fixture.origin) == 403)
        await fixture.stop()
    }

    @Test func itListensOnLoopbackUnlessToldOtherwise() async throws {
        let fixture = try await ServerFixture()
        #expect(fixture.server.address == "127.0.0.1")
        let table = try String(contentsOfFile: "/proc/net/tcp", encoding: .utf8)
        let listening = String(format: "0100007F:%04X", fixture.port)
        #expect(table.contains(listening))
        #expect(!table.contains(String(format: "00000000:%04X", fixture.port)))
        #expect(try BindAddress.choose("localhost", allowRemote: false).address == "127.0.0.1")
        #expect(try BindAddress.choose("127.0.0.1", allowRemote: false).warning == nil)
        #expect(throws: AccessPolicy.Refusal.self) { try BindAddress.choose("0.0.0.0", allowRemote: false) }
        #expect(try BindAddress.choose("0.0.0.0", allowRemote: true).warning?.contains("not loopback") == true)
        await fixture.stop()
    }
}
