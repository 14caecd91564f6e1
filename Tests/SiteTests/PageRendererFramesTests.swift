import Literate
import Testing
@testable import Site

@Suite struct PageRendererFramesTests {
    let links = Links(pages: ["07-seven.md": "07-seven.html"])
    let frames = FigureResult(caption: "Watch <the> jumps.", alt: "Three runs.", parameter: "learning rate α", frames: [
        FigureFrame(label: "α = 0.1", svg: "<svg viewBox=\"0 0 640 420\" onload=\"x()\"><title>slow</title></svg>", alt: "creeps"),
        FigureFrame(label: "α = 0.5", svg: "<svg viewBox=\"0 0 640 420\"><title>one step</title></svg>", alt: "lands"),
        FigureFrame(label: "α = 0.9 \"big\"", svg: "<svg viewBox=\"0 0 640 420\"><script>x()</script></svg>", alt: "jumps"),
    ])

    func body(_ figures: [FigureResult]) -> String {
        let markdown = "```swift\nshow(frames)\n```\n\nAfter.\n"
        return PageRenderer.render(markdown: markdown, path: "chapters/07-seven.md", chapter: 7,
                                   results: PageResults(blocks: [1: BlockOutcome(figures: figures)]), links: links).body
    }

    @Test func everyFrameIsInThePageLabelledTheFirstCurrent() {
        let page = body([frames])
        #expect(page.contains("<figure id=\"figure-7-1\" class=\"frames\">"))
        #expect(page.components(separatedBy: " data-frame=").count - 1 == 3)
        #expect(page.contains("<div class=\"frame current\" data-frame=\"0\" data-label=\"α = 0.1\"><p class=\"frame-label\">α = 0.1</p><div class=\"figure-art\" role=\"img\" aria-label=\"creeps\"><svg"))
        #expect(page.contains("<div class=\"frame\" data-frame=\"1\" data-label=\"α = 0.5\"><p class=\"frame-label\">α = 0.5</p>"))
        #expect(page.contains("data-frame=\"2\" data-label=\"α = 0.9 &quot;big&quot;\""))
        #expect(page.contains("<title>one step</title>"))
    }

    @Test func theSliderIsANativeRangeOverTheFramesNamedByItsParameter() {
        let page = body([frames])
        #expect(page.contains("<label for=\"figure-7-1-slider\">learning rate α</label>"))
        #expect(page.contains("<input type=\"range\" id=\"figure-7-1-slider\" min=\"0\" max=\"2\" step=\"1\" value=\"0\" aria-valuetext=\"α = 0.1\" aria-describedby=\"figure-7-1-caption\">"))
        #expect(page.contains("<output for=\"figure-7-1-slider\" aria-hidden=\"true\">α = 0.1</output>"))
        #expect(page.contains("<figcaption id=\"figure-7-1-caption\"><a class=\"figure-number\" href=\"#figure-7-1\">Figure 7.1.</a> Watch &lt;the&gt; jumps."))
    }

    @Test func withoutTheScriptTheSliderIsHiddenAndTheFramesListed() {
        let page = body([frames])
        // book.js unhides the control; without it the frames stand stacked under their labels.
        #expect(page.contains("<div class=\"frames-control\" hidden>"))
        #expect(page.contains("<span class=\"frames-note\">3 frames: α = 0.1; α = 0.5; α = 0.9 &quot;big&quot;.</span>"))
        #expect(!page.contains("onload") && !page.contains("oninput"))  // no inline event attribute, from the page or a frame's SVG
        #expect(!page.contains("<script"))
    }

    @Test func framesAreNumberedWithOtherFiguresAndSearchable() {
        let single = FigureResult(svg: "<svg></svg>", caption: "Single.", alt: "one")
        let page = body([single, frames])
        #expect(page.contains("<figure id=\"figure-7-1\">") && page.contains("<figure id=\"figure-7-2\" class=\"frames\">"))
        let rendered = PageRenderer.render(markdown: "```swift\nshow(frames)\n```\n", path: "chapters/07-seven.md", chapter: 7,
                                           results: PageResults(blocks: [1: BlockOutcome(figures: [frames])]), links: links)
        #expect(rendered.sections.contains { $0.text.contains("Figure 7.1. Watch <the> jumps.") })
    }
}
