/// Counts the documents `CommonMark.document` parses while a test holds one in `current`:
/// the evidence that a command reads and parses each chapter once.
///
/// A task-local value, so tests running side by side each count their own parses; parses
/// on other threads (Dispatch queues) are not counted.
public final class ParseCount: @unchecked Sendable {
    /// The counter of the running task, if a test set one.
    @TaskLocal public static var current: ParseCount?

    // Only the task that set `current` reaches it (task-locals do not cross into Dispatch
    // work), so one thread at a time updates it.
    public private(set) var count = 0

    public init() {}

    func add() { count += 1 }
}
