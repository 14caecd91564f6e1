import Testing
import Site

@Suite struct HTMLTests {
    @Test func escapesMarkup() {
        #expect(escapeHTML(#"<a href="x">&</a>"#) == "&lt;a href=&quot;x&quot;&gt;&amp;&lt;/a&gt;")
    }
}
