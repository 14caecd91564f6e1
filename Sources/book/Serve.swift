import ArgumentParser
import Foundation
import Literate

/// `book serve`: builds the `book-serve` product (the HTTP server stays out of what
/// `swift run book` builds), then becomes it, passing the options on.
struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Serve the book on 127.0.0.1 with Edit, Run and Reset on every example; Ctrl-C stops.",
        discussion: "Builds the server the first time (swift build --product book-serve). Only the page the server printed can run code; the code runs as you, with the chapter's limits: it is not a sandbox against code you run yourself."
    )

    @Option(help: "The port to listen on (default: a free one).")
    var port: UInt16?

    @Option(help: ArgumentHelp("The address to listen on; anything but loopback needs --allow-remote.", valueName: "address"))
    var bind: String?

    @Flag(help: "Allow --bind to a non-loopback address: anyone who can reach it and learns the token can run code as you.")
    var allowRemote = false

    @Flag(help: "Open the book in the browser.")
    var open = false

    @Option(help: "Seconds each chapter's program may run.")
    var timeout: Double?

    @Option(help: "Megabytes of memory each run's program may use (default 4096).")
    var memory: Int?

    func run() throws {
        let project = try BookCommand.environment { try Project.locate() }
        var arguments: [String] = []
        if let port { arguments += ["--port", String(port)] }
        if let bind { arguments += ["--bind", bind] }
        if allowRemote { arguments.append("--allow-remote") }
        if open { arguments.append("--open") }
        if let timeout { arguments += ["--timeout", String(timeout)] }
        if let memory { arguments += ["--memory", String(memory)] }
        FileHandle.standardError.write(Data("building the server: swift build --product book-serve\n".utf8))
        guard Serve.swift(["build", "--product", "book-serve"], in: project.root, capture: false).status == 0 else {
            FileHandle.standardError.write(Data("book serve: the server did not build (see above)\n".utf8))
            throw ExitCode(2)
        }
        let bin = Serve.swift(["build", "--show-bin-path"], in: project.root, capture: true)
        let folder = bin.output.trimmingCharacters(in: .whitespacesAndNewlines)
        guard bin.status == 0, !folder.isEmpty else { throw ExitCode(2) }
        let executable = folder + "/book-serve"
        // Become the server, so Ctrl-C reaches it directly and it stops every run it started.
        let argv = [executable] + arguments
        var pointers = argv.map { strdup($0) } + [nil]
        execv(executable, &pointers)
        FileHandle.standardError.write(Data("book serve: cannot start \(executable): \(String(cString: strerror(errno)))\n".utf8))
        throw ExitCode(2)
    }

    /// Runs `swift` with `arguments` in `folder`: its output shown, or captured.
    static func swift(_ arguments: [String], in folder: String, capture: Bool) -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["swift"] + arguments
        process.currentDirectoryURL = URL(fileURLWithPath: folder)
        let pipe = Pipe()
        if capture { process.standardOutput = pipe }
        do {
            try process.run()
        } catch {
            return (127, "")
        }
        let data = capture ? pipe.fileHandleForReading.readDataToEndOfFile() : Data()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
