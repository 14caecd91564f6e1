import Foundation
import Literate
import Testing
@testable import Site

@Suite struct HTMLSanitizerTests {
    static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../LiterateTests/Fixtures/hostile-html/chapter.md").standardizedFileURL.path

    func clean(_ html: String) -> String {
        var sanitizer = HTMLSanitizer()
        return sanitizer.clean(html) + sanitizer.closeAll()
    }

    @Test func theAllowListKeepsWhatAuthorsUse() {
        let kept = "<details open><summary>More</summary><kbd>Ctrl</kbd> x<sup>2</sup> H<sub>2</sub>O<br></details>"
        #expect(clean(kept) == kept)
        #expect(clean("<a href=\"https://example.org/\" title=\"t\">x</a>") == "<a href=\"https://example.org/\" title=\"t\">x</a>")
    }

    @Test func scriptsEventsAndBadSchemesAreDropped() {
        #expect(clean("<script>alert(1)</script>after") == "after")
        #expect(clean("<img src=x onerror=alert(1)>") == "<img src=\"x\">")
        #expect(clean("<a href=\"javascript:alert(1)\">x</a>") == "<a>x</a>")
        #expect(clean("<a href=\"&#106;ava&#x73;cript&colon;alert(1)\">x</a>") == "<a>x</a>")
        #expect(clean("<a href=\" java\tscript:alert(1)\">x</a>") == "<a>x</a>")
        #expect(clean("<div style=\"background:url(x)\">t</div>") == "<div>t</div>")
        #expect(clean("<iframe src=\"https://x\"></iframe><svg><script>x</script></svg>t") == "t")
        #expect(clean("<object data=x>") == "")
        #expect(clean("a < b") == "a &lt; b")
        // An end tag that closes nothing the page's HTML opened cannot close the page's own elements.
        #expect(clean("</div></main>text") == "text")
        #expect(clean("<div><span>x") == "<div><span>x</span></div>")
    }

    @Test func urlSchemes() {
        for safe in ["https://a.org", "http://a", "mailto:x@y.z", "02-two.html#x", "#top", "data/README.md", "a?b=c:d"] {
            #expect(HTMLSanitizer.isSafe(url: safe, image: false), "\(safe)")
        }
        for unsafe in ["javascript:alert(1)", "JAVASCRIPT:x", "vbscript:x", "data:text/html,<script>", "file:///etc/passwd", "\u{1}javascript:x"] {
            #expect(!HTMLSanitizer.isSafe(url: unsafe, image: false), "\(unsafe)")
        }
        #expect(HTMLSanitizer.isSafe(url: "data:image/png;base64,AAAA", image: true))
        #expect(!HTMLSanitizer.isSafe(url: "data:image/svg+xml,<svg onload=x>", image: true))
    }

    @Test func svgKeepsDrawingOnly() {
        let plot = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\" role=\"img\">\n <title>A &amp; B</title>\n <clipPath id=\"c\"><rect x=\"0\" y=\"0\" width=\"1\" height=\"1\"/></clipPath>\n <path d=\"M0 0L1 1\" stroke=\"currentColor\" clip-path=\"url(#c)\"/>\n</svg>\n"
        #expect(HTMLSanitizer.svg(plot) == plot)
        // Plot's style, with the width and smallest font the style sheet sizes a figure by on
        // a phone (--plot-width, --plot-least-font), reaches the page as drawn.
        let styled = "<svg viewBox=\"0 0 640 302\" style=\"max-width: 100%; height: auto; --plot-width: 640; --plot-least-font: 12\"><text font-size=\"12\">0.5</text></svg>"
        #expect(HTMLSanitizer.svg(styled) == styled)
        let hostile = "<svg onload=\"alert(1)\"><script>alert(2)</script><image href=\"https://x/y.png\"/><use href=\"https://x#a\"/><use href=\"#a\"/><foreignObject><div>x</div></foreignObject><rect fill=\"url(https://x/p)\" onclick=\"y\"/><a href=\"javascript:z\"><text>t</text></a></svg>"
        #expect(HTMLSanitizer.svg(hostile) == "<svg><use/><use href=\"#a\"/><rect/><text>t</text></svg>")
        // A value's quotes and `<` are written as entities, its other text (σ, é) as it is.
        #expect(HTMLSanitizer.svg("<svg><text x='1\"<σ é'>t</text></svg>") == "<svg><text x=\"1&quot;&lt;σ é\">t</text></svg>")
    }

    @Test func urlsWithNothingToDecodeAreKeptAndTheOthersDecoded() {
        #expect(URLScheme.decoded("02-two.html#x") == "02-two.html#x")
        #expect(URLScheme.decoded(" java\tscript&colon;x\n") == "javascript:x")
        #expect(URLScheme.decoded("&#106;avascript:x") == "javascript:x")
        #expect(URLScheme.decoded("") == "")
        #expect(URLScheme.of("\u{1}javascript:x") == "javascript")
    }

    @Test func aHostilePageKeepsNoScriptAndSaysWhereItDropped() throws {
        let markdown = try String(contentsOfFile: Self.fixture, encoding: .utf8)
        let page = PageRenderer.render(markdown: markdown, path: "hostile-html/chapter.md", results: PageResults(),
                                       links: Links(pages: [:]))
        let body = page.body.lowercased()
        // What was a script or a link may stay as visible text; it must not stay markup.
        for forbidden in ["<script", "onerror", "onclick", "href=\"javascript:", "src=\"javascript:", "alert(1)", "alert(7)", "&#106;"] {
            #expect(!body.contains(forbidden), "\(forbidden)")
        }
        for kept in ["<details>", "<summary>", "<kbd>ctrl</kbd>", "<sup>2</sup>", "<img src=\"x.png\" alt=\"kept\">",
                     "<a href=\"https://example.org/\">fine</a>", "a link", "an image"] {
            #expect(body.contains(kept), "\(kept)")
        }
        // Each at its node: raw HTML where the drop is, a link or an image at its first character.
        let warnings = HTMLSanitizer.audit(markdown: markdown, path: "hostile-html/chapter.md").map(\.description)
        #expect(warnings == [
            "hostile-html/chapter.md:10:1: warning: dropped <script> and its content: not on the site's allow-list (details, summary, kbd, sup, sub, br, ...)",
            "hostile-html/chapter.md:12:1: warning: dropped onerror= from <img>: event attributes never reach the site",
            "hostile-html/chapter.md:14:8: warning: dropped onclick= from <span>: event attributes never reach the site",
            "hostile-html/chapter.md:14:49: warning: dropped <script> and its content: not on the site's allow-list (details, summary, kbd, sup, sub, br, ...)",
            "hostile-html/chapter.md:16:1: warning: made a link to a javascript: URL plain text; use http, https, mailto or a relative link",
            "hostile-html/chapter.md:16:35: warning: made a link to a javascript: URL plain text; use http, https, mailto or a relative link",
            "hostile-html/chapter.md:16:61: warning: dropped an image with a javascript: URL; use an http, https or relative image",
            "hostile-html/chapter.md:18:1: warning: dropped javascript: URL from <a href>; use http, https, mailto or a relative link",
            "hostile-html/chapter.md:20:1: warning: dropped </div>: it closes no open <div>",
        ])
    }
}
