import ArgumentParser
import Foundation
import Literate

/// `book`: checks the chapters of "How Neural Networks Learn" and renders them as a website.
@main
struct Book: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "book",
        abstract: "Check every derivation in the chapters, then render them as a website.",
        version: "0.1.0",
        subcommands: [Check.self, Run.self, Build.self, Watch.self, Serve.self],
        defaultSubcommand: Build.self
    )

    /// Runs the command; a usage mistake exits with status 2, as `book`'s contract says
    /// (ArgumentParser's own default is 64).
    static func main() {
        ChildProcesses.takeCharge()
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            if exitCode(for: error) == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}
