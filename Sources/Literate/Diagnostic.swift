/// A problem found in a chapter, at the reader's position in the Markdown file.
///
/// Printed as a compiler would: `path:line:column: error: message`.
public struct Diagnostic: Hashable, Sendable, Codable, CustomStringConvertible {
    public enum Severity: String, Sendable, Codable {
        case error, warning, note
    }

    /// The chapter's path as the user gave it.
    public var path: String
    public var line: Int
    public var column: Int
    public var severity: Severity
    public var message: String
    /// What the compiler added under its message, in its order (`use 'weights' instead`).
    public var notes: [Note] = []
    /// Edits the compiler suggests for the message itself.
    public var fixIts: [FixIt] = []

    public init(path: String, line: Int, column: Int, severity: Severity = .error, message: String) {
        self.path = path
        self.line = line
        self.column = column
        self.severity = severity
        self.message = message
    }

    /// A diagnostic at a location in the chapter at `path`.
    public init(path: String, at location: Location, severity: Severity = .error, message: String) {
        self.init(path: path, line: location.line, column: location.column, severity: severity, message: message)
    }

    /// The diagnostic's position.
    public var location: Location { Location(line: line, column: column) }

    /// The message, its fix-its, then each note on a line of its own, as a compiler prints them.
    public var description: String {
        ([line(severity.rawValue, at: location, message, fixIts)]
            + notes.map { line("note", at: $0.location, $0.message, $0.fixIts) }).joined(separator: "\n")
    }

    private func line(_ kind: String, at place: Location, _ message: String, _ fixIts: [FixIt]) -> String {
        "\(path):\(place.line):\(place.column): \(kind): \(message)" + fixIts.map { " (\($0))" }.joined()
    }
}
