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

    public var description: String {
        "\(path):\(line):\(column): \(severity.rawValue): \(message)"
    }
}
