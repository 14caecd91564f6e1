import Testing
@testable import Literate

@Suite struct HiddenLinesTests {
    @Test func markersAreDroppedAndTheLinesBetweenFolded() {
        let split = HiddenLines.split("let a = 1\n  //#-hidden-code\nrecord(\"a\", a)\nrecord(\"b\", a)\n  //#-end-hidden-code \nprint(a)\n")
        #expect(split.code == "let a = 1\nrecord(\"a\", a)\nrecord(\"b\", a)\nprint(a)\n")
        #expect(split.folded == [1, 2])
        #expect(split.problems.isEmpty)
    }

    @Test func misplacedMarkersAreProblemsAtTheirLines() {
        #expect(HiddenLines.split("//#-hidden-code\na\n//#-hidden-code\nb\n//#-end-hidden-code\n//#-end-hidden-code\n").problems.map(\.line) == [2, 5])
        #expect(HiddenLines.split("a\n//#-hidden-code\nb\n").problems.map(\.line) == [1])
        #expect(!HiddenLines.hasMarkers("let hidden = \"code\""))
    }
}
