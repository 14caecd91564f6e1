@testable import BookServer
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// How a run finds its browser's connection and sees the page hang up, on real loopback
/// sockets of this process (the server's end accepted, the browser's end connected).
struct ConnectionWatchTests {
    /// A listening socket, a connected client and the accepted end; the two ports.
    final class Pair {
        var listener: Int32 = -1, client: Int32 = -1, accepted: Int32 = -1
        var serverPort = 0, clientPort = 0

        init() throws {
            listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_addr.s_addr = inet_addr("127.0.0.1")
            var length = socklen_t(MemoryLayout<sockaddr_in>.size)
            try withUnsafeMutablePointer(to: &address) { pointer in
                try pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    guard bind(listener, $0, length) == 0, listen(listener, 4) == 0, getsockname(listener, $0, &length) == 0 else {
                        throw POSIXError(.EADDRNOTAVAIL)
                    }
                }
            }
            serverPort = Int(UInt16(bigEndian: address.sin_port))
            client = socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
            try withUnsafePointer(to: &address) { pointer in
                try pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    guard connect(client, $0, length) == 0 else { throw POSIXError(.ECONNREFUSED) }
                }
            }
            accepted = accept(listener, nil, nil)
            clientPort = try #require(ConnectionWatch.port(of: client, peer: false))
        }

        func hangUp() {
            shutdown(client, Int32(SHUT_RDWR))
            close(client)
            client = -1
        }

        deinit {
            for fd in [listener, client, accepted] where fd >= 0 { close(fd) }
        }
    }

    @Test func itFindsTheServersEndAndSeesThePageHangUp() throws {
        let pair = try Pair()
        let watch = ConnectionWatch(serverPort: pair.serverPort, peerPort: pair.clientPort)
        #expect(watch.find()?.fd == pair.accepted)
        #expect(watch.isOpen())
        pair.hangUp()
        #expect(!watch.isOpen())
    }

    /// A page that hangs up before the watch first looks: the server's end still names its
    /// peer, so the run is stopped rather than left to its time limit.
    @Test func aPageThatHungUpBeforeTheFirstLookIsSeen() throws {
        let pair = try Pair()
        pair.hangUp()
        let watch = ConnectionWatch(serverPort: pair.serverPort, peerPort: pair.clientPort)
        #expect(watch.find()?.fd == pair.accepted)
        #expect(!watch.isOpen())
    }

    @Test func anotherConnectionIsNotTaken() throws {
        let pair = try Pair()
        #expect(ConnectionWatch(serverPort: pair.serverPort, peerPort: pair.clientPort == 65535 ? 1 : pair.clientPort + 1).find() == nil)
        #expect(ConnectionWatch(serverPort: pair.serverPort, peerPort: pair.clientPort + 1).isOpen())
    }
}
