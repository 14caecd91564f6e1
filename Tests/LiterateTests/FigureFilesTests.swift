import Foundation
import Testing
@testable import Literate

@Suite struct FigureFilesTests {
    @Test func everyFigureIsWrittenNumberedAsTheWebsiteNumbersIt() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("figure-files-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data("old".utf8).write(to: folder.appendingPathComponent("figure-9.9.svg"))
        let frames = FigureResult(caption: "Steps", alt: "a", parameter: "α", frames: [
            FigureFrame(label: "α = 0.1", svg: "<svg>1</svg>", alt: "a1"), FigureFrame(label: "α = 0.4", svg: "<svg>2</svg>", alt: "a2"),
        ])
        let report = ChapterReport(path: "chapters/06-back.md", chapter: nil, blocks: [
            BlockResult(index: 1, line: 20, ran: true, figures: [frames]),
            BlockResult(index: 0, line: 5, ran: true, figures: [FigureResult(svg: "<svg>one</svg>", caption: "Loss", alt: "x")]),
        ])
        let written = try FigureFiles.write(report, chapter: FigureFiles.chapterNumber(of: report.path), to: folder)
        #expect(written.map(\.number) == ["6.1", "6.2", "6.2"])
        #expect(written.map(\.caption) == ["Loss", "Steps (α = 0.1)", "Steps (α = 0.4)"])
        #expect(written.map { URL(fileURLWithPath: $0.path).lastPathComponent } == ["figure-6.1.svg", "figure-6.2-frame-1.svg", "figure-6.2-frame-2.svg"])
        #expect(try String(contentsOfFile: written[0].path, encoding: .utf8) == "<svg>one</svg>")
        #expect(try String(contentsOfFile: written[2].path, encoding: .utf8) == "<svg>2</svg>")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(names == ["figure-6.1.svg", "figure-6.2-frame-1.svg", "figure-6.2-frame-2.svg"], "earlier figures are removed")
    }

    @Test func chapterNumberComesFromTheFileName() {
        #expect(FigureFiles.chapterNumber(of: "chapters/06-backpropagation.md") == 6)
        #expect(FigureFiles.chapterNumber(of: "README.md") == nil)
        #expect(FigureFiles.chapterNumber(of: "2024.md") == nil)
    }
}
