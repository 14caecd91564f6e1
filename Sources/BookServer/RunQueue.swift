/// One run at a time per chapter, and a short line behind it: two runs of the same chapter
/// would compete for the same processor for nothing, and a page that sends runs in a loop
/// must not pile up compiles. Beyond `waiting` runs in line for a chapter, a run is refused
/// (429) without anything being started.
actor RunQueue {
    /// How many runs may wait per chapter while one runs.
    let waiting: Int
    private var busy: Set<String> = []
    private var lines: [String: [CheckedContinuation<Void, Never>]] = [:]

    init(waiting: Int = 2) {
        self.waiting = waiting
    }

    /// Waits for the chapter's turn; false (at once) when its line is full.
    func enter(_ chapter: String) async -> Bool {
        guard busy.contains(chapter) else {
            busy.insert(chapter)
            return true
        }
        guard lines[chapter, default: []].count < waiting else { return false }
        await withCheckedContinuation { continuation in
            lines[chapter, default: []].append(continuation)
        }
        return true
    }

    /// Ends the chapter's current run and lets the next in line start.
    func leave(_ chapter: String) {
        if var line = lines[chapter], !line.isEmpty {
            let next = line.removeFirst()
            lines[chapter] = line
            next.resume()
        } else {
            busy.remove(chapter)
        }
    }
}
