import BookServer
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The live reload: a served page that holds the reload WebSocket hears which pages changed.
struct ReloadChannelTests {
    @Test func anOpenPageHearsWhichPagesChanged() async throws {
        let fixture = try await ServerFixture()
        let request = "GET /api/reload?token=\(fixture.server.token) HTTP/1.1\r\nHost: 127.0.0.1:\(fixture.port)\r\n"
            + "Origin: \(fixture.origin)\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
            + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n"
        let fd = try fixture.http.open(sending: request)
        defer { close(fd) }
        // A page that hears nothing fails in 30 s rather than the client's usual 900.
        var timeout = timeval(tv_sec: 30, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        let head = try await offThePool { Self.read(fd, until: Array("\r\n\r\n".utf8)) }
        #expect(String(decoding: head, as: UTF8.self).hasPrefix("HTTP/1.1 101"))
        // The page listens once the server has registered it.
        for _ in 0..<100 where fixture.server.reloads.count == 0 { try await Task.sleep(nanoseconds: 50_000_000) }
        #expect(fixture.server.reloads.count == 1)
        fixture.server.reloads.send(changed: ["02-other.html", "01-test.html"])
        // A server's text frame: 0x81, the length (under 126 here), the unmasked payload.
        let frame = try await offThePool { Self.read(fd, until: Array("]".utf8)) }
        #expect(frame.first == 0x81)
        #expect(String(decoding: frame.dropFirst(2), as: UTF8.self) == #"["01-test.html","02-other.html"]"#)
        await fixture.stop()
    }

    /// Reads one byte at a time until the bytes read end with `end` (or the peer stops).
    static func read(_ fd: Int32, until end: [UInt8]) -> [UInt8] {
        var bytes: [UInt8] = []
        var byte: UInt8 = 0
        while !bytes.ends(with: end), recv(fd, &byte, 1, 0) == 1 { bytes.append(byte) }
        return bytes
    }
}

private extension Array where Element == UInt8 {
    func ends(with suffix: [UInt8]) -> Bool { count >= suffix.count && Array(self[(count - suffix.count)...]) == suffix }
}
