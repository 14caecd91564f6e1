extension Diagnostic {
    /// A note the compiler attached to an error or a warning: where it points and what it says.
    /// It stays with its message in every report format.
    public struct Note: Hashable, Sendable, Codable {
        public var line: Int
        public var column: Int
        public var message: String
        /// The edits this note suggests (`force-unwrap using '!'` suggests writing `!`).
        public var fixIts: [FixIt]

        public init(line: Int, column: Int, message: String, fixIts: [FixIt] = []) {
            self.line = line
            self.column = column
            self.message = message
            self.fixIts = fixIts
        }

        public var location: Location { Location(line: line, column: column) }
    }

    /// An edit the compiler suggests: write `text` at `line`:`column` of the Markdown file, in
    /// place of what the compiler's caret marks there (the compiler's text output, which is what
    /// `book` reads, does not say how much that is).
    public struct FixIt: Hashable, Sendable, Codable, CustomStringConvertible {
        public var line: Int
        public var column: Int
        public var text: String

        public init(line: Int, column: Int, text: String) {
            self.line = line
            self.column = column
            self.text = text
        }

        /// `fix-it: write '!' at 12:19`.
        public var description: String { "fix-it: write '\(text)' at \(line):\(column)" }
    }
}
