import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Tells whether a browser is still waiting for an answer on a TCP connection: when the page
/// gives up (the reader runs again, resets, or leaves), the browser closes its end, and a run
/// still going for it is stopped.
///
/// The HTTP library does not hand its sockets to a handler, so the socket is found among this
/// process's descriptors (`/proc/self/fd`, the ones that are sockets) as the one whose own
/// port is the server's and whose peer's port is the browser's (`getsockname`,
/// `getpeername`). From then on the descriptor itself is asked (`poll` with `POLLRDHUP`,
/// which reports the peer's close without reading anything). A connection the browser has
/// already closed still has its peer until the server closes it, so a page that hangs up
/// before the first look is found too.
final class ConnectionWatch: @unchecked Sendable {
    let serverPort: Int
    let peerPort: Int
    private var socket: (fd: Int32, link: String)?
    /// Linux's `POLLRDHUP` (0x2000, `_GNU_SOURCE` only, so Glibc's Swift module lacks it).
    static let peerClosed: Int16 = 0x2000

    init(serverPort: Int, peerPort: Int) {
        self.serverPort = serverPort
        self.peerPort = peerPort
    }

    /// Whether the connection is still open from the browser's side; true while its socket
    /// has not been found (the run's time limit still holds).
    func isOpen() -> Bool {
        if socket == nil { socket = find() }
        guard let socket else { return true }
        guard Self.link(socket.fd) == socket.link else {
            return false  // the server closed it and the number went to another file
        }
        var entry = pollfd(fd: socket.fd, events: Self.peerClosed, revents: 0)
        guard poll(&entry, 1, 0) >= 0 else { return true }
        return entry.revents & (Self.peerClosed | Int16(POLLHUP | POLLERR)) == 0
    }

    /// The descriptor of the connection between the two ports, and what it links to
    /// (`socket:[inode]`), or nil when this process has none.
    func find() -> (fd: Int32, link: String)? {
        for name in (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? [] {
            guard let fd = Int32(name), let link = Self.link(fd), link.hasPrefix("socket:"),
                  Self.port(of: fd, peer: false) == serverPort, Self.port(of: fd, peer: true) == peerPort else { continue }
            return (fd, link)
        }
        return nil
    }

    private static func link(_ fd: Int32) -> String? {
        try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/fd/\(fd)")
    }

    /// The TCP port of a socket's own end or its peer's (IPv4 or IPv6), nil for anything else.
    static func port(of fd: Int32, peer: Bool) -> Int? {
        var storage = sockaddr_storage()
        var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
        let result = withUnsafeMutablePointer(to: &storage) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { peer ? getpeername(fd, $0, &length) : getsockname(fd, $0, &length) }
        }
        guard result == 0 else { return nil }
        switch Int32(storage.ss_family) {
        case AF_INET:
            return withUnsafePointer(to: &storage) { $0.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { Int(UInt16(bigEndian: $0.pointee.sin_port)) } }
        case AF_INET6:
            return withUnsafePointer(to: &storage) { $0.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { Int(UInt16(bigEndian: $0.pointee.sin6_port)) } }
        default:
            return nil
        }
    }
}
