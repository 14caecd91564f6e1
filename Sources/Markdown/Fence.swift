#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How a code block was fenced: the character, the fence's length, its indentation, and
/// whether a closing fence was found (libcmark closes an unclosed fence at the end of its
/// container without a word; a checker must say so).
public struct Fence: Hashable, Sendable {
    public var character: Character
    public var length: Int
    public var indent: Int
    public var isClosed: Bool

    public init(character: Character, length: Int, indent: Int, isClosed: Bool) {
        self.character = character
        self.length = length
        self.indent = indent
        self.isClosed = isClosed
    }
}

/// Reads the fence of a libcmark code block; libcmark 0.30 has no API for it, so it is read
/// from what the tree says, checked against the source lines:
/// - a block is indented, not fenced, when its info string is empty and its code's first
///   line is the whole source line at its start (a fenced block never holds its own opening
///   line: a bare fence line inside it would close it);
/// - a fence is closed when the block ends on a later line inside its container, its code
///   has exactly the lines in between, and that last line is a run of at least as many fence
///   characters with nothing but spaces or tabs after it (once the container's `>`, spaces
///   and tabs are passed). libcmark otherwise ends an unclosed block at the end of its
///   container, sometimes one line past it.
struct FenceReading {
    var fence: Fence?

    init(start: Position, end: Position, parentEnd: Position, info: String, literal: String, lines: SourceLines) {
        guard start.line >= 1, start.line <= lines.count else { return }
        let opening = lines[start.line - 1].dropFirst(max(0, start.column - 1))
        let indent = opening.prefix { $0 == UInt8(ascii: " ") }.count
        let body = opening.dropFirst(indent)
        guard let first = body.first, first == UInt8(ascii: "`") || first == UInt8(ascii: "~") else { return }
        let length = body.prefix { $0 == first }.count
        guard length >= 3 else { return }
        if info.isEmpty, literal.utf8.split(separator: UInt8(ascii: "\n"), maxSplits: 1, omittingEmptySubsequences: false)
            .first.map({ $0.elementsEqual(opening) }) == true {
            return
        }
        var codeLines = 0
        for byte in literal.utf8 where byte == UInt8(ascii: "\n") { codeLines += 1 }
        var closed = false
        if end.line > start.line, end.line <= parentEnd.line, end.line <= lines.count, codeLines == end.line - start.line - 1 {
            let closing = lines[end.line - 1].drop { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") || $0 == UInt8(ascii: ">") }
            let run = closing.prefix { $0 == first }.count
            closed = run >= length && closing.dropFirst(run).allSatisfy { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
        }
        fence = Fence(character: Character(Unicode.Scalar(first)), length: length, indent: indent, isClosed: closed)
    }
}

/// A text's lines as UTF-8 bytes without their "\n", found once with `memchr`.
struct SourceLines {
    private let bytes: [UInt8]
    private var starts: [Int] = [0]

    init(_ text: String) {
        bytes = Array(text.utf8)
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            var offset = 0
            while offset < buffer.count, let found = memchr(base + offset, 0x0A, buffer.count - offset) {
                offset = base.distance(to: found.assumingMemoryBound(to: UInt8.self)) + 1
                starts.append(offset)
            }
        }
    }

    var count: Int { starts.count }

    /// Line `index + 1`'s bytes.
    subscript(index: Int) -> ArraySlice<UInt8> {
        let end = index + 1 < starts.count ? starts[index + 1] - 1 : bytes.count
        return bytes[starts[index]..<end]
    }
}
