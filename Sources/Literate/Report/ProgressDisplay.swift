import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Shows what `book check` is doing on standard error: on a terminal one line updated in place
/// (`[3/10] compiling 04-forward.md`), otherwise one plain line per step.
public final class ProgressDisplay: @unchecked Sendable {
    private let total: Int
    private let isTerminal: Bool
    private var finished = 0
    private var showing = false
    private let lock = NSLock()

    /// A display for `total` chapters; `isTerminal` defaults to whether standard error is one.
    public init(total: Int, isTerminal: Bool = isatty(2) == 1) {
        self.total = total
        self.isTerminal = isTerminal
    }

    /// The line for one progress event, e.g. `[3/10] compiling 04-forward.md`; nil for none.
    public func line(for event: CheckProgress) -> String? {
        lock.withLock {
            switch event {
            case .compilingLibraries:
                return "compiling Learning and Plot for the chapters (once per change to them)"
            case .started(let path, let stage):
                let name = isTerminal ? (path as NSString).lastPathComponent : path
                return "[\(min(finished + 1, total))/\(total)] \(stage) \(name)"
            case .finished:
                finished += 1
                return nil
            }
        }
    }

    /// Shows an event.
    public func update(_ event: CheckProgress) {
        guard let text = line(for: event) else { return }
        lock.withLock {
            if isTerminal {
                let width = 100
                let shown = text.count > width ? String(text.prefix(width - 3)) + "..." : text
                write("\r\u{1B}[K" + shown)
                showing = true
            } else {
                write(text + "\n")
            }
        }
    }

    /// Clears the in-place line, before the results are printed.
    public func clear() {
        lock.withLock {
            if isTerminal && showing { write("\r\u{1B}[K") }
            showing = false
        }
    }

    private func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}
