import Testing

/// The checker the other tests rely on must itself reject broken markup.
@Suite struct XMLTests {
    @Test func readsNestedElements() throws {
        let root = try XML.parse(#"<svg a="1"><g><text x="2">a &lt; b</text></g><path d="M0 0"/></svg>"#)
        #expect(root.name == "svg")
        #expect(root.elements("text").first?.text == "a < b")
        #expect(root.elements("path").count == 1)
    }

    @Test(arguments: [
        "<svg><g></svg>",                 // unclosed
        "<svg><g></h></svg>",             // mismatched
        "<svg><text>a < b</text></svg>",  // bare <
        "<svg><text>a & b</text></svg>",  // bare &
        #"<svg a="1" a="2"></svg>"#,      // repeated attribute
        "<svg></svg><svg></svg>",         // two roots
        "<svg a=1></svg>",                // unquoted
    ])
    func rejectsMalformedMarkup(_ text: String) {
        #expect(throws: XMLError.self) { try XML.parse(text) }
    }
}
