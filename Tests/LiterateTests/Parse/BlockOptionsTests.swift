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

    @Test func nearMissesAreSuggestedFromTheTable() {
        #expect(FenceOption.nearest(to: "hiden", for: .swift) == .hidden)
        #expect(FenceOption.nearest(to: "compile_only", for: .swift) == .compileOnly)
        #expect(FenceOption.nearest(to: "trap", for: .swift) == .traps)
        #expect(FenceOption.nearest(to: "banana", for: .swift) == nil)
        // An option of the other language is not suggested.
        #expect(FenceOption.nearest(to: "tolerance", for: .swift) == nil)
        #expect(FenceOption.nearest(to: "tolerence", for: .output) == .tolerance)
        #expect(FenceOption.editDistance("kitten", "sitting") == 3)
        #expect(FenceOption.editDistance("", "abc") == 3)
    }

    @Test func theTableNamesEachOptionOnceWithItsLanguage() {
        #expect(FenceOption.options(for: .swift).map(\.name) == ["hidden", "compile-only", "fails-to-compile", "traps"])
        #expect(FenceOption.options(for: .output).map(\.name) == ["tolerance"])
        #expect(FenceOption.options(for: .math).isEmpty)
        #expect(FenceOption(name: "tolerance", language: .swift) == nil)
        #expect(FenceOption.allCases.filter(\.choosesRunMode) == [.compileOnly, .failsToCompile, .traps])
    }

    @Test func theLanguageIsTheFirstWordUpToASpaceOrATab() {
        #expect(FenceLanguage(info: "swift\thidden") == .swift)
        #expect(FenceLanguage(info: "output tolerance=1%") == .output)
        #expect(FenceLanguage(info: "math") == .math)
        #expect(FenceLanguage(info: "swiftly") == nil)
        #expect(FenceLanguage.word(of: "python\tx") == "python")
    }
}
