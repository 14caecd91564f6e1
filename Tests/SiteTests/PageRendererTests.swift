#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
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
        #expect(page.body.contains("The cost \u{0}0\u{0} falls;"))
        #expect(page.body.contains("a price of $5 and <code>code</code> stay."))
        #expect(page.formulas == [MathFormula(tex: "C = \\frac{1}{2} (a - y)^2", display: false, path: "chapters/01-one.md", line: 1, column: 12)])
        let filled = MathFormula.fill(page.body, formulas: page.formulas) { $0.html(typeset: nil) }
        #expect(filled.contains("The cost <span class=\"math inline math-untypeset\">C = \\frac{1}{2} (a - y)^2</span> falls;"))
    }

    @Test func mathBlockIsDisplayMathWithEscapedTeX() {
        let page = render("Text.\n\n```math\na < b \\\\ c\n```\n")
        #expect(page.body == "<p>Text.</p>\n\u{0}0\u{0}")
        #expect(page.formulas.map(\.line) == [4])
        #expect(page.formulas[0].html(typeset: nil) == "<div class=\"math display math-untypeset\" data-label=\"formula\">a &lt; b \\\\ c</div>\n")
        #expect(page.formulas[0].html(typeset: "<span class=\"katex\">K</span>") == "<div class=\"math display\" data-label=\"formula\"><span class=\"katex\">K</span></div>\n")
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
        #expect(page.body.contains("<pre data-label=\"output\"><code><span class=\"line\">0.5866\n</span></code></pre>"))
        #expect(page.body.contains("<details class=\"actual\"><summary>what the program printed</summary><pre data-label=\"what the program printed\"><code><span class=\"line\">0.58662\n</span></code></pre></details>"))
        #expect(render(markdown).body.contains("<div class=\"output\">"))
    }

    @Test func whatWasPrintedIsShownOnlyWhereItDiffers() {
        let markdown = "```swift\nprint(1)\n```\n\n```output\n1\n```\n"
        let same = PageResults(blocks: [1: BlockOutcome(stdout: "1  \n\n", outputChecked: true)])
        #expect(!render(markdown, results: same).body.contains("what the program printed"))
        let different = PageResults(blocks: [1: BlockOutcome(stdout: "1.0\n", outputChecked: true)])
        #expect(render(markdown, results: different).body.contains("what the program printed"))
    }

    @Test func checkedNumberCarriesTheComputedValueEscaped() {
        let results = PageResults(recorded: ["h1": "0.586618\"<x>"])
        let page = render("So [0.5866](check:h1) it is, and [1](check:nothing).\n", results: results)
        #expect(page.body.contains(#"<span class="checked" tabindex="0" aria-describedby="tip-01-one-1">0.5866<span class="tip" role="tooltip" id="tip-01-one-1">checked: the code computed 0.586618&quot;&lt;x&gt;</span></span> it is"#))
        #expect(page.body.contains(#"<span class="checked unverified" tabindex="0" aria-describedby="tip-01-one-2">1<span class="tip" role="tooltip" id="tip-01-one-2">not checked yet</span></span>"#))
    }

    /// A claim the code found true is marked like a checked number, says so, and may wrap.
    @Test func aCheckedClaimIsMarked() {
        let page = render("Accuracy [keeps rising](check:rises).\n", results: PageResults(claims: ["rises"]))
        #expect(page.body.contains(#"<span class="checked claim" tabindex="0" aria-describedby="tip-01-one-1">keeps rising<span class="tip" role="tooltip" id="tip-01-one-1">checked: the code found this true</span></span>"#))
        #expect(render("Accuracy [keeps rising](check:rises).\n").body.contains(#"<span class="checked unverified""#))
    }

    /// From a check's report: a passed claim is a claim, not a number recorded as 1; a failed one is neither.
    @Test func aReportsClaimsAreNotNumbers() {
        let claim = ProseCheck(name: "rises", written: "keeps rising", location: Location(line: 1, column: 2), linkStart: Location(line: 1, column: 1))
        let wrong = ProseCheck(name: "falls", written: "falls", location: Location(line: 2, column: 2), linkStart: Location(line: 2, column: 1))
        let number = ProseCheck(name: "h", written: "1", location: Location(line: 3, column: 2), linkStart: Location(line: 3, column: 1))
        let report = ChapterReport(path: "a.md", chapter: nil, checks: [
            CheckResult(check: claim, computed: 1, passed: true, claim: true),
            CheckResult(check: wrong, computed: 0, passed: false, claim: true),
            CheckResult(check: number, computed: 1, passed: true),
        ])
        let results = PageResults(report: report)
        #expect(results.claims == ["rises"])
        #expect(results.recorded == ["h": "1"])
    }

    @Test func aNegativeCheckedNumberShowsAMinusSign() {
        let page = render("Moved by [-0.000027](check:d), a range [-1-2](check:d).\n", results: PageResults(recorded: ["d": "-2.7e-05"]))
        #expect(page.body.contains("\u{2212}0.000027<span class=\"tip\""))
        #expect(page.body.contains("\u{2212}1-2<span"))
        #expect(!page.body.contains(">-0.000027"))
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
        #expect(body.contains("aria-label=\"a line\"><svg>A</svg></div></div><figcaption><a class=\"figure-number\" href=\"#figure-1\">Figure 1.</a> First &lt;one&gt;</figcaption>"))
        let numbered = PageRenderer.render(markdown: markdown, path: "chapters/06-six.md", chapter: 6, results: results, links: links).body
        #expect(numbered.contains("<figure id=\"figure-6-2\">"))
        #expect(numbered.contains("<a class=\"figure-number\" href=\"#figure-6-1\">Figure 6.1.</a>"))
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
        #expect(page.body.contains("<a class=\"anchor\" href=\"#loss-and-cost-1\" aria-label=\"link to this section: Loss, and cost\">#</a></h2>"))
        #expect(page.outline == [OutlineEntry(level: 2, id: "loss-and-cost-1", html: "Loss, and cost")])
    }

    /// Issue 18's two disagreements: the site reads a fence as the checker does.
    @Test func aTrapMessageHoldingAnOptionNameIsShownAsATrap() {
        let page = render("```swift traps=\"a hidden b\"\nfatalError(\"a hidden b\")\n```\n")
        #expect(page.body.contains("stops with a trap: \u{201C}a hidden b\u{201D}"))
        #expect(page.body.contains("fatalError"))
    }

    @Test func aTabBeforeHiddenHidesTheBlock() {
        let page = render("```swift\thidden\nlet secret = 1\n```\n\nShown.\n")
        #expect(!page.body.contains("secret"))
        #expect(page.body.contains("Shown."))
    }

    /// Issue 19, case 8: each formula once re-searched the block's lines for its position
    /// (25,000 spans took 35 s); positions now come with the parsed tree. Parsing and rendering
    /// them takes about 0.25 s of processor time; the bound is on this thread's processor
    /// time, which other programs on a busy machine do not inflate as they do the wall clock.
    @Test func twentyFiveThousandInlineFormulasRenderInWellUnderASecond() {
        let markdown = "Spans: " + (0..<25_000).map { "$`x_{\($0 % 97)} = \($0)`$" }.joined(separator: " and\n") + ".\n"
        let started = Self.threadTime()
        let page = render(markdown)
        let seconds = Self.threadTime() - started
        #expect(page.formulas.count == 25_000)
        #expect(page.formulas.last.map { "\($0.line):\($0.column)" } == "25000:3")
        #expect(seconds < 1, "\(seconds) s")
    }

    /// Seconds of processor time this thread has used.
    static func threadTime() -> Double {
        var now = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now)
        return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
    }

    /// Issue 19, case 3: the page once stopped at a NUL.
    @Test func aPageGoesOnAfterANUL() {
        let page = render("A\u{0}B\n\nAfter it.\n")
        #expect(page.body == "<p>A\u{FFFD}B</p>\n<p>After it.</p>\n")
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
        #expect(page.title == "The σ function")
        #expect(page.sections[1].text == "It costs $5 and x2 grows.")
        let two = render("Both $`a`$ and $`\\frac{1}{m}`$ here.\n")
        #expect(two.sections[0].text == "Both a and 1 m here.")
    }
}
