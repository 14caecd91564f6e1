import Testing
import Plot

@Suite struct EscapeTests {
    @Test func escapesMarkupCharacters() {
        #expect(escapeXML(#"a < b & "c" > 'd'"#) == "a &lt; b &amp; &quot;c&quot; &gt; &#39;d&#39;")
        #expect(escapeXML("σ(z) = 0.5") == "σ(z) = 0.5")
    }
}
