import Foundation

/// The figures a chapter's code showed, as files a reader can open: what `book run` writes
/// instead of only naming them.
///
/// Each figure is numbered as the website numbers it (the chapter's number, then the figure's
/// place in the chapter: Figure 6.1) and written as `figure-6.1.svg` in `folder`; a figure in
/// frames is written one file per frame, `figure-8.2-frame-3.svg`. The folder is emptied of
/// earlier figures first, so it holds exactly this run's.
public enum FigureFiles {
    /// One file written: the figure's number, its caption (and frame label), and its path.
    public struct Written: Hashable, Sendable {
        public var number: String
        public var caption: String
        public var path: String
    }

    /// Writes every figure of `report` (a chapter numbered `chapter`, or nil) into `folder`.
    public static func write(_ report: ChapterReport, chapter: Int?, to folder: URL) throws -> [Written] {
        let manager = FileManager.default
        try manager.createDirectory(at: folder, withIntermediateDirectories: true)
        for name in (try? manager.contentsOfDirectory(atPath: folder.path)) ?? [] where name.hasPrefix("figure-") && name.hasSuffix(".svg") {
            try? manager.removeItem(at: folder.appendingPathComponent(name))
        }
        var written: [Written] = []
        var count = 0
        for block in report.blocks.sorted(by: { $0.line < $1.line }) {
            for figure in block.figures {
                count += 1
                let number = chapter.map { "\($0).\(count)" } ?? "\(count)"
                let drawings = figure.frames.isEmpty
                    ? [(name: "figure-\(number).svg", caption: figure.caption, svg: figure.svg)]
                    : figure.frames.enumerated().map { index, frame in
                        (name: "figure-\(number)-frame-\(index + 1).svg", caption: "\(figure.caption) (\(frame.label))", svg: frame.svg)
                    }
                for drawing in drawings {
                    let url = folder.appendingPathComponent(drawing.name)
                    try Data(drawing.svg.utf8).write(to: url)
                    written.append(Written(number: number, caption: drawing.caption, path: url.path))
                }
            }
        }
        return written
    }

    /// The chapter number a file name starts with (`06-backpropagation.md` is 6); nil otherwise.
    public static func chapterNumber(of path: String) -> Int? {
        let name = URL(fileURLWithPath: path).lastPathComponent
        let digits = name.prefix { $0.isNumber }
        guard !digits.isEmpty, name.dropFirst(digits.count).first == "-" else { return nil }
        return Int(digits)
    }
}
