/// A side of a chain that has numbers and no variable but that the math checker cannot read
/// (a construct outside `MathParser`'s grammar, a bracket without its partner): its arithmetic
/// is not checked, so each one is counted in the summary and `book check --unread-math` lists it.
public struct UnreadMathSide: Hashable, Sendable, Codable {
    /// Where the side's first character is in the Markdown file.
    public var location: Location
    /// The side as written, spaces collapsed, e.g. `\lceil 150/4 \rceil`.
    public var written: String

    public init(location: Location, written: String) {
        self.location = location
        self.written = written
    }

    /// The note `book check --unread-math` prints at the side:
    /// `path:line:column: note: the math checker cannot read this side, so its arithmetic is not checked: ...`.
    public func note(path: String) -> Diagnostic {
        Diagnostic(path: path, at: location, severity: .note,
                   message: "the math checker cannot read this side, so its arithmetic is not checked: \(written); "
                       + "write it with arithmetic the checker reads (README, \"Writing a chapter\"), "
                       + "or mark an = that is not arithmetic with \\mathrel{=}")
    }
}

extension ChapterReport {
    /// This report with a note at each unread math side (`UnreadMathSide.note`), diagnostics
    /// kept in file order; the verdict does not change (a note is not an error).
    public func notingUnreadMath() -> ChapterReport {
        var noted = self
        noted.diagnostics = Self.inFileOrder(diagnostics, inserting: unreadableMath.map { $0.note(path: path) })
        return noted
    }
}
