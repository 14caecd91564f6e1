import ArgumentParser
import Literate

/// `--timeout` and `--jobs`, shared by every subcommand that runs chapters.
struct ChapterLimits: ParsableArguments {
    @Option(help: "Seconds each chapter's program may run before it counts as a hang.")
    var timeout: Double = 10

    @Option(help: "How many chapters to compile and run at once (default: one per core).")
    var jobs: Int?

    /// Stops with exit status 2 and the checker's message when a value is out of range, before
    /// anything starts (`watch` would otherwise report it every round and keep waiting).
    func validate() throws {
        var options = CheckOptions(timeout: timeout)
        if let jobs { options.jobs = jobs }
        try BookCommand.environment { try options.validate() }
    }
}
