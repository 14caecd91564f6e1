import Literate
import Testing
@testable import Site

@Suite struct PageRendererTests {
    let links = Links(pages: ["README.md": "index.html", "01-one.md": "01-one.html", "02-two.md": "02-two.html"])

    func render(_ markdown: String, results: PageResults = PageResults()) -> RenderedPage {
        PageRenderer.render(markdown: markdown, path: "chapters/01-one.md", results: results, links: links)
    }

    @Test func titleIsTheFirstHeading() {
        #expect(render("Some text\n\n# The *neuron*\n\n## Later\n").title == "The neuron")
    }

    @Test func inlineMathDropsTheDollars() {
        let page = render("The cost $`C = \\frac{1}{2} (a - y)^2`$ falls; a price of $5 and `code` stay.\n")
        #expect(page.body.contains("The cost <span class=\"math inline\">C = \\frac{1}{2} (a - y)^2</span> falls;"))
        #expect(page.body.contains("a price of $5 and <code>code</code> stay."))
    }

    @Test func mathBlockIsDisplayMathWithEscapedTeX() {
        let page = render("```math\na < b \\\\ c\n```\n")
        #expect(page.body == "<div class=\"math display\">a &lt; b \\\\ c</div>\n")
    }

    @Test func hiddenBlocksAreNotShown() {
        let page = render("```swift hidden\nlet secret = 1\n```\n\n```swift\nprint(secret)\n```\n")
        #expect(!page.body.contains("secret = 1"))
        #expect(page.body.contains("<span class=\"kw\">let</span>") == false)
        #expect(page.body.contains("print(secret)"))
    }

    @Test func checkedOutputIsMarkedAndShowsWhatWasPrinted() {
        let markdown = "```swift\nprint(0.58662)\n```\n\n```output\n0.5866\n```\n"
        let results = PageResults(blocks: [1: BlockOutcome(stdout: "0.58662\n", outputChecked: true)])
        let page = render(markdown, results: results)
        #expect(page.body.contains("<div class=\"output checked\">"))
        #expect(page.body.contains("<pre><code>0.5866\n</code></pre>"))
        #expect(page.body.contains("<details class=\"actual\"><summary>what the program printed</summary><pre>0.58662\n</pre></details>"))
        #expect(render(markdown).body.contains("<div class=\"output\">"))
    }

    @Test func checkedNumberCarriesTheComputedValueEscaped() {
        let results = PageResults(recorded: ["h1": "0.586618\"<x>"])
        let page = render("So [0.5866](check:h1) it is, and [1](check:nothing).\n", results: results)
        #expect(page.body.contains(#"<span class="checked" tabindex="0" data-computed="checked: the code computed 0.586618&quot;&lt;x&gt;""#))
        #expect(page.body.contains(">0.5866</span> it is"))
        #expect(page.body.contains(#"<span class="checked unverified" tabindex="0" data-computed="not checked yet">1</span>"#))
    }

    @Test func figuresFollowTheirBlockAndItsOutputNumberedInOrder() {
        let markdown = "```swift\nshow(a)\n```\n\n```output\nok\n```\n\nText.\n\n```swift hidden\nshow(b)\n```\n\nEnd.\n"
        let a = FigureResult(svg: "<svg>A</svg>", caption: "First <one>", alt: "a line")
        let b = FigureResult(svg: "<svg>B</svg>", caption: "Second", alt: "b")
        let results = PageResults(blocks: [1: BlockOutcome(stdout: "ok\n", outputChecked: true, figures: [a]),
                                           11: BlockOutcome(figures: [b])])
        let body = render(markdown, results: results).body
        let output = body.range(of: "<div class=\"output checked\">")!.lowerBound
        let first = body.range(of: "<figure id=\"figure-1\">")!.lowerBound
        let text = body.range(of: "<p>Text.</p>")!.lowerBound
        let second = body.range(of: "<figure id=\"figure-2\">")!.lowerBound
        let end = body.range(of: "<p>End.</p>")!.lowerBound
        #expect(output < first && first < text && text < second && second < end)
        #expect(body.contains("aria-label=\"a line\"><svg>A</svg></div><figcaption><span class=\"figure-number\">Figure 1.</span> First &lt;one&gt;</figcaption>"))
        #expect(!body.contains("show(b)"))
    }

    @Test func tablesRenderCellsInline() {
        let page = render("Before.\n\n| x | *y* |\n|---|--:|\n| 1 | [0.5](check:y) |\n", results: PageResults(recorded: ["y": "0.5"]))
        #expect(page.body.contains("<thead><tr><th>x</th><th style=\"text-align: right\"><em>y</em></th></tr></thead>"))
        #expect(page.body.contains("<td>1</td><td style=\"text-align: right\"><span class=\"checked\""))
    }

    @Test func tableInsideAListItem() {
        let page = render("- a list\n\n  | a | b |\n  |---|---|\n  | 1 | 2 |\n")
        #expect(page.body.contains("<td>1</td><td>2</td>"))
    }

    @Test func chapterLinksAreRewritten() {
        let page = render("Next: [two](02-two.md#layers), [home](README.md), [web](https://x.org/y.md).\n")
        #expect(page.body.contains("<a href=\"02-two.html#layers\">two</a>"))
        #expect(page.body.contains("<a href=\"index.html\">home</a>"))
        #expect(page.body.contains("<a href=\"https://x.org/y.md\">web</a>"))
        #expect(page.diagnostics.isEmpty)
    }

    @Test func brokenChapterLinksAreReportedAtTheirPosition() {
        let markdown = "# One\n\nFine [two](02-two.md) but\nthen [gone](03-gone.md) and [gone](03-gone.md).\n\n| a |\n|---|\n| see [x](04-x.md) |\n"
        let diagnostics = render(markdown).diagnostics.map(\.description)
        #expect(diagnostics == [
            "chapters/01-one.md:4:6: error: link to a missing chapter '03-gone.md'; fix the file name or add the chapter",
            "chapters/01-one.md:4:29: error: link to a missing chapter '03-gone.md'; fix the file name or add the chapter",
            "chapters/01-one.md:8:7: error: link to a missing chapter '04-x.md'; fix the file name or add the chapter",
        ])
    }

    @Test func headingsGetGitHubAnchorsAndSearchSections() {
        let page = render("# Loss, and cost\n\nWords here.\n\n## Loss, and cost\n\nMore.\n")
        #expect(page.body.contains("<h1 id=\"loss-and-cost\">"))
        #expect(page.body.contains("<h2 id=\"loss-and-cost-1\">"))
        #expect(page.sections.map(\.id) == ["", "loss-and-cost", "loss-and-cost-1"])
        #expect(page.sections[1].text == "Words here.")
    }

    @Test func swiftNotesForSpecialBlocks() {
        let page = render("```swift fails-to-compile=\"cannot convert\"\nlet x: Int = \"a\"\n```\n\n```swift traps\nfatalError()\n```\n")
        #expect(page.body.contains("does not compile: the compiler says \u{201C}cannot convert\u{201D}"))
        #expect(page.body.contains("stops with a trap</div>"))
    }
}

extension PageRendererTests {
    @Test func titlesAndSearchTextDropMathDollars() {
        let page = render("# The $`\\sigma`$ function\n\nIt costs $5 and $`x^2`$ grows.\n")
        #expect(page.title == "The \\sigma function")
        #expect(page.sections[1].text == "It costs $5 and x^2 grows.")
    }
}
