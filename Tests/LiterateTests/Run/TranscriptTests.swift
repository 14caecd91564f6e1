import Testing
@testable import Literate

@Suite struct TranscriptTests {
    @Test func outputIsSplitPerBlock() {
        let stdout = "\u{1E}book:block 0\nhello\npartial\u{1E}book:block 1\n"
            + "\u{1E}book:record 12 h1\u{1F}0.5866\n"
            + "\u{1E}book:figure <svg>\\n</svg>\u{1F}A caption\u{1F}alt \\\\ text\n"
            + "world\n\u{1E}book:end\n"
        let transcript = Transcript(stdout)
        #expect(transcript.outputs == [0: "hello\npartial", 1: "world\n"])
        #expect(transcript.records == [Transcript.Record(name: "h1", value: 0.5866, line: 12)])
        #expect(transcript.figures[1] == [FigureResult(svg: "<svg>\n</svg>", caption: "A caption", alt: "alt \\ text")])
        #expect(transcript.reachedEnd)
        #expect(transcript.completed(0) && transcript.completed(1))
    }

    @Test func aRecordedBoolIsAClaim() {
        let transcript = Transcript("\u{1E}book:block 0\n\u{1E}book:record 4 rises\u{1F}true\n\u{1E}book:record 5 flat\u{1F}false\n")
        #expect(transcript.records == [Transcript.Record(name: "rises", value: 1, line: 4, claim: true),
                                       Transcript.Record(name: "flat", value: 0, line: 5, claim: true)])
    }

    @Test func framesArriveAsOneFigureWithTheirLabelsAndDrawings() {
        let stdout = "\u{1E}book:block 0\n"
            + "\u{1E}book:frames learning rate α\u{1F}Watch.\u{1F}Two runs.\u{1F}α = 0.1\u{1F}<svg>\\n1</svg>\u{1F}slow\u{1F}α = 0.9\u{1F}<svg>2</svg>\u{1F}jumps\n"
            + "\u{1E}book:frames broken\u{1F}only two parts\n"
        let transcript = Transcript(stdout)
        #expect(transcript.figures[0] == [FigureResult(caption: "Watch.", alt: "Two runs.", parameter: "learning rate α", frames: [
            FigureFrame(label: "α = 0.1", svg: "<svg>\n1</svg>", alt: "slow"),
            FigureFrame(label: "α = 0.9", svg: "<svg>2</svg>", alt: "jumps"),
        ])])
    }

    @Test func anUnfinishedRunKnowsTheRunningBlock() {
        let transcript = Transcript("\u{1E}book:block 0\na\n\u{1E}book:block 1\nb\n")
        #expect(transcript.currentBlock == 1)
        #expect(transcript.completed(0))
        #expect(transcript.completed(1) == false)
        #expect(transcript.reachedEnd == false)
    }

    @Test func trapsAreReadFromTheBacktrace() {
        let stderr = """
        Swift/ContiguousArrayBuffer.swift:692: Fatal error: Index out of range

        *** Program crashed: Illegal instruction at 0x00007f6395d6df7f ***

        Thread 0 "t" crashed:

          0      0x00007f6395d6df7f closure #1 in _assertionFailure(_:_:file:line:flags:) + 623 in libswiftCore.so
          2 [ra] 0x00007f639639ff65 specialized Array.subscript.getter + 84 in libswiftSwiftOnoneSupport.so
          3 [ra] 0x00005587099e40c1 third(_:) + 32 in t at /book/trap/chapter.md:10:9
          4 [ra] 0x00005587099e41df main + 254 in t at /book/trap/chapter.md:13:7
        """
        let trap = Trap(stderr: stderr, path: "/book/trap/chapter.md", signal: 4)
        #expect(trap.message == "Fatal error: Index out of range")
        #expect(trap.location == Location(line: 10, column: 9))
    }

    @Test func aFramePathRelativeToTheCompileFolderMatches() {
        let stderr = "  2 [ra] 0x000055fbdc32b684 main + 787 in program at shape-mismatch/chapter.md:7:11\n"
        #expect(Trap(stderr: stderr, path: "/book/shape-mismatch/chapter.md", signal: 4).location == Location(line: 7, column: 11))
        #expect(Trap(stderr: stderr, path: "/book/other/chapter.md", signal: 4).location == nil)
    }

    @Test func aCrashWithoutMessageSaysWhatHappened() {
        let trap = Trap(stderr: "*** Program crashed: Illegal instruction at 0x0000 ***\n", path: "x.md", signal: 4)
        #expect(trap.message == "crashed: Illegal instruction")
        #expect(trap.location == nil)
    }
}
