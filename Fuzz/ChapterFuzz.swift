import Literate
import Markdown
import Foundation

/// libFuzzer's entry: one input as a chapter file. Reads it as `book check` does (the chapter
/// parser, with its prose checks, and the math checker) and stops the run (a finding) when a
/// diagnostic lies outside the file: its line must be one of the file's lines and its column
/// at most one past the line's last byte. A crash is a finding by itself.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzChapter(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    var diagnostics = ChapterParser.parse(data: bytes, path: "fuzz.md").diagnostics
    if let text = String(validating: bytes, as: UTF8.self) {
        diagnostics += MathCheck.check(text: text, path: "fuzz.md").diagnostics
    }
    let lines = CommonMark.normalized(String(decoding: bytes, as: UTF8.self)).utf8
        .split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map(\.count)
    for diagnostic in diagnostics {
        let inside = diagnostic.line >= 1 && diagnostic.line <= lines.count
            && diagnostic.column >= 1 && diagnostic.column <= lines[diagnostic.line - 1] + 1
        if !inside {
            FileHandle.standardError.write(Data("finding: \(diagnostic) lies outside the file (\(lines.count) lines)\n".utf8))
            fatalError("diagnostic outside the file")
        }
    }
    return 0
}
