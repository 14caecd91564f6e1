import Foundation
import Markdown

/// A chapter read and parsed once, as every stage reads it: the checker (its blocks and prose
/// checks), the math check (its math sources), the website (its tree, with a position on
/// every node) and the sanitiser's audit. Made by `ChapterParser`; nothing downstream reads
/// the file or parses the Markdown again.
public struct ParsedChapter: Hashable, Sendable {
    /// The chapter's path as the user gave it; every diagnostic names this path.
    public var path: String
    /// The file's text as written (a site copies it as the chapter's source); empty when the
    /// file is not UTF-8.
    public var markdown: String
    /// Whether the file is UTF-8 text (when not, nothing else could be read from it).
    public var isUTF8 = true
    /// libcmark's tree of the normalised text, pipe tables included, every node positioned.
    public var document: Node
    /// The Swift blocks with their options and expected outputs, and the prose checks; nil
    /// when the file could not be parsed at all (not UTF-8, empty).
    public var chapter: Chapter?
    /// Every problem found in reading it, in file order.
    public var diagnostics: [Diagnostic]
    /// The normalised text's lines, as UTF-8 bytes without their "\n".
    public var lines: [[UInt8]]
    /// The ```` ```math ```` blocks and `` $`...`$ `` spans, in file order, each mapped back
    /// to the file.
    var math: [MathSource]

    init(path: String, markdown: String, document: Node, chapter: Chapter?, diagnostics: [Diagnostic],
         lines: [[UInt8]], math: [MathSource]) {
        self.path = path
        self.markdown = markdown
        self.document = document
        self.chapter = chapter
        self.diagnostics = diagnostics
        self.lines = lines
        self.math = math
    }

    /// The Swift blocks, in order, each with its options (`isHidden`, `mode`) and expected output.
    public var blocks: [CodeBlock] { chapter?.blocks ?? [] }

    /// Whether it can be run: it parsed, with no error.
    public var isRunnable: Bool { chapter != nil && !diagnostics.contains { $0.severity == .error } }

    /// The same chapter with the code of block `index` (its place among `blocks`) replaced by
    /// `code`, in `blocks` and in the tree, as a reader's edit would make it: positions,
    /// options and expected output stay. The file's text (`markdown`) is not changed. Nil
    /// when there is no such block.
    public func replacingCode(ofBlock index: Int, with code: String) -> ParsedChapter? {
        guard var chapter, chapter.blocks.indices.contains(index) else { return nil }
        var code = code
        if !code.isEmpty && !code.hasSuffix("\n") { code += "\n" }
        let line = chapter.blocks[index].fence.line
        chapter.blocks[index].code = code
        var edited = self
        edited.chapter = chapter
        edited.document = document.replacingCodeBlock(openingOn: line, with: code)
        return edited
    }
}

extension Node {
    /// This tree with the literal of the code block whose fence opens on `line` replaced.
    func replacingCodeBlock(openingOn line: Int, with code: String) -> Node {
        if case .codeBlock = kind, start.line == line {
            var node = self
            node.literal = code
            return node
        }
        guard start.line <= line, line <= max(end.line, start.line) || kind == .document else { return self }
        var node = self
        node.children = children.map { $0.replacingCodeBlock(openingOn: line, with: code) }
        return node
    }
}
