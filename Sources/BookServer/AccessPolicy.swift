import Foundation

/// Who may ask `book serve` for what: the reader's own served page, and nothing else.
///
/// The model is Jupyter server's (`check_host`, `check_origin`, the token):
/// - every request: the `Host` header must name this server as the browser reached it on
///   loopback (`127.0.0.1:PORT`, `localhost:PORT`, `[::1]:PORT`), else 403, so a page on
///   another site that points its own name at 127.0.0.1 (DNS rebinding) is refused;
/// - run requests and the reload stream: the `Origin` header must be this server's own
///   origin (a missing or `null` one is refused), and the per-start token must come with them
///   (`X-Book-Token` on runs; the reload stream, a WebSocket, carries it in its query);
/// - runs are `POST` with `Content-Type: application/json` and at most 256 KiB;
/// - `OPTIONS` is refused (405) and no response carries CORS headers, so a preflight never
///   succeeds and a foreign page can neither send a run nor read an answer.
public struct AccessPolicy: Sendable {
    /// What the request is for.
    public enum Kind: Sendable {
        /// A file of the site.
        case page
        /// A run of edited code (`POST /api/run`).
        case run
        /// The live-reload WebSocket (`GET /api/reload`).
        case reload
    }

    /// Why a request is refused: the status and a short message saying what to do.
    public struct Refusal: Error, Equatable, Sendable {
        public var status: Int
        public var message: String
    }

    /// The per-start secret, 256 bits as 64 hex digits.
    public let token: String
    /// The port the server listens on.
    public let port: Int
    /// Largest run request body, in bytes.
    public static let bodyLimit = 256 * 1024
    /// The header that carries the token on run requests.
    public static let tokenHeader = "X-Book-Token"

    public init(token: String, port: Int) {
        self.token = token
        self.port = port
    }

    /// A fresh token from the system's secure random generator: 32 bytes, 256 bits.
    public static func newToken() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<32).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &generator)) }.joined()
    }

    /// The `Host` values this server answers to.
    public var allowedHosts: Set<String> {
        ["127.0.0.1:\(port)", "localhost:\(port)", "[::1]:\(port)"]
    }

    /// The origins of its own pages, as browsers write them in `Origin`.
    public var allowedOrigins: Set<String> {
        Set(allowedHosts.map { "http://" + $0 })
    }

    /// Checks a request given its method, headers (names in any case), query token and body
    /// length; nil when it may go on.
    public func check(_ kind: Kind, method: String, headers: [String: String], queryToken: String? = nil) -> Refusal? {
        var lower: [String: String] = [:]
        for (name, value) in headers { lower[name.lowercased()] = value }
        if method == "OPTIONS" {
            return Refusal(status: 405, message: "cross-origin requests are not served")
        }
        guard let host = lower["host"], allowedHosts.contains(host.lowercased()) else {
            return Refusal(status: 403, message: "this server answers only to 127.0.0.1:\(port), localhost:\(port) or [::1]:\(port)")
        }
        switch kind {
        case .page:
            guard method == "GET" || method == "HEAD" else { return Refusal(status: 405, message: "pages are read with GET") }
            return nil
        case .reload:
            guard method == "GET" else { return Refusal(status: 405, message: "the reload stream is a WebSocket opened with GET") }
            if let refusal = checkOrigin(lower["origin"]) { return refusal }
            guard let queryToken, Self.same(queryToken, token) else {
                return Refusal(status: 403, message: "missing or wrong token; open the address book serve printed")
            }
            return nil
        case .run:
            guard method == "POST" else { return Refusal(status: 405, message: "runs are POST requests") }
            if let refusal = checkOrigin(lower["origin"]) { return refusal }
            guard let given = lower[Self.tokenHeader.lowercased()], Self.same(given, token) else {
                return Refusal(status: 403, message: "missing or wrong token; reload the page from the address book serve printed")
            }
            let type = lower["content-type"]?.split(separator: ";").first?.trimmingCharacters(in: .whitespaces).lowercased()
            guard type == "application/json" else {
                return Refusal(status: 415, message: "runs are sent as application/json")
            }
            if let length = lower["content-length"] {
                guard let count = Int(length), count >= 0 else { return Refusal(status: 400, message: "bad Content-Length") }
                if count > Self.bodyLimit { return Self.tooLarge }
            }
            return nil
        }
    }

    /// 413 for a body past `bodyLimit`.
    public static let tooLarge = Refusal(status: 413, message: "a run request may hold at most 256 KiB of code")

    private func checkOrigin(_ origin: String?) -> Refusal? {
        guard let origin, origin != "null" else {
            return Refusal(status: 403, message: "a request without its page's origin is refused")
        }
        guard allowedOrigins.contains(origin.lowercased()) else {
            return Refusal(status: 403, message: "requests from other sites are refused")
        }
        return nil
    }

    /// Compares two tokens in time that does not depend on where they first differ.
    static func same(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        var difference: UInt8 = 0
        for index in x.indices { difference |= x[index] ^ y[index] }
        return difference == 0
    }
}
