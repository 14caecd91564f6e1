import Testing
@testable import Markdown

@Suite struct PipeTableTests {
    @Test func headerDelimiterAndRowsWithAlignment() throws {
        let table = try #require(PipeTable(lines: ["| input | weight |  z |", "|:---|:---:|---:|", "| 1 | `a \\| b` | [0.5](check:z) |", "| 2 |"]))
        #expect(table.header == ["input", "weight", "z"])
        #expect(table.alignments == [.left, .center, .right])
        #expect(table.rows == [["1", "`a \\| b`", "[0.5](check:z)"], ["2", "", ""]])
    }

    @Test func pipesAtTheEdgesAreOptional() throws {
        let table = try #require(PipeTable(lines: ["a | b", "--- | ---", "1 | 2"]))
        #expect(table.header == ["a", "b"])
        #expect(table.rows == [["1", "2"]])
    }

    @Test func aParagraphIsNotATable() {
        #expect(PipeTable(lines: ["just a sentence", "and another"]) == nil)
        #expect(PipeTable(lines: ["a | b"]) == nil)
        #expect(PipeTable(lines: ["a | b | c", "--- | ---"]) == nil)
        #expect(PipeTable(lines: ["a | b", "x | y"]) == nil)
    }
}
