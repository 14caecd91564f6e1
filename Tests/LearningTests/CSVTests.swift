import Testing
import Learning

@Suite struct CSVTests {
    @Test func plainNumbers() throws {
        let rows = try CSV.parse("1,2,3\n4.5,-6,7e-1\n")
        #expect(rows == [[1, 2, 3], [4.5, -6, 0.7]])
    }

    @Test func skipsAScikitLearnHeader() throws {
        // Same field count as the data, but names in it.
        #expect(try CSV.parse("2,2,setosa,versicolor\n1,2,3,0\n4,5,6,1\n") == [[1, 2, 3, 0], [4, 5, 6, 1]])
        // All numbers, but a different field count from the data.
        #expect(try CSV.parse("2,2\n1,2,0\n4,5,1\n") == [[1, 2, 0], [4, 5, 1]])
    }

    @Test func toleratesWindowsLineEndsBlankLinesAndSpaces() throws {
        #expect(try CSV.parse("1, 2\r\n\r\n3 ,4\r\n\n") == [[1, 2], [3, 4]])
    }

    @Test func wrongFieldCountNamesFileAndLine() {
        #expect(throws: CSVError(path: "x.csv", line: 3, message: "expected 2 fields, found 3: fix or remove this line")) {
            try CSV.parse("1,2\n3,4\n5,6,7\n", path: "x.csv")
        }
    }

    @Test func notANumberNamesFileLineAndField() throws {
        do {
            _ = try CSV.parse("1,2\n3,4\n5,abc\n", path: "data/x.csv")
            Issue.record("should have thrown")
        } catch let error as CSVError {
            #expect(error.line == 3)
            #expect(error.description == "data/x.csv:3: field 2, 'abc', is not a number")
        }
    }

    @Test func missingFileIsAnError() {
        #expect(throws: CSVError.self) { try CSV.read("/nonexistent/nothing.csv") }
    }

    @Test func emptyTextIsAnError() {
        #expect(throws: CSVError.self) { try CSV.parse("\n\n") }
    }
}
