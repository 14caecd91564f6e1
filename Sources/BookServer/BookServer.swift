import FlyingFox
import FlyingSocks
import Foundation
import Literate

/// The HTTP side of `book serve`: the served site's files, runs of edited code
/// (`POST /api/run`) and the live-reload WebSocket (`/api/reload`), every request checked by
/// `AccessPolicy` before anything else happens. FlyingFox does the HTTP.
public final class BookServer: @unchecked Sendable {
    /// Runs an edited chapter in a scratch folder; blocking (the engine's processes are
    /// synchronous). `book serve` passes `EditedRun.run`; tests pass stand-ins.
    public typealias Runner = @Sendable (EditedRun, _ scratch: String) throws -> EditedAnswer

    /// The address to listen on (loopback unless the user insisted) and the port (0: any free one).
    public let address: String
    public let requestedPort: UInt16
    /// The per-start token the served pages carry.
    public let token: String
    public let files: SiteFiles
    /// Where runs get their scratch folders.
    public let scratchFolder: String
    public let reloads = ReloadChannel()

    private let http: HTTPServer
    private let service: RunService
    private let runner: Runner
    private let queue = RunQueue()
    private let state = NSLock()
    private var policy: AccessPolicy?
    private var started = 0
    private var serial = 0
    private var task: Task<Void, Error>?
    /// Whether the site's pages are there to serve: `book serve` listens before its first
    /// check (so a port in use is said at once) and serves pages once that check's site is
    /// rendered; until then a page is answered with `notYet`.
    private var pagesReady = true
    /// Why the HTTP server's run ended, if it did (a port in use, say).
    private var startFailure: Error?

    /// A server for the site in `siteFolder`; `chapter` gives the chapter a page shows (by the
    /// page's file name) as the latest round parsed it, with the check's report.
    public init(address: String = "127.0.0.1", port: UInt16 = 0, siteFolder: String, scratchFolder: String,
                token: String = AccessPolicy.newToken(), handlerTimeout: Double = 900,
                chapter: @escaping @Sendable (String) -> (parsed: ParsedChapter, report: ChapterReport)?, runner: @escaping Runner) throws {
        self.address = address
        self.requestedPort = port
        self.token = token
        self.files = SiteFiles(folder: siteFolder)
        self.scratchFolder = scratchFolder
        self.service = RunService(chapter: chapter)
        self.runner = runner
        let socketAddress: any SocketAddress = address.contains(":")
            ? try sockaddr_in6.inet6(ip6: address, port: port) : try sockaddr_in.inet(ip4: address, port: port)
        http = HTTPServer(config: .init(address: socketAddress, timeout: handlerTimeout, logger: .disabled))
    }

    /// How many runs of edited code have started (the protections' tests check it stays 0).
    public var runsStarted: Int { state.withLock { started } }

    /// The port listened on, once started.
    public var port: Int { state.withLock { policy?.port ?? 0 } }

    /// Starts listening; returns the port. With `servingPages` false, pages are answered with
    /// `notYet` until `servePages()` is called.
    @discardableResult
    public func start(servingPages: Bool = true) async throws -> Int {
        state.withLock { pagesReady = servingPages }
        let http = self.http
        let root = ClosureHTTPHandler { [weak self] request in
            guard let self else { return HTTPResponse(statusCode: .serviceUnavailable) }
            return await self.handle(request)
        }
        await http.appendRoute("*", to: root)
        let task = Task { [weak self] in
            do {
                try await http.run()
            } catch {
                self?.state.withLock { self?.startFailure = self?.startFailure ?? error }
                throw error
            }
        }
        state.withLock { self.task = task }
        // Until it listens, or its start fails (a port in use): no fixed limit short enough to
        // trip on a loaded machine (a 10 s one did, in the test suite under load), and a failed
        // start is said at once.
        var bound = await http.listeningAddress
        while bound == nil {
            if let error = state.withLock({ startFailure }) { throw Self.startError(error) }
            try await Task.sleep(nanoseconds: 20_000_000)
            bound = await http.listeningAddress
        }
        guard let bound else { throw BookError.io("the server is not listening") }
        let port: UInt16
        switch bound {
        case .ip4(_, let value), .ip6(_, let value): port = value
        default: throw BookError.io("the server is not listening on an IP address")
        }
        state.withLock { policy = AccessPolicy(token: token, port: Int(port)) }
        return Int(port)
    }

    /// Why listening failed, said so that the reader knows what to do.
    static func startError(_ error: Error) -> BookError {
        switch error as? SocketError {
        case .failed(_, EADDRINUSE, _)?:
            return .io("the port is in use (another `book serve`?); stop that one, choose another port with --port, or leave --port out for a free one")
        case .failed(_, EACCES, _)?:
            return .io("this user may not listen on that port; choose one above 1023 with --port, or leave --port out")
        case .failed(_, EADDRNOTAVAIL, _)?:
            return .io("this machine has no such address; use 127.0.0.1 or ::1 with --bind")
        default:
            return .io("the server did not start: \(error)")
        }
    }

    /// Serves the site's pages from now on (after the first render).
    public func servePages() {
        state.withLock { pagesReady = true }
    }

    /// The answer to a page asked for before the first check's site is rendered: 503, with
    /// `Retry-After` so that a browser or script knows when to ask again.
    static let notYet: HTTPResponse = {
        var response = refuse(.init(status: 503, message: "the book is still being checked; reload this page in a few seconds"))
        response.headers[HTTPHeader("Retry-After")] = "2"
        return response
    }()

    /// Stops listening, closes the reload streams and waits for the server to end.
    public func stop() async {
        reloads.closeAll()
        await http.stop(timeout: 1)
        state.withLock { task }?.cancel()
    }

    /// Every request: the policy first, then the route.
    func handle(_ request: HTTPRequest) async -> HTTPResponse {
        guard let policy = state.withLock({ policy }) else { return Self.refuse(.init(status: 503, message: "starting")) }
        var headers: [String: String] = [:]
        for (name, value) in request.headers {
            let key = name.rawValue.lowercased()
            headers[key] = headers[key].map { $0 + ", " + value } ?? value
        }
        let path = request.target.path(percentEncoded: true)
        let kind: AccessPolicy.Kind = path == "/api/run" ? .run : path == "/api/reload" ? .reload : .page
        let queryToken = request.query.first { $0.name == "token" }?.value
        if let refusal = policy.check(kind, method: request.method.rawValue, headers: headers, queryToken: queryToken) {
            return Self.refuse(refusal)
        }
        switch kind {
        case .run: return await run(request, policy: policy)
        case .reload: return await reload(request)
        case .page: return page(path, head: request.method == .HEAD)
        }
    }

    private func page(_ path: String, head: Bool) -> HTTPResponse {
        if path.hasPrefix("/api/") { return Self.refuse(.init(status: 404, message: "no such endpoint")) }
        guard state.withLock({ pagesReady }) else { return Self.notYet }
        switch files.lookup(path) {
        case .refused: return Self.refuse(.init(status: 403, message: "only the site's own files are served"))
        case .notFound: return Self.refuse(.init(status: 404, message: "no such page"))
        case .file(let file, let type):
            guard let data = FileManager.default.contents(atPath: file) else {
                return Self.refuse(.init(status: 404, message: "no such page"))
            }
            var headers = SecurityHeaders.common
            headers[.contentType] = type
            if type.hasPrefix("text/html") {
                headers[HTTPHeader("Content-Security-Policy")] = SecurityHeaders.policy(forPage: String(decoding: data, as: UTF8.self))
                headers[.cacheControl] = "no-store"
            }
            if head {
                headers[.contentLength] = String(data.count)
                return HTTPResponse(statusCode: .ok, headers: headers)
            }
            return HTTPResponse(statusCode: .ok, headers: headers, body: data)
        }
    }

    private func reload(_ request: HTTPRequest) async -> HTTPResponse {
        var response = (try? await WebSocketHTTPHandler(handler: MessageFrameWSHandler(handler: reloads)).handleRequest(request))
            ?? HTTPResponse(statusCode: .badRequest)
        for (name, value) in SecurityHeaders.common { response.headers[name] = value }
        return response
    }

    /// `POST /api/run`: the body read up to the limit, the request resolved against the chapter,
    /// then the cached answer, or a place in the chapter's line and an edited run.
    private func run(_ request: HTTPRequest, policy: AccessPolicy) async -> HTTPResponse {
        var body = Data()
        do {
            for try await chunk in request.bodySequence {
                body.append(chunk)
                if body.count > AccessPolicy.bodyLimit { return Self.refuse(AccessPolicy.tooLarge) }
            }
        } catch {
            return Self.refuse(.init(status: 400, message: "the request's body could not be read"))
        }
        let resolved: (parsed: ParsedChapter, report: ChapterReport, chapter: Chapter, through: Int, edits: [Int: String])
        do {
            let decoded = try JSONDecoder().decode(RunRequest.self, from: body)
            resolved = try service.resolve(decoded)
        } catch let failure as RunService.Failure {
            return Self.refuse(.init(status: failure.status, message: failure.message))
        } catch {
            return Self.refuse(.init(status: 400, message: "the body is not a run request: {\"page\", \"block\", \"edits\"}"))
        }
        if resolved.edits.isEmpty {
            let answer = EditedAnswer(report: resolved.report, through: resolved.through)
            return Self.json(RunService.reply(answer, chapter: resolved.chapter, report: resolved.report))
        }
        let key = resolved.chapter.path
        guard let edited = EditedRun(parsed: resolved.parsed, edits: resolved.edits, through: resolved.through) else {
            return Self.refuse(.init(status: 400, message: "the edits do not fit the chapter"))
        }
        guard await queue.enter(key) else {
            return Self.refuse(.init(status: 429, message: "this chapter already has runs waiting; wait for them"))
        }
        let answer: EditedAnswer
        do {
            answer = try await execute(edited, peer: request.remoteAddress, serverPort: policy.port)
            await queue.leave(key)
        } catch {
            await queue.leave(key)
            return Self.refuse(.init(status: 500, message: "the run could not start: \(error)"))
        }
        return Self.json(RunService.reply(answer, chapter: resolved.chapter, report: resolved.report))
    }

    /// Runs on a thread of its own, watching the browser's connection: when the page gives up,
    /// the run's processes are killed and the answer says `cancelled`.
    private func execute(_ run: EditedRun, peer: HTTPRequest.Address?, serverPort: Int) async throws -> EditedAnswer {
        let scratch = state.withLock { () -> String in
            started += 1
            serial += 1
            return scratchFolder + "/run-\(getpid())-\(serial)"
        }
        let runner = self.runner
        Self.closeOnExec()
        let finished = Flag()
        let watch: ConnectionWatch? = {
            if case .ip4(_, let port)? = peer { return ConnectionWatch(serverPort: serverPort, peerPort: Int(port)) }
            if case .ip6(_, let port)? = peer { return ConnectionWatch(serverPort: serverPort, peerPort: Int(port)) }
            return nil
        }()
        let cancelled = Flag()
        let watcher = Thread {
            while !finished.isSet {
                if cancelled.isSet || watch?.isOpen() == false {
                    cancelled.set()
                    EditedRun.stop(scratch: scratch)
                }
                usleep(50_000)
            }
        }
        watcher.start()
        defer { finished.set() }
        var answer = try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<EditedAnswer, Error>) in
            Thread {
                continuation.resume(with: Result { try runner(run, scratch) })
            }.start()
        }
        answer.cancelled = cancelled.isSet
        return answer
    }

    /// Marks every open descriptor of the server close-on-exec, so the compiler and the
    /// reader's program start with none of its sockets (the listening one, the browsers'
    /// connections): a program cannot answer for the server, and a page that hangs up is seen
    /// to hang up.
    static func closeOnExec() {
        for name in (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? [] {
            guard let fd = Int32(name), fd > 2 else { continue }
            let flags = fcntl(fd, F_GETFD)
            if flags >= 0 { _ = fcntl(fd, F_SETFD, flags | FD_CLOEXEC) }
        }
    }

    static func json(_ reply: some Encodable) -> HTTPResponse {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        var headers = SecurityHeaders.common
        headers[.contentType] = "application/json"
        headers[.cacheControl] = "no-store"
        let data = (try? encoder.encode(reply)) ?? Data("{}".utf8)
        return HTTPResponse(statusCode: .ok, headers: headers, body: data)
    }

    static func refuse(_ refusal: AccessPolicy.Refusal) -> HTTPResponse {
        var headers = SecurityHeaders.common
        headers[.contentType] = "text/plain; charset=utf-8"
        if refusal.status == 405 { headers[HTTPHeader("Allow")] = "GET, HEAD, POST" }
        return HTTPResponse(statusCode: HTTPStatusCode(refusal.status, phrase: Self.phrase(refusal.status)), headers: headers,
                            body: Data((refusal.message + "\n").utf8))
    }

    private static func phrase(_ status: Int) -> String {
        [400: "Bad Request", 403: "Forbidden", 404: "Not Found", 405: "Method Not Allowed", 413: "Content Too Large",
         415: "Unsupported Media Type", 429: "Too Many Requests", 500: "Internal Server Error", 503: "Service Unavailable"][status] ?? "Error"
    }
}

/// A flag one thread sets and others read.
final class Flag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    var isSet: Bool { lock.withLock { value } }
    func set() { lock.withLock { value = true } }
}
