import Testing
@testable import Literate

/// The chains of `tex`, each side as its source text.
func chains(_ tex: String) -> [[String]] {
    let bytes = Array(tex.utf8)
    return MathChains.chains(MathLexer.tokens(tex)).map { chain in
        chain.map { MathChainRule.writtenText($0, text: bytes) }
    }
}

@Suite struct MathChainsTests {
    @Test func aChainSplitsOnEquals() {
        #expect(chains("z = 0.5 - 0.4 + 0.1 = 0.2") == [["z", "0.5 - 0.4 + 0.1", "0.2"]])
    }

    @Test func alignedRowsContinueTheChainAbove() {
        let tex = """
        \\begin{aligned}
        z &= 1.0 \\cdot 0.2 + 0.1 \\\\
        &= 0.2 + 0.1 = 0.3 \\\\
        y &= 2 \\cdot 3 = 6
        \\end{aligned}
        """
        #expect(chains(tex) == [["z", "1.0 \\cdot 0.2 + 0.1", "0.2 + 0.1", "0.3"], ["y", "2 \\cdot 3", "6"]])
    }

    @Test func aRowStartingWithAnOperatorContinuesTheSide() {
        let tex = "a &= (1)(0.6) \\\\\n&\\quad + (2)(0.4) \\\\\n&= 0.6 + 0.8"
        #expect(chains(tex) == [["a", "(1)(0.6) \\\\\n&\\quad + (2)(0.4)", "0.6 + 0.8"]].map { $0.map { $0.replacingOccurrences(of: "\n", with: " ") } })
    }

    @Test func separatorsBetweenEquations() {
        #expect(chains("x = 1, \\quad y = 2 \\qquad z = 3; w = 4.") == [["x", "1"], ["y", "2"], ["z", "3"], ["w", "4"]])
        #expect(chains("a = 1 \\text{ and } b = 2") == [["a", "1"], ["b", "2"]])
    }

    @Test func commasInsideBracketsStay() {
        #expect(chains("x = (2, -1, 0.5), \\max(0, z) = 0") == [["x", "(2, -1, 0.5)"], ["\\max(0, z)", "0"]])
    }

    @Test func everySecondAmpersandSeparatesEquations() {
        #expect(chains("a &= 1 & b &= 2 \\\\ c &= 3") == [["a", "1"], ["b", "2"], ["c", "3"]])
    }

    @Test func inequalitiesAndArrowsEndAChain() {
        #expect(chains("0.1 < 0.5 = 0.25 \\cdot 2") == [["0.1"], ["0.5", "0.25 \\cdot 2"]])
        #expect(chains("w \\leftarrow 0.5 - 0.1 = 0.4") == [["w"], ["0.5 - 0.1", "0.4"]])
        #expect(chains("a \\le b \\ge c \\to d") == [["a"], ["b"], ["c"], ["d"]])
    }

    @Test func relationsAreRecorded() {
        let sides = MathChains.chains(MathLexer.tokens("a = 1 \\approx 1.0 \\mathrel{=} 2"))[0]
        #expect(sides.map(\.relation) == [nil, .equals, .approx, .unchecked])
    }

    @Test func matricesKeepTheirRowsAndCells() {
        let tex = "A = \\begin{pmatrix} 1 & 2 \\\\ 3 & 4 \\end{pmatrix} = B"
        #expect(chains(tex).count == 1)
        #expect(chains(tex)[0].count == 3)
    }
}
