import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A bare HTTP/1.1 client on a TCP socket, so tests can send what browsers would not: any
/// Host, any Origin, a raw `..` in the path, a body larger than it says.
struct RawHTTP {
    struct Response {
        var status: Int
        var headers: [String: String]
        var body: String
    }

    let port: Int

    /// Sends `method path` with `headers` (Host defaults to 127.0.0.1:port) and `body`; reads the
    /// answer until the server closes the connection.
    func send(_ method: String, _ path: String, headers: [String: String] = [:], body: String = "",
              host: String? = nil) async throws -> Response {
        try await offThePool { try self.sendBlocking(method, path, headers: headers, body: body, host: host) }
    }

    private func sendBlocking(_ method: String, _ path: String, headers: [String: String], body: String,
                              host: String?) throws -> Response {
        let fd = try connect()
        defer { close(fd) }
        var lines = ["\(method) \(path) HTTP/1.1"]
        lines.append("Host: \(host ?? "127.0.0.1:\(port)")")
        for (name, value) in headers { lines.append("\(name): \(value)") }
        if !body.isEmpty || method == "POST" { lines.append("Content-Length: \(body.utf8.count)") }
        lines.append("Connection: close")
        try write(fd, lines.joined(separator: "\r\n") + "\r\n\r\n" + body)
        return try Self.parse(readAllBlocking(fd))
    }

    /// Opens a connection and sends `text` as is; returns the socket (the caller closes it).
    func open(sending text: String) throws -> Int32 {
        let fd = try connect()
        try write(fd, text)
        return fd
    }

    func connect() throws -> Int32 {
        // Close-on-exec: the client lives in the server's process here, and a program that some
        // concurrent test's run starts must not inherit it (a copy held open keeps the
        // connection up, so the server never sees the page hang up).
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard result == 0 else { close(fd); throw POSIXError(.ECONNREFUSED) }
        var timeout = timeval(tv_sec: 900, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        return fd
    }

    private func write(_ fd: Int32, _ text: String) throws {
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let sent = bytes.withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard sent > 0 else { return }  // the server may close early (413): read its answer
            bytes = bytes.dropFirst(sent)
        }
    }

    /// Reads until the server closes the connection, on a thread of its own (see `offThePool`).
    func readAll(_ fd: Int32) async -> [UInt8] {
        (try? await offThePool { self.readAllBlocking(fd) }) ?? []
    }

    private func readAllBlocking(_ fd: Int32) -> [UInt8] {
        var data: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = recv(fd, &buffer, buffer.count, 0)
            if count <= 0 { break }
            data += buffer[0..<count]
        }
        return data
    }

    static func parse(_ bytes: [UInt8]) throws -> Response {
        let text = String(decoding: bytes, as: UTF8.self)
        guard let split = text.range(of: "\r\n\r\n") else { throw POSIXError(.EBADMSG) }
        let head = text[..<split.lowerBound].components(separatedBy: "\r\n")
        let status = Int(head.first?.split(separator: " ").dropFirst().first ?? "") ?? 0
        var headers: [String: String] = [:]
        for line in head.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        var body = String(text[split.upperBound...])
        if headers["transfer-encoding"] == "chunked" { body = dechunk(body) }
        return Response(status: status, headers: headers, body: body)
    }

    private static func dechunk(_ text: String) -> String {
        var out = "", rest = Substring(text)
        while let end = rest.range(of: "\r\n"), let size = Int(rest[..<end.lowerBound], radix: 16), size > 0 {
            let start = end.upperBound
            let stop = rest.utf8.index(start, offsetBy: size)
            out += rest[start..<stop]
            rest = rest[stop...].dropFirst(2)
        }
        return out
    }
}

/// Runs blocking socket work on a thread of its own and awaits it. The server under test runs
/// on Swift's cooperative pool, which has one thread per core: a test blocked in `recv` on that
/// pool starves the very server it waits for (on a 2-core machine, two such tests deadlocked
/// the whole suite).
func offThePool<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        Thread { continuation.resume(with: Result { try work() }) }.start()
    }
}
