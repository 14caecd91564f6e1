import Testing
@testable import Plot

@Suite struct FramesTests {
    /// Gradient descent on (w - 3)² at rate alpha, drawn on fixed axes as the chapter does.
    private func drawing(_ alpha: Double, yRange: ClosedRange<Double> = 0...50) -> Figure {
        var w = 0.0
        var ws = [w]
        for _ in 0..<4 { w -= alpha * 2 * (w - 3); ws.append(w) }
        return ScatterPlot(title: "α = \(alpha)", xLabel: "w", yLabel: "J", xRange: -4...10, yRange: yRange)
            .points("w", xs: ws, ys: ws.map { ($0 - 3) * ($0 - 3) }, joined: true)
            .figure(caption: "α = \(alpha).", alt: "Points for α = \(alpha).")
    }

    private func frames(_ alphas: [Double]) -> [Frame] { alphas.map { Frame("α = \($0)", drawing($0)) } }

    @Test func keepsEveryFrameInOrderWithItsLabelAndDrawing() throws {
        let figure = Frames(parameter: "learning rate α", caption: "Watch the jumps.", alt: "Three runs.", frames: frames([0.1, 0.5, 0.9]))
        #expect(figure.frames.map(\.label) == ["α = 0.1", "α = 0.5", "α = 0.9"])
        #expect(figure.parameter == "learning rate α" && figure.caption == "Watch the jumps." && figure.alt == "Three runs.")
        for (frame, alpha) in zip(figure.frames, [0.1, 0.5, 0.9]) {
            let root = try XML.parse(frame.figure.svg)
            #expect(root.attributes["viewBox"] == "0 0 640 420")
            #expect(root.elements("title").first?.text == "Points for α = \(alpha).")
            #expect(root.elements(class: "plot-points-path").count == 1)
        }
        // Different drawings, so their ids differ and several frames can share a page.
        let ids = figure.frames.map { try? XML.parse($0.figure.svg).attributes["aria-labelledby"] }
        #expect(Set(ids).count == 3)
    }

    @Test func chartsDescribeTheirAxesAndSizeForComparison() {
        #expect(drawing(0.1).viewBox == "0 0 640 420")
        #expect(drawing(0.1).axes == drawing(0.9).axes)
        #expect(drawing(0.1).axes?.hasPrefix("x axis -4 to 10, y axis 0 to 50, plot area ") == true)
        #expect(Figure(svg: "<svg viewBox=\"0 0 10 20\"></svg>", caption: "", alt: "").viewBox == "0 0 10 20")
        #expect(Figure(svg: "<svg></svg>", caption: "", alt: "").viewBox == nil)
    }

    @Test func anEmptyListSaysWhatToGive() {
        #expect(Frames.problem(parameter: "learning rate α", frames: [])
                == "frames for \"learning rate α\" are empty; give one Frame(label, figure) per value of learning rate α")
    }

    @Test func oneFrameIsNotASlider() {
        #expect(Frames.problem(parameter: "β", frames: frames([0.5]))?.contains("a slider needs at least two, or show the figure alone with show(figure)") == true)
    }

    @Test func labelsMustBeGivenAndDistinct() {
        #expect(Frames.problem(parameter: "", frames: frames([0.1, 0.2]))?.hasPrefix("frames need a parameter") == true)
        #expect(Frames.problem(parameter: "α", frames: [Frame("α = 0.1", drawing(0.1)), Frame("", drawing(0.2))])
                == "frame 2 of \"α\" has an empty label; label it with its value, e.g. \"α = 0.4\"")
        #expect(Frames.problem(parameter: "α", frames: [Frame("α = 0.1", drawing(0.1)), Frame("α = 0.1", drawing(0.2))])
                == "two frames are labelled \"α = 0.1\"; give each frame its own value")
    }

    @Test func theSameDrawingTwiceIsRefused() {
        #expect(Frames.problem(parameter: "α", frames: [Frame("α = 0.1", drawing(0.1)), Frame("again", drawing(0.1))])
                == "frames \"α = 0.1\" and \"again\" are the same drawing; draw each frame from its own value")
    }

    @Test func framesOfAnotherSizeAreRefused() {
        let small = Figure(svg: "<svg viewBox=\"0 0 320 210\"></svg>", caption: "c", alt: "a")
        let message = Frames.problem(parameter: "α", frames: [Frame("α = 0.1", drawing(0.1)), Frame("small", small)])
        #expect(message == "frame \"small\" is 320 × 210 but frame \"α = 0.1\" is 640 × 420; "
                + "draw every frame at the same size, so the page does not jump as the slider moves")
    }

    @Test func framesWhoseAxesMoveAreRefused() {
        let message = Frames.problem(parameter: "α", frames: [Frame("α = 0.1", drawing(0.1)), Frame("α = 0.9", drawing(0.9, yRange: 0...10))])
        #expect(message?.hasPrefix("frame \"α = 0.9\" has x axis -4 to 10, y axis 0 to 10") == true)
        #expect(message?.hasSuffix("fix the axes with xRange: and yRange: (and the same legend), so they stay put as the slider moves") == true)
        #expect(Frames.problem(parameter: "α", frames: frames([0.1, 0.9])) == nil)
    }

    @Test func badFramesStopTheProgram() async {
        await #expect(processExitsWith: .failure) {
            _ = Frames(parameter: "α", caption: "c", alt: "a", frames: [])
        }
    }

    @Test func joinedPointsDrawALineThroughThemInOrderBreakingAtGaps() throws {
        let plot = ScatterPlot(xRange: 0...2, yRange: 0...2).points("p", xs: [0, 1, .nan, 2], ys: [0, 1, 1, 2], joined: true)
        let root = try XML.parse(plot.figure(caption: "c", alt: "a").svg)
        let line = root.elements(class: "plot-points-path")
        #expect(line.count == 1)
        #expect(line[0].attributes["d"]!.filter { $0 == "M" }.count == 2)
        #expect(line[0].attributes["d"]!.filter { $0 == "L" }.count == 1)
        #expect(line[0].attributes["stroke"] == Palette.colour(0))
        #expect(try XML.parse(ScatterPlot().points("p", xs: [0, 1], ys: [0, 1]).figure(caption: "c", alt: "a").svg)
            .elements(class: "plot-points-path").isEmpty)
        // A path runs along curves such as the cost it descends: it is drawn over the lines,
        // plain points under them.
        let layered = try XML.parse(ScatterPlot(xRange: 0...2, yRange: 0...2).points("data", xs: [1], ys: [1])
            .points("path", xs: [0, 2], ys: [0, 2], joined: true).line("curve", xs: [0, 2], ys: [2, 0])
            .figure(caption: "c", alt: "a").svg)
        let order = layered.all.compactMap { $0.attributes["class"] }.filter { $0.hasPrefix("plot-points") || $0 == "plot-line" }
        #expect(order == ["plot-points", "plot-line", "plot-points-path", "plot-points"])
    }
}
