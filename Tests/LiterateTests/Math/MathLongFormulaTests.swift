import Foundation
import Testing
@testable import Literate

/// Case 7 of issue 19: the length of a formula never decides the depth of a recursion.
@Suite struct MathLongFormulaTests {
    @Test func aFlatSumOfAHundredThousandTermsIsChecked() {
        let terms = Array(repeating: "1", count: 100_000).joined(separator: " + ")
        #expect(messages(terms + " = 100000").isEmpty)
        #expect(check(terms + " = 100000").steps.map(\.passed) == [true])
        #expect(messages(terms + " = 99999") == ["c.md:2:\(terms.utf8.count + 4): error: this step gives 100000, but the text says 99999 (exact)"])
        let products = Array(repeating: "1", count: 100_000).joined(separator: " \\cdot ")
        #expect(messages(products + " = 2") == ["c.md:2:\(products.utf8.count + 4): error: this step gives 1, but the text says 2 (exact)"])
        let powers = Array(repeating: "1", count: 50_000).joined(separator: "^")
        #expect(messages(powers + " = 2").count == 1)
    }

    /// Deep nesting is not read (and counted), never a crash.
    @Test func deepNestingIsCountedNotACrash() {
        let signs = String(repeating: "-", count: 100_000) + "1 = 1"
        #expect(check(signs).unreadable.count == 1)
        let brackets = String(repeating: "(", count: 50_000) + "1" + String(repeating: ")", count: 50_000) + " = 1"
        #expect(check(brackets).unreadable.count == 1)
        let roots = String(repeating: "\\sqrt", count: 50_000) + " 1 = 1"
        #expect(check(roots).unreadable.count == 1)
    }

    /// The way `book check` and `book watch` run it: on a worker thread, whose stack is small.
    @Test func aHugeSumIsCheckedOnAWorkerThread() throws {
        let folder = NSTemporaryDirectory() + "literate-long-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let terms = Array(repeating: "0.5", count: 100_000).joined(separator: " + ")
        try "# Long\n\n```math\n\(terms) = 50000\n```\n".write(toFile: folder + "/c.md", atomically: true, encoding: .utf8)
        let reports = MathCheck.checkInBackground([try ChapterParser.read(path: folder + "/c.md")])()
        #expect(reports.first?.steps.map(\.passed) == [true])
    }
}
