import ArgumentParser
import Literate

/// `--timeout`, `--jobs` and `--memory`, shared by every subcommand that runs chapters.
///
/// The values are read even when they start with `-` (`--timeout -5`), so that the checker
/// says what is wrong with them rather than ArgumentParser "Missing value".
struct ChapterLimits: ParsableArguments {
    @Option(parsing: .unconditional, help: "Seconds each chapter's program may run before it counts as a hang.")
    var timeout: Double = 10

    @Option(parsing: .unconditional, help: "How many chapters to compile and run at once (default: one per core).")
    var jobs: Int?

    @Option(parsing: .unconditional, help: "Megabytes of memory each chapter's program may use (default 4096).")
    var memory: Int = CheckOptions.defaultMemoryLimit >> 20

    /// The options these limits give.
    var options: CheckOptions {
        var options = CheckOptions(timeout: timeout)
        if let jobs { options.jobs = jobs }
        // Out-of-range values are caught by `validate` before anything runs.
        options.memoryLimit = (1...(1 << 20)).contains(memory) ? memory << 20 : 0
        return options
    }

    /// Stops with exit status 2 and the checker's message when a value is out of range, before
    /// anything starts (`watch` would otherwise report it every round and keep waiting).
    func validate() throws {
        try BookCommand.environment {
            guard (256...(1 << 20)).contains(memory) else {
                throw BookError.badOption("--memory", "\(memory)", "a number of megabytes from 256 to 1048576, e.g. --memory 8192")
            }
            try options.validate()
        }
    }
}
