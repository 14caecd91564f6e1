import Dispatch
import Testing
@testable import Learning

/// `BackgroundValue` runs its work exactly once, on whichever thread starts it first, and
/// hands back what the work returned.
@Suite struct BackgroundValueTests {
    /// Counts the runs of the works, from any thread.
    final class Runs: @unchecked Sendable {
        private let lock = DispatchQueue(label: "BackgroundValueTests.Runs")
        private var count = 0
        func add() { lock.sync { count += 1 } }
        var total: Int { lock.sync { count } }
    }

    @Test func eachWorkRunsOnceWhoeverStartsIt() {
        let runs = Runs()
        // Asked for at once, each value races the Dispatch thread that may start it; some
        // are computed here, some there, and no work may run twice or be lost.
        let values = (0..<300).map { n in BackgroundValue { runs.add(); return n * n } }
        #expect(values.enumerated().allSatisfy { n, value in value.value() == n * n })
        #expect(runs.total == 300)
    }

    @Test func aValueFinishedElsewhereIsHandedBack() {
        let runs = Runs(), started = DispatchSemaphore(value: 0)
        let value = BackgroundValue { () -> [Double] in
            runs.add()
            started.signal()
            return [1.5, -2.25]
        }
        // Usually the work is then running, or has run, on a Dispatch thread; if no thread
        // was free within the time, `value()` computes it here instead (and the test still holds).
        _ = started.wait(timeout: .now() + 5)
        #expect(value.value() == [1.5, -2.25])
        #expect(runs.total == 1)
    }
}
