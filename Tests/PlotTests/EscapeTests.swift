import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
import Plot

@Suite struct EscapeTests {
    @Test func escapesTheMarkupCharacters() {
        // Every attribute here is written in double quotes, so ' needs no entity.
        #expect(escapeXML(#"a < b & "c" > 'd'"#) == "a &lt; b &amp; &quot;c&quot; &gt; 'd'")
        #expect(escapeXML("σ(z) = 0.5") == "σ(z) = 0.5")
    }

    @Test func charactersXMLCannotHoldBecomeTheReplacementCharacter() {
        #expect(escapeXML("a\u{0}b\u{1B}c\u{FFFE}d\u{FFFF}e") == "a\u{FFFD}b\u{FFFD}c\u{FFFD}d\u{FFFD}e")
        // Their neighbours in UTF-8 (EF BF BD, EF BC 81, EF 80 80) are ordinary characters.
        #expect(escapeXML("\u{FFFD}\u{FF01}\u{F000}ï") == "\u{FFFD}\u{FF01}\u{F000}ï")
        #expect(escapeXML("tab\there\nline\r") == "tab\there\nline\r")
    }

    @Test func inAnAttributeTabsAndLineBreaksAreReferences() {
        #expect(escapeXML("a\tb\nc\rd", attribute: true) == "a&#9;b&#10;c&#13;d")
    }

    @Test func bytesAndStringsAgree() {
        for text in ["plain", "a<b", "x\u{FFFF}", "\u{FFFD}", "end\u{EF}", "\u{FF01}<", "\u{1}&"] {
            for attribute in [false, true] {
                var out: [UInt8] = []
                appendEscapedXML(text.utf8, to: &out, attribute: attribute)
                #expect(String(decoding: out, as: UTF8.self) == escapeXML(text, attribute: attribute), "\(text.debugDescription)")
            }
        }
    }

    @Test func anXMLParserReadsTheTextBack() throws {
        let text = "a < b & \"c\" > 'd'\n\tσ\u{1}\u{FFFF}\r"
        let read = "a < b & \"c\" > 'd'\n\tσ\u{FFFD}\u{FFFD}\n"  // a parser reads CR LF and lone CR as LF in content
        let document = try XMLDocument(xmlString: "<a title=\"\(escapeXML(text, attribute: true))\">\(escapeXML(text))</a>")
        let root = try #require(document.rootElement())
        #expect(root.attribute(forName: "title")?.stringValue == "a < b & \"c\" > 'd'\n\tσ\u{FFFD}\u{FFFD}\r")
        #expect(root.stringValue == read)
    }
}
