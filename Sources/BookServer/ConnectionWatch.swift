import Foundation

/// Tells whether a browser is still waiting for an answer on a TCP connection, from the
/// kernel's table of connections (`/proc/net/tcp` and `tcp6`): when the page gives up (the
/// reader runs again, resets, or leaves), the browser closes its end and the server's end
/// moves to CLOSE_WAIT, or disappears. A run is stopped then, as Jupyter stops a kernel's
/// request when its socket closes.
struct ConnectionWatch: Sendable {
    /// The server's port and the browser's port of the connection.
    let serverPort: Int
    let peerPort: Int

    /// Whether the connection is still open from the browser's side. Unknown (no table, or
    /// the connection not found) counts as open only when no table can be read.
    func isOpen() -> Bool {
        var sawTable = false
        for table in ["/proc/net/tcp", "/proc/net/tcp6"] {
            guard let text = try? String(contentsOfFile: table, encoding: .utf8) else { continue }
            sawTable = true
            if let state = ConnectionWatch.state(in: text, localPort: serverPort, remotePort: peerPort) {
                return state == "01"  // ESTABLISHED
            }
        }
        return !sawTable
    }

    /// The state (two hex digits) of the connection between the two ports in a table's text.
    static func state(in table: String, localPort: Int, remotePort: Int) -> String? {
        let local = String(format: ":%04X", localPort), remote = String(format: ":%04X", remotePort)
        for line in table.split(separator: "\n").dropFirst() {
            let fields = line.split(separator: " ")
            guard fields.count > 3, fields[1].hasSuffix(local), fields[2].hasSuffix(remote) else { continue }
            return String(fields[3])
        }
        return nil
    }
}
