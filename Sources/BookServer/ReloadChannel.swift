import FlyingFox
import Foundation

/// The live reload of `book serve`: every open page holds a WebSocket (`/api/reload`), and
/// after each check round the server sends the names of the pages whose HTML changed; a page
/// that finds its own name reloads. (`book watch` reloads pages opened from `file://` by
/// polling a stamp file; a server can tell them.)
public final class ReloadChannel: WSMessageHandler, @unchecked Sendable {
    private let lock = NSLock()
    private var listeners: [UUID: AsyncStream<WSMessage>.Continuation] = [:]

    public init() {}

    /// How many pages listen now.
    public var count: Int { lock.withLock { listeners.count } }

    public func makeMessages(for client: AsyncStream<WSMessage>) async throws -> AsyncStream<WSMessage> {
        let id = UUID()
        let (stream, continuation) = AsyncStream<WSMessage>.makeStream()
        lock.withLock { listeners[id] = continuation }
        continuation.onTermination = { [weak self] _ in
            self?.lock.withLock { _ = self?.listeners.removeValue(forKey: id) }
        }
        // Whatever the page sends is ignored; when it closes, its listener goes.
        Task { [weak self] in
            for await message in client { if case .close = message { break } }
            self?.lock.withLock { self?.listeners.removeValue(forKey: id) }?.finish()
        }
        return stream
    }

    /// Tells every page which pages changed: a JSON array of file names.
    public func send(changed pages: [String]) {
        guard !pages.isEmpty, let data = try? JSONEncoder().encode(pages.sorted()),
              let text = String(data: data, encoding: .utf8) else { return }
        for listener in lock.withLock({ Array(listeners.values) }) { listener.yield(.text(text)) }
    }

    /// Closes every page's stream (the server is stopping).
    public func closeAll() {
        for listener in lock.withLock({ Array(listeners.values) }) { listener.finish() }
    }
}
