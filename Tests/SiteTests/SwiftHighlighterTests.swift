import Testing
@testable import Site

@Suite struct SwiftHighlighterTests {
    func kinds(_ source: String) -> [String: SwiftHighlighter.Token] {
        var out: [String: SwiftHighlighter.Token] = [:]
        for (token, text) in SwiftHighlighter.tokens(source) where token != .plain { out[text] = token }
        return out
    }

    @Test func tokensJoinBackToTheSource() {
        let source = "let x: Matrix = W * X + b // bias\nprint(\"a \\(x) \\\"q\\\"\", 1.5e-3, nil)\n/* a /* nested */ comment */ @main #if DEBUG\n"
        #expect(SwiftHighlighter.tokens(source).map(\.text).joined() == source)
    }

    @Test func recognisesEachKind() {
        let found = kinds("let net = Network(layers: [])\nvar rate = 0.5 // step\nif true { print(\"hi\") }\n@discardableResult func f() {}")
        #expect(found["let"] == .keyword)
        #expect(found["var"] == .keyword)
        #expect(found["Network"] == .type)
        #expect(found["0.5"] == .number)
        #expect(found["// step"] == .comment)
        #expect(found["true"] == .literal)
        #expect(found["\"hi\""] == .string)
        #expect(found["@discardableResult"] == .attribute)
        #expect(found["net"] == nil)
    }

    @Test func numbersWithExponentsAndUnderscores() {
        let tokens = SwiftHighlighter.tokens("1_000 + 1.2e-3 - 0xFF")
        #expect(tokens.filter { $0.token == .number }.map(\.text) == ["1_000", "1.2e-3", "0xFF"])
    }

    @Test func stringsKeepEscapesAndMultilineAndRaw() {
        let source = "let a = \"x\\\"y\"\nlet b = \"\"\"\none \"two\"\n\"\"\"\nlet c = #\"raw \"q\"\"#"
        let strings = SwiftHighlighter.tokens(source).filter { $0.token == .string }.map(\.text)
        #expect(strings == ["\"x\\\"y\"", "\"\"\"\none \"two\"\n\"\"\"", "#\"raw \"q\"\"#"])
    }

    @Test func htmlEscapesAndWrapsSpans() {
        #expect(SwiftHighlighter.html("a < b && c") == "<span class=\"line\">a &lt; b &amp;&amp; c\n</span>")
        #expect(SwiftHighlighter.html("let s = \"<b>\"\n") == "<span class=\"line\"><span class=\"kw\">let</span> s = <span class=\"str\">&quot;&lt;b&gt;&quot;</span>\n</span>")
    }

    @Test func aTokenAcrossLinesIsClosedAndReopenedInEachLine() {
        #expect(SwiftHighlighter.html("/* a\nb */\n") == "<span class=\"line\"><span class=\"com\">/* a</span>\n</span><span class=\"line\"><span class=\"com\">b */</span>\n</span>")
        #expect(SwiftHighlighter.plainHTML("x\n\n") == "<span class=\"line\">x\n</span><span class=\"line\">\n</span>")
    }
}
