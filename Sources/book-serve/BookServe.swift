import ArgumentParser
import BookServer
import Foundation
import Literate

/// `book-serve`: what `book serve` starts (a product of its own, so that `swift run book`
/// never builds the HTTP server). Serves the book on loopback with Edit / Run / Reset on
/// every example, and reloads open pages when a chapter is saved.
@main
struct BookServe: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "book serve",
        abstract: "Serve the book on 127.0.0.1: edit and run every example on its page; pages reload when a chapter is saved.",
        discussion: "Only the page the server printed can run code (a per-start token, Host and Origin checks). The code runs as you, with the chapter's time, output and memory limits: it is not a sandbox against code you run yourself."
    )

    @Option(help: "The port to listen on (default: a free one).")
    var port: UInt16 = 0

    @Option(help: ArgumentHelp("The address to listen on; anything but loopback needs --allow-remote.", valueName: "address"))
    var bind = "127.0.0.1"

    @Flag(help: "Allow --bind to a non-loopback address: anyone who can reach it and learns the token can run code as you.")
    var allowRemote = false

    @Flag(help: "Open the book in the browser.")
    var open = false

    @Option(help: "Seconds each chapter's program may run.")
    var timeout: Double = 10

    @Option(help: "Megabytes of memory each run's program may use, from 256 to 1048576.")
    var memory: Int = CheckOptions.defaultMemoryLimit >> 20

    func validate() throws {
        do {
            _ = try BindAddress.choose(bind, allowRemote: allowRemote)
        } catch let refusal as AccessPolicy.Refusal {
            throw ValidationError(refusal.message)
        }
        try BookServe.environment {
            guard (256...(1 << 20)).contains(memory) else {
                throw BookError.badOption("--memory", "\(memory)", "a number of megabytes from 256 to 1048576, e.g. --memory 8192")
            }
            try CheckOptions(timeout: timeout).validate()
        }
    }

    func run() throws {
        let project = try BookServe.environment { try Project.locate() }
        var settings = ServeSession.Settings()
        let (address, warning) = try BindAddress.choose(bind, allowRemote: allowRemote)
        settings.address = address
        settings.port = port
        settings.open = open
        settings.options = CheckOptions(timeout: timeout, useCache: true)
        settings.options.memoryLimit = memory << 20
        if let warning { FileHandle.standardError.write(Data((warning + "\n").utf8)) }
        let options = settings.options
        try ServeSession(project: project, settings: settings).run(check: { book in
            let display = ProgressDisplay(total: book.checked.count)
            defer { display.clear() }
            return try Checker(project: project, options: options).check(book.checked) { display.update($0) }
        }, print: { line in
            print(line)
            fflush(nil)
        })
    }

    /// A `BookError` printed, exit status 2.
    static func environment<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as BookError {
            FileHandle.standardError.write(Data("\(error)\n".utf8))
            throw ExitCode(2)
        }
    }

    /// Runs the server; a usage mistake (`--memory 5`) exits with status 2, as `book`'s do.
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
