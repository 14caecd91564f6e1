import Synchronization
import Testing
@testable import Learning
#if canImport(Glibc)
import Glibc
#endif

/// `Crew`: every piece of every job runs exactly once, on the caller or the helper; a crew
/// without a helper still finishes; the helper thread ends when its crew goes.
@Suite struct CrewTests {
    @Test(arguments: [0, 1, 2, 3, 4, 7, 64]) func everyPieceRunsOnce(count: Int) {
        let crew = Crew()
        for _ in 0..<300 {
            let runs = Mutex([Int](repeating: 0, count: count))
            crew.perform(count) { piece in runs.withLock { $0[piece] += 1 } }
            #expect(runs.withLock { $0 } == [Int](repeating: 1, count: count))
        }
    }

    @Test func withoutAHelperTheCallerRunsEveryPiece() {
        let crew = Crew(helper: false), caller = pthread_self()
        let elsewhere = Mutex(0), runs = Mutex(0)
        crew.perform(50) { _ in
            runs.withLock { $0 += 1 }
            if pthread_equal(pthread_self(), caller) == 0 { elsewhere.withLock { $0 += 1 } }
        }
        #expect(runs.withLock { $0 } == 50)
        #expect(elsewhere.withLock { $0 } == 0)
    }

    @Test(.enabled(if: BackgroundValue<Double>.processors > 1)) func theHelperTakesPieces() {
        // Pieces of about 20 µs, until the helper has run one (or 5 s have gone by).
        let crew = Crew(), caller = pthread_self(), elsewhere = Mutex(0)
        var start = timespec(), now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &start)
        repeat {
            crew.perform(4) { _ in
                var spin = timespec(), t = timespec()
                clock_gettime(CLOCK_MONOTONIC, &spin)
                repeat { clock_gettime(CLOCK_MONOTONIC, &t) } while (t.tv_sec - spin.tv_sec) * 1_000_000_000 + t.tv_nsec - spin.tv_nsec < 20_000
                if pthread_equal(pthread_self(), caller) == 0 { elsewhere.withLock { $0 += 1 } }
            }
            clock_gettime(CLOCK_MONOTONIC, &now)
        } while elsewhere.withLock({ $0 }) == 0 && now.tv_sec - start.tv_sec < 5
        #expect(elsewhere.withLock { $0 } > 0)
    }

    @Test func theHelperThreadEndsWithItsCrew() {
        // The helper holds the shared state while it runs: gone with the crew, it has ended.
        weak var state: AnyObject?
        do {
            let crew = Crew()
            state = crew.sharedState
            crew.perform(8) { _ in }
        }
        #expect(state == nil)
    }
}
