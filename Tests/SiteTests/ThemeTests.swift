import Testing
@testable import Site

@Suite struct ThemeTests {
    @Test func fillsPlaceholdersInOnePass() throws {
        let theme = try Theme(template: "<title>{{title}}</title>{{content}}!", assets: [:])
        #expect(theme.page(["title": "A {{content}}", "content": "<p>x</p>"]) == "<title>A {{content}}</title><p>x</p>!")
    }

    @Test func rejectsUnknownPlaceholders() {
        #expect(throws: SiteError.unknownPlaceholder("nope")) { try Theme(template: "{{nope}}", assets: [:]) }
    }
}
