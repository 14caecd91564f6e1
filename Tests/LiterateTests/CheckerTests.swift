import Foundation
import Testing
@testable import Literate

/// Every fixture book checked once, in one parallel run, shared by the tests below (compiling
/// Swift is the slow part: one run keeps the suite fast).
private enum Fixtures {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures").path
    static let cases = ["passing", "wrong-output", "rounded-output", "wrong-prose", "compile-error", "trap", "hang", "must-fail-compiles",
                        "must-trap-finishes", "unknown-option", "unknown-name", "unclosed-fence", "orphan-output", "empty",
                        "not-utf8", "floods", "reads-stdin", "shape-mismatch", "crlf", "lone-cr", "bom", "swallowed-fence",
                        "unclosed-text-fence", "fence-in-html", "indented-fence", "tab-closing-fence", "deep-nesting",
                        "leaves-child", "closes-outputs", "bad-frames", "several-wrong-lines", "deprecated-name",
                        "compile-notes"]
    static let options = CheckOptions(timeout: 3, useCache: false, outputLimit: 1 << 20)

    static func path(_ name: String) -> String { folder + "/" + name + "/chapter.md" }

    /// One compiled Learning and Plot for every test, even if their sources change meanwhile.
    static let toolchain: Result<Toolchain, BookError> = Result {
        try Toolchain.prepare(project: Project.locate(from: folder)) {}
    }.mapError { $0 as? BookError ?? .io("\($0)") }

    static func checker(_ options: CheckOptions) throws -> Checker {
        var checker = Checker(project: try Project.locate(from: folder), options: options)
        checker.toolchain = try toolchain.get()
        return checker
    }

    static let reports: Result<[String: ChapterReport], BookError> = {
        do {
            let checker = try checker(options)
            let reports = try checker.check(paths: cases.map(path))
            return .success(Dictionary(uniqueKeysWithValues: zip(cases, reports)))
        } catch let error as BookError {
            return .failure(error)
        } catch {
            return .failure(.io("\(error)"))
        }
    }()

    static func report(_ name: String) throws -> ChapterReport {
        try #require(try reports.get()[name])
    }

    /// The errors and notes as `book check` prints them, with the fixture folder shortened to `<name>/`.
    static func printed(_ name: String) throws -> [String] {
        try report(name).diagnostics.map { $0.description.replacingOccurrences(of: folder + "/", with: "") }
    }
}

@Suite struct CheckerTests {
    @Test func aPassingChapterPassesWithItsResults() throws {
        let report = try Fixtures.report("passing")
        #expect(try Fixtures.printed("passing") == [])
        #expect(report.passed)
        #expect(report.blocks.map(\.ran) == [true, true, true, false, false, true])
        #expect(report.blocks[1].output.hasPrefix("z = 1.25 [1.25, 125%\nline 1\n"))
        #expect(report.blocks[2].trap == "Fatal error: Index out of range")
        #expect(report.checks.map(\.passed) == [true, true, true])
        #expect(report.checks.map(\.computed) == [1.25, 2.501, 1.25])
    }

    @Test func aWrongNumberInAnOutputBlock() throws {
        #expect(try Fixtures.printed("wrong-output") == ["wrong-output/chapter.md:8:6: error: expected 0.5866 (±0.00005), got 0.58712"])
    }

    @Test func anOutputBlockThatRoundsThePrintedDigits() throws {
        #expect(try Fixtures.printed("rounded-output") == [
            "rounded-output/chapter.md:8:6: error: the block shows 0.5866, but the program printed 0.586612; write the printed "
                + "digits, or print 4 decimals in the code with `.formatted(decimals: 4)` (an output block shows what the "
                + "program prints; give it a tolerance to compare approximately)"])
    }

    @Test func aRenamedLearningMemberIsAWarningWithItsFixIt() throws {
        let report = try Fixtures.report("deprecated-name")
        #expect(try Fixtures.printed("deprecated-name") == [
            "deprecated-name/chapter.md:4:23: warning: 'derivative(output:)' is deprecated: renamed to 'derivative(fromOutput:)' [#DeprecatedDeclaration]\n"
                + "deprecated-name/chapter.md:4:23: note: use 'derivative(fromOutput:)' instead (fix-it: write 'fromOutput' at 4:34)"])
        // Not fatal: the old spelling runs and prints what the new one gives.
        #expect(report.passed)
        #expect(report.blocks.first?.output == "0.25\n")
    }

    @Test func theCompilersNotesAndFixItsStayWithItsError() throws {
        #expect(try Fixtures.printed("compile-notes") == [
            "compile-notes/chapter.md:5:20: error: value of optional type 'Int?' must be unwrapped to a value of type 'Int'\n"
                + "compile-notes/chapter.md:5:20: note: coalesce using '??' to provide a default when the optional value contains 'nil' "
                + "(fix-it: write '?? <#default value#>' at 5:28)\n"
                + "compile-notes/chapter.md:5:20: note: force-unwrap using '!' to abort execution if the optional value contains 'nil' "
                + "(fix-it: write '!' at 5:27)"])
    }

    @Test func everyWrongLineOfAnOutputBlockIsReported() throws {
        #expect(try Fixtures.printed("several-wrong-lines") == [
            "several-wrong-lines/chapter.md:14:9: error: expected 0.5 (±0.05), got 0.25",
            "several-wrong-lines/chapter.md:16:9: error: expected 0.2 (±0.05), got 0.0625",
            "several-wrong-lines/chapter.md:17:10: error: expected \"training done\", got \"training finished\"",
        ])
    }

    @Test func aWrongNumberInProse() throws {
        #expect(try Fixtures.printed("wrong-prose")
            == ["wrong-prose/chapter.md:3:29: error: expected 0.5866 (±0.00005), but the code computed 0.58712 for 'h1'"])
        #expect(try Fixtures.report("wrong-prose").checks.first?.computed == 0.58712)
    }

    @Test func aCompileErrorIsAtTheMarkdownLineAndColumn() throws {
        #expect(try Fixtures.printed("compile-error")
            == ["compile-error/chapter.md:8:16: error: cannot convert value of type 'String' to specified type 'Int'"])
    }

    @Test func aTrapIsAtTheInnermostChapterLineWithTheOutputBefore() throws {
        #expect(try Fixtures.printed("trap") == [
            "trap/chapter.md:10:9: error: the code trapped: Fatal error: Index out of range",
            "trap/chapter.md:10:9: note: printed before the failure:\nbefore\nstill here",
        ])
    }

    @Test func aTrapInsideLearningIsAtTheChapterLineThatCalledIt() throws {
        #expect(try Fixtures.printed("shape-mismatch") == [
            "shape-mismatch/chapter.md:7:11: error: the code trapped: Fatal error: shape mismatch: cannot multiply (2, 3) by (2, 2)",
            "shape-mismatch/chapter.md:7:11: note: printed before the failure:\nW is (2, 3)",
        ])
    }

    @Test func framesReachTheReportAndBadFramesAreRefusedAtTheirLine() throws {
        let report = try Fixtures.report("bad-frames")
        let figure = try #require(report.blocks[0].figures.first)
        #expect(figure.parameter == "top" && figure.caption == "Two lines." && figure.alt == "Two frames." && figure.svg.isEmpty)
        #expect(figure.frames.map(\.label) == ["top = 1.0", "top = 2.0"])
        #expect(figure.frames.map(\.alt) == ["a line up to 1.0", "a line up to 2.0"])
        #expect(figure.frames.allSatisfy { $0.svg.hasPrefix("<svg") })
        let printed = try Fixtures.printed("bad-frames")
        #expect(printed.count == 2)
        #expect(printed.last == "bad-frames/chapter.md:23:14: note: printed before the failure:\nshown")
        #expect(printed.first?.hasPrefix("bad-frames/chapter.md:23:14: error: the code trapped: Fatal error: frame \"five\" has x axis 0 to 1, y axis 0 to 5") == true)
        #expect(printed.first?.hasSuffix("so they stay put as the slider moves") == true)
    }

    @Test func aHangIsStoppedAndPlacedWhereItWasStuck() throws {
        #expect(try Fixtures.printed("hang") == [
            "hang/chapter.md:9:13: error: the chapter did not finish within 3 s and was stopped here (an endless loop?); allow more with --timeout",
            "hang/chapter.md:9:13: note: printed before the failure:\nstarting",
        ])
    }

    @Test func mustFailToCompileButCompiles() throws {
        #expect(try Fixtures.printed("must-fail-compiles")
            == ["must-fail-compiles/chapter.md:7:1: error: expected a compile error containing 'cannot convert', but the block compiled"])
    }

    @Test func mustTrapButFinishes() throws {
        #expect(try Fixtures.printed("must-trap-finishes") == ["must-trap-finishes/chapter.md:3:1: error: expected a trap, but the block finished"])
        #expect(try Fixtures.report("must-trap-finishes").blocks.map(\.output) == ["3\n", "after\n"])
    }

    @Test func anUnknownOption() throws {
        #expect(try Fixtures.printed("unknown-option") == ["unknown-option/chapter.md:3:10: error: unknown option 'hiden'; did you mean 'hidden'?"])
    }

    @Test func anUnknownNameListsTheRecordedOnes() throws {
        #expect(try Fixtures.printed("unknown-name") == [
            "unknown-name/chapter.md:3:51: error: no value named 'h2' was recorded (recorded: loss, h1); add record(\"h2\", value) to the code",
        ])
    }

    @Test func badInputGetsOneClearMessage() throws {
        #expect(try Fixtures.printed("unclosed-fence") == ["unclosed-fence/chapter.md:3:1: error: code block is never closed; add a closing ``` line after its last line"])
        #expect(try Fixtures.printed("orphan-output") == [
            "orphan-output/chapter.md:5:1: error: output block has no swift block directly above it; put it right after the block whose output it shows",
        ])
        #expect(try Fixtures.printed("empty") == ["empty/chapter.md:1:1: error: chapter is empty; write the chapter or remove the file"])
        #expect(try Fixtures.printed("not-utf8") == ["not-utf8/chapter.md:1:6: error: file is not valid UTF-8 (byte 0xE9); save it as UTF-8"])
    }

    @Test func crlfAndLoneCRChaptersAreCheckedAtTheRightColumns() throws {
        for name in ["crlf", "lone-cr"] {
            #expect(try Fixtures.printed(name) == [
                "\(name)/chapter.md:12:5: error: expected 0.3 (±0.05), got 0.2",
                "\(name)/chapter.md:3:17: error: expected 0.3 (±0.05), but the code computed 0.2 for 'z'",
            ])
        }
    }

    @Test func aByteOrderMarkDoesNotHideTheFirstBlock() throws {
        #expect(try Fixtures.printed("bom") == ["bom/chapter.md:6:1: error: expected \"two\", got \"one\""])
    }

    @Test func aBlockLeftOpenThatSwallowsSwiftIsAnError() throws {
        #expect(try Fixtures.printed("swallowed-fence") == [
            "swallowed-fence/chapter.md:6:1: error: this ```swift line is inside the ```text block opened at line 3, so it is not run; close that block before this line",
        ])
        #expect(try Fixtures.printed("unclosed-text-fence") == [
            "unclosed-text-fence/chapter.md:11:1: error: code block is never closed; add a closing ~~~ line after its last line",
        ])
    }

    @Test func aFenceInsideHTMLIsAWarningAndTheRestRuns() throws {
        let report = try Fixtures.report("fence-in-html")
        #expect(try Fixtures.printed("fence-in-html") == [
            "fence-in-html/chapter.md:5:1: warning: this ```swift line is inside an HTML block, so it is not a code block and is not run; put a blank line between the HTML and the fence",
        ])
        #expect(report.passed)
        #expect(report.blocks.map(\.output) == ["run\n"])
    }

    @Test func fencesAreReadAsLibcmarkReadsThem() throws {
        // A fence shown inside an indented block is an example, not code.
        #expect(try Fixtures.printed("indented-fence") == [])
        #expect(try Fixtures.report("indented-fence").blocks.map(\.output) == ["run\n"])
        // A tab before the closing fence in a list item still closes it.
        #expect(try Fixtures.printed("tab-closing-fence") == [])
        #expect(try Fixtures.report("tab-closing-fence").blocks.map(\.output) == ["one\n"])
    }

    @Test func deepNestingIsAnErrorNotACrash() throws {
        #expect(try Fixtures.printed("deep-nesting") == [
            "deep-nesting/chapter.md:3:100: error: markdown nests more than 100 levels deep here (quotes, lists or emphasis); flatten it",
        ])
    }

    @Test func aProcessLeftRunningIsStoppedAndReported() throws {
        #expect(try Fixtures.printed("leaves-child") == [
            "leaves-child/chapter.md:3:1: error: the chapter's program ended but left a process it started running, holding its output open, (stopped by book); wait for every process the chapter starts, e.g. with waitUntilExit()",
        ])
        #expect(try Fixtures.report("leaves-child").blocks.map(\.output) == ["started\n"])
    }

    @Test func aChapterThatClosesItsOutputsAndLoopsIsStopped() throws {
        #expect(try Fixtures.printed("closes-outputs") == [
            "closes-outputs/chapter.md:3:1: error: the chapter did not finish within 3 s and was stopped while this block ran (an endless loop?); allow more with --timeout",
        ])
    }

    @Test func aFloodOfOutputIsStopped() throws {
        let printed = try Fixtures.printed("floods")
        #expect(printed.first == "floods/chapter.md:3:1: error: the chapter printed more than 1 MB and was stopped while this block ran; print less")
        #expect(try Fixtures.report("floods").blocks[0].output.utf8.count <= 4096)
    }

    @Test func readingStandardInputStopsAtTheLine() throws {
        #expect(try Fixtures.printed("reads-stdin").first
            == "reads-stdin/chapter.md:5:12: error: the code trapped: Fatal error: chapter code must not read standard input; put the data in the code or in a file")
    }
}

@Suite struct CacheTests {
    /// The files a chapter reads, in a subfolder of `data/` or beside it, are part of its key.
    @Test func editingAFileTheChapterReadsRunsItAgain() throws {
        let folder = NSTemporaryDirectory() + "literate-stale-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.copyItem(atPath: Fixtures.folder + "/stale-data", toPath: folder)
        let checker = try Fixtures.checker(CheckOptions(timeout: 5))
        let path = folder + "/chapter.md"
        #expect(try checker.check(paths: [path]).first?.passed == true)
        for file in ["data/sub/n.txt", "beside.txt"] {
            try "2\n".write(toFile: folder + "/" + file, atomically: false, encoding: .utf8)
            let edited = try #require(try checker.check(paths: [path]).first)
            #expect(edited.isCached == false && edited.passed == false, "\(file)")
            try "1\n".write(toFile: folder + "/" + file, atomically: false, encoding: .utf8)
        }
        // Back to the first content, the first report answers again.
        let restored = try #require(try checker.check(paths: [path]).first)
        #expect(restored.isCached && restored.passed)
    }

    @Test func theFolderDigestKeepsEveryFileButChaptersAndHiddenOnes() throws {
        let folder = NSTemporaryDirectory() + "literate-digest-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for file in ["a.md", "b.csv", "data/c.md", "data/sub/d.txt", ".swap", ".git/e"] {
            let path = folder + "/" + file
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try "x".write(toFile: path, atomically: false, encoding: .utf8)
        }
        #expect(FolderDigest.files(in: folder) == ["b.csv", "data/c.md", "data/sub/d.txt"])
    }

    @Test func anUnchangedChapterIsNotRunAgainAndAChangeIsNoticed() throws {
        let folder = NSTemporaryDirectory() + "literate-cache-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/chapter.md"
        let nonce = UUID().uuidString
        try "```swift\nlet nonce = \"\(nonce)\"\nrecord(\"x\", 1)\n```\n\nx is [1](check:x).\n".write(toFile: path, atomically: true, encoding: .utf8)
        let checker = try Fixtures.checker(CheckOptions(timeout: 5))
        let first = try #require(try checker.check(paths: [path]).first)
        #expect(first.isCached == false && first.passed)
        let second = try #require(try checker.check(paths: [path]).first)
        #expect(second.isCached && second.passed)
        #expect(second.checks == first.checks)
        try "```swift\nlet nonce = \"\(nonce)\"\nrecord(\"x\", 2)\n```\n\nx is [1](check:x).\n".write(toFile: path, atomically: true, encoding: .utf8)
        let third = try #require(try checker.check(paths: [path]).first)
        #expect(third.isCached == false && third.passed == false)
    }
}
