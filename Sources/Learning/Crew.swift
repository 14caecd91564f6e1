import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A second thread that stays with one training run and takes pieces of its products as
/// soon as they are posted: full-batch training of a first layer whose inputs are kept in
/// panels, where every iteration runs two products of about 0.3 ms each (see `TrainingStep`).
///
/// Why: handed to Dispatch (`DispatchQueue.concurrentPerform`), the wide network's products
/// had their second thread start its first piece 36 to 44 µs after the call, on average over
/// a training (the thread is woken from sleep for each product), and the first thread then
/// waited about as long for the last piece at the end: the two cores were idle 11% of the
/// time. Here the helper waits for work by polling, so it starts within a microsecond.
///
/// A `perform` posts pieces 0..<count; the caller and the helper claim them one at a time
/// (a compare-and-exchange on one word that also names the job, so a piece is claimed
/// once, and never from a job that has ended), and the caller returns when every piece is
/// done. The caller never waits for the helper to start: a helper that never runs leaves
/// every piece to the caller. While no work is posted the helper polls, and after 4096
/// empty polls yields the processor at each poll (`sched_yield`) to any other program that
/// wants it. The helper is a thread of its own (not one of Dispatch's, which other work
/// may need); it ends, and is joined, when its `Crew` goes away.
final class Crew: @unchecked Sendable {
    /// What the caller and the helper share; the helper thread keeps it alive.
    private let shared = Shared()
    /// The helper thread, to join at the end.
    private var thread: pthread_t?

    /// A crew with its helper thread started, or without one when `helper` is false (every
    /// piece is then the caller's: for tests).
    init(helper: Bool = true) {
        guard helper else { return }
        let retained = Unmanaged.passRetained(shared).toOpaque()
        var started = pthread_t?.none
        #if canImport(Darwin)
        let result = pthread_create(&started, nil, { Crew.helperMain($0) }, retained)
        #else
        var handle = pthread_t()
        let result = pthread_create(&handle, nil, { Crew.helperMain($0) }, retained)
        if result == 0 { started = handle }
        #endif
        if result == 0 {
            thread = started
        } else {
            // No thread: the caller does every piece.
            Unmanaged<Shared>.fromOpaque(retained).release()
        }
    }

    deinit {
        shared.stopped.store(true, ordering: .releasing)
        if let thread { pthread_join(thread, nil) }
    }

    /// The state the helper thread holds while it runs: for a test that the thread has let
    /// go of it (it has ended) once the crew is gone.
    var sharedState: AnyObject { shared }

    /// Runs `work(i)` once for every i in 0..<count, on this thread and the helper, and returns
    /// when all have finished. One job at a time: call it from one thread.
    func perform(_ count: Int, _ work: @escaping @Sendable (Int) -> Void) {
        precondition(count >= 0 && count < 1 << 20, "a crew takes fewer than 2^20 pieces, got \(count)")
        shared.post(count, work)
        while let piece = shared.claim() {
            work(piece)
            shared.finished.add(1, ordering: .releasing)
        }
        var polls = 0
        while shared.finished.load(ordering: .acquiring) < shared.target {
            polls &+= 1
            if polls > 4096 { sched_yield() }
        }
    }

    /// The helper thread's body: `Shared.help`, then its reference to the shared state is released.
    private static func helperMain(_ argument: UnsafeMutableRawPointer?) -> UnsafeMutableRawPointer? {
        guard let argument else { return nil }
        Unmanaged<Shared>.fromOpaque(argument).takeRetainedValue().help()
        return nil
    }

    /// The job and its counters. `work` and `target` are written by the caller only: `work`
    /// before the job's word is published (release), and read by the helper only after it
    /// has claimed a piece of that job (acquire), so never while the caller writes it.
    private final class Shared: @unchecked Sendable {
        /// The job's word: job number (bits 40 and up), piece count (bits 20-39), next piece (0-19).
        let claims = Atomic<Int>(0)
        /// Pieces finished, over all jobs.
        let finished = Atomic<Int>(0)
        let stopped = Atomic<Bool>(false)
        var work: (@Sendable (Int) -> Void)?
        /// `finished` when the current job is done; the job's number.
        var target = 0, job = 0

        /// Makes `count` pieces of `work` the current job.
        func post(_ count: Int, _ work: @escaping @Sendable (Int) -> Void) {
            self.work = work
            job &+= 1
            target &+= count
            claims.store((job & 0xFF_FFFF) << 40 | count << 20, ordering: .releasing)
        }

        /// A piece of the current job nobody has taken, now taken; nil when none is left.
        @inline(__always)
        func claim() -> Int? {
            var word = claims.load(ordering: .acquiring)
            while true {
                let count = (word >> 20) & 0xF_FFFF, next = word & 0xF_FFFF
                if next >= count { return nil }
                let (exchanged, found) = claims.compareExchange(expected: word, desired: word &+ 1,
                                                                ordering: .acquiringAndReleasing)
                if exchanged { return next }
                word = found
            }
        }

        /// Takes pieces as they are posted until the crew stops.
        func help() {
            var idle = 0
            while !stopped.load(ordering: .acquiring) {
                if let piece = claim() {
                    work.unsafelyUnwrapped(piece)
                    finished.add(1, ordering: .releasing)
                    idle = 0
                } else {
                    idle &+= 1
                    if idle > 4096 { sched_yield() }
                }
            }
        }
    }
}
