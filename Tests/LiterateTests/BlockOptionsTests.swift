import Testing
@testable import Literate

@Suite struct BlockOptionsTests {
    @Test func tolerancesAreAbsoluteOrRelative() {
        #expect(Tolerance(parsing: "0.001") == .absolute(0.001))
        #expect(Tolerance(parsing: "1%") == .relative(0.01))
        #expect(Tolerance(parsing: "abc") == nil)
        #expect(Tolerance(parsing: "-1") == nil)
        #expect(Tolerance.relative(0.01).allowance(for: -200) == 2)
    }

    @Test func infoWordsKeepQuotedValuesAndColumns() {
        let (words, unclosed) = InfoWord.split(#" hidden traps="index out of range""#, firstColumn: 10)
        #expect(unclosed == nil)
        #expect(words == [
            InfoWord(name: "hidden", value: nil, column: 11),
            InfoWord(name: "traps", value: "index out of range", column: 18),
        ])
    }

    @Test func anUnclosedQuoteIsFound() {
        let (_, unclosed) = InfoWord.split(#"fails-to-compile="oops"#, firstColumn: 1)
        #expect(unclosed == 18)
    }

    @Test func nearMissesAreSuggested() {
        #expect(OptionNames.nearest(to: "hiden", in: OptionNames.swift) == "hidden")
        #expect(OptionNames.nearest(to: "compile_only", in: OptionNames.swift) == "compile-only")
        #expect(OptionNames.nearest(to: "trap", in: OptionNames.swift) == "traps")
        #expect(OptionNames.nearest(to: "banana", in: OptionNames.swift) == nil)
        #expect(OptionNames.editDistance("kitten", "sitting") == 3)
        #expect(OptionNames.editDistance("", "abc") == 3)
    }
}
