import ArgumentParser

/// `book`: checks the chapters of "How Neural Networks Learn" and renders them as a website.
@main
struct Book: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "book",
        abstract: "Check every derivation in the chapters, then render them as a website.",
        version: "0.1.0",
        subcommands: []
    )
}
