import Dispatch
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A value computed on another thread while the caller goes on with other work, with no
/// way to hang: the work is handed to Dispatch, and `value()` computes it on the calling
/// thread itself when no other thread has started it yet (every Dispatch thread can be busy,
/// as in a test run), and waits only for work that is already running. Either way the
/// work runs exactly once and gives the same value.
///
/// `train`'s mini-batch loop computes an epoch's cost with it (`Network.train`).
final class BackgroundValue<Value: Sendable>: @unchecked Sendable {
    private enum State {
        case waiting(@Sendable () -> Value)
        case running
        case done(Value)
    }

    /// Guarded by `lock`, a serial queue whose `sync` runs on the calling thread.
    private var state: State
    private let lock = DispatchQueue(label: "Learning.BackgroundValue")
    /// Signalled once, when the work is done.
    private let finished = DispatchSemaphore(value: 0)

    /// Starts `work` on a Dispatch thread, if one becomes free before `value()` is asked for.
    init(_ work: @escaping @Sendable () -> Value) {
        state = .waiting(work)
        DispatchQueue.global().async { [self] in run() }
    }

    /// The work's value; call it once. Waits only when another thread is computing it.
    func value() -> Value {
        run()
        finished.wait()
        return lock.sync {
            guard case .done(let value) = state else { fatalError("BackgroundValue: finished without a value") }
            return value
        }
    }

    /// Runs the work if nobody has started it, then signals `finished`.
    private func run() {
        let work: (@Sendable () -> Value)? = lock.sync {
            guard case .waiting(let work) = state else { return nil }
            state = .running
            return work
        }
        guard let work else { return }
        let value = work()
        lock.sync { state = .done(value) }
        finished.signal()
    }

    /// The processors the system has online (at least 1).
    static var processors: Int {
        Swift.max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
    }
}
