@testable import BookServer
import Testing

/// How a run's connection is found in the kernel's table of TCP sockets.
struct ConnectionWatchTests {
    /// Server port 0x1F90 (8080), browser port 0xC350 (50000); states: 01 open, 08 closed by
    /// the browser only, 06 closed by both (no inode any more).
    static func table(state: String, inode: String) -> String {
        "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode\n"
            + "   0: 0100007F:1F90 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 111 1 0 100 0 0 10 0\n"
            + "   1: 0100007F:1F90 0100007F:C350 \(state) 00000000:00000000 00:00000000 00000000     0        0 \(inode) 1 0 20 4 30 10 -1\n"
    }

    @Test func anOpenConnectionIsFound() {
        #expect(ConnectionWatch.inode(in: Self.table(state: "01", inode: "4242"), localPort: 8080, remotePort: 50000) == "4242")
    }

    /// A page that hangs up before the watch first looks leaves the server's end in CLOSE_WAIT:
    /// it must still be found, so that the run is stopped rather than left to its time limit.
    @Test func aConnectionTheBrowserClosedIsStillFound() {
        #expect(ConnectionWatch.inode(in: Self.table(state: "08", inode: "4243"), localPort: 8080, remotePort: 50000) == "4243")
    }

    @Test func theListeningSocketAndClosedOnesAreNot() {
        #expect(ConnectionWatch.inode(in: Self.table(state: "06", inode: "0"), localPort: 8080, remotePort: 50000) == nil)
        #expect(ConnectionWatch.inode(in: Self.table(state: "01", inode: "4242"), localPort: 8080, remotePort: 50001) == nil)
    }
}
