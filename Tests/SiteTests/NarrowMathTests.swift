import Testing
@testable import Site

@Suite struct NarrowMathTests {
    /// The stacked TeX with runs of spaces made one and lines trimmed, for comparing.
    func narrow(_ tex: String) -> String? {
        NarrowMath.tex(tex).map { text in
            text.split(separator: "\n", omittingEmptySubsequences: false)
                .map { $0.split(separator: " ").joined(separator: " ") }.joined(separator: "\n")
        }
    }

    @Test func aChainIsStackedAfterEachRelation() {
        let tex = #"\begin{aligned} z^{[1]}_1 &= 0.5 \cdot 1 + (-0.2) \cdot 2 + 0.1 = 0.5 - 0.4 + 0.1 = 0.2 \\ z^{[1]}_2 &= 0.3 \end{aligned}"#
        #expect(narrow(tex) == #"""
        \begin{aligned}
        z^{[1]}_1 &= 0.5 \cdot 1 + (-0.2) \cdot 2 + 0.1 \\
        &= 0.5 - 0.4 + 0.1 \\
        &= 0.2 \\
        z^{[1]}_2 &= 0.3
        \end{aligned}
        """#)
    }

    @Test func aFormulaWithoutAlignmentAlignsOnItsFirstRelation() {
        #expect(narrow(#"a = \frac{1}{2} \approx 0.5"#) == "\\begin{aligned}\na &= \\frac{1}{2} \\\\\n&\\approx 0.5\n\\end{aligned}")
        #expect(NarrowMath.tex("a = b") == nil, "one relation: nothing to stack")
    }

    @Test func pairsSideBySideAndEquationsApartGetRowsOfTheirOwn() {
        #expect(narrow(#"\begin{aligned} Z &= W X, & A &= g(Z) \end{aligned}"#) == "\\begin{aligned}\nZ &= W X, \\\\\nA &= g(Z)\n\\end{aligned}")
        #expect(narrow(#"x = 1, \qquad y = 2"#) == "\\begin{aligned}\nx &= 1, \\\\\ny &= 2\n\\end{aligned}")
    }

    @Test func bracesMatricesAndParenthesesAreNeverCut() {
        let matrix = #"\frac{\partial L}{\partial W} = \begin{pmatrix} a = 1 & b \\ c & d \end{pmatrix}"#
        #expect(NarrowMath.tex(matrix) == nil)
        #expect(NarrowMath.split("f(a = b) = c", at: NarrowMath.relations) == ["f(a = b) ", "= c"])
        #expect(NarrowMath.split(#"\left(a = b\right) \le c"#, at: NarrowMath.relations) == [#"\left(a = b\right) "#, #"\le c"#])
        #expect(NarrowMath.split(#"\left(a\right) \leftarrow c"#, at: NarrowMath.relations).count == 1, "\\le is not \\leftarrow")
    }

    @Test func aLongSideBreaksBeforeItsTopLevelSumsButNotItsSigns() {
        let long = #"\begin{aligned} &(-0.323853)(-0.3)(0.217895)(0.5) + (-0.286723)(0.8)(0.217895)(0.5) \\ &= -0.014405 \end{aligned}"#
        let stacked = narrow(long)
        #expect(stacked?.contains(#"&\quad + (-0.286723)(0.8)(0.217895)(0.5)"#) == true)
        #expect(stacked?.contains("(-0.323853)(-0.3)") == true)
    }
}
