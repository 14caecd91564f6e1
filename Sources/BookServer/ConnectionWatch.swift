import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Tells whether a browser is still waiting for an answer on a TCP connection: when the page
/// gives up (the reader runs again, resets, or leaves), the browser closes its end, and a run
/// still going for it is stopped.
///
/// The HTTP library does not hand its sockets to a handler, so the socket is found the way
/// `ss` finds it: the connection's inode from the kernel's table (`/proc/net/tcp`, `tcp6`)
/// by the two ports, then the descriptor of this process that is that inode
/// (`/proc/self/fd/N` → `socket:[inode]`). From then on the descriptor itself is asked
/// (`poll` with `POLLRDHUP`, which reports the peer's close without reading anything). The
/// tables alone are not enough: they are not read in one snapshot, and a connection can be
/// missing from one reading while it is open.
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
        guard (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/fd/\(socket.fd)")) == socket.link else {
            return false  // the server closed it and the number went to another file
        }
        var entry = pollfd(fd: socket.fd, events: Self.peerClosed, revents: 0)
        guard poll(&entry, 1, 0) >= 0 else { return true }
        return entry.revents & (Self.peerClosed | Int16(POLLHUP | POLLERR)) == 0
    }

    private func find() -> (fd: Int32, link: String)? {
        var inode: String?
        for table in ["/proc/net/tcp", "/proc/net/tcp6"] where inode == nil {
            guard let text = try? String(contentsOfFile: table, encoding: .utf8) else { continue }
            inode = Self.inode(in: text, localPort: serverPort, remotePort: peerPort)
        }
        guard let inode else { return nil }
        let link = "socket:[\(inode)]"
        for name in (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? [] {
            if let fd = Int32(name), (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/fd/\(name)")) == link {
                return (fd, link)
            }
        }
        return nil
    }

    /// The inode of the connection between the two ports in a table's text, open (state 01,
    /// `ESTABLISHED`) or already closed by the browser but not yet by the server (08,
    /// `CLOSE_WAIT`): a page that hangs up before the first look must still be found, or its
    /// run would go on to the time limit. A socket the server closed has inode 0.
    static func inode(in table: String, localPort: Int, remotePort: Int) -> String? {
        let local = String(format: ":%04X", localPort), remote = String(format: ":%04X", remotePort)
        for line in table.split(separator: "\n").dropFirst() {
            let fields = line.split(separator: " ")
            guard fields.count > 9, fields[1].hasSuffix(local), fields[2].hasSuffix(remote),
                  fields[3] == "01" || fields[3] == "08", fields[9] != "0" else { continue }
            return String(fields[9])
        }
        return nil
    }
}
