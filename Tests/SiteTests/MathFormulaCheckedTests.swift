import Literate
import Testing
@testable import Site

@Suite struct MathFormulaCheckedTests {
    func step(_ line: Int, _ column: Int, passed: Bool = true) -> MathStepResult {
        MathStepResult(location: Location(line: line, column: column), written: "0.2", computed: [0.2], allowance: 0.05, passed: passed)
    }

    @Test func stepsInsideADisplayFormulaAreItsOwn() {
        let formula = MathFormula(tex: "a &= 0.5 - 0.3 \\\\\n&= 0.2", display: true, path: "chapters/04-x.md", line: 10, column: 1)
        let steps = [step(9, 5), step(10, 6), step(11, 4), step(12, 1)]
        #expect(formula.checkedSteps(steps).map(\.location) == [Location(line: 10, column: 6), Location(line: 11, column: 4)])
    }

    @Test func stepsInsideAnInlineFormulaAreItsOwn() {
        let formula = MathFormula(tex: "0.5 - 0.3 = 0.2", display: false, path: "c.md", line: 3, column: 20)
        #expect(formula.checkedSteps([step(3, 19), step(3, 32), step(3, 36), step(4, 1)]).map(\.location) == [Location(line: 3, column: 32)])
    }

    @Test func aCheckedFormulaShowsWhatWasComputed() {
        let formula = MathFormula(tex: "0.5 - 0.3 = 0.2", display: false, path: "chapters/04-x.md", line: 3, column: 20)
        let html = formula.html(typeset: "<katex/>", checked: [step(3, 32)])
        #expect(html == "<span class=\"math-checked\" tabindex=\"0\" aria-describedby=\"mtip-04-x-md-3-20\"><span class=\"math inline\"><katex/></span>"
            + "<span class=\"tip\" role=\"tooltip\" id=\"mtip-04-x-md-3-20\">checked: redoing the arithmetic gives 0.2 where the text writes 0.2</span></span>")
    }

    @Test func theTooltipShowsTwoDigitsMoreThanTheSideWrites() {
        #expect(MathFormula.shown(0.17614658, like: "0.329900 - 0.203754 + 0.05") == "0.17614658")
        #expect(MathFormula.shown(0.17614658, like: "0.176") == "0.17615")
        #expect(MathFormula.shown(-0.2, like: "-0.2") == "\u{2212}0.2")
        #expect(MathFormula.shown(3, like: "3") == "3")
    }

    @Test func anUncheckedOrFailingFormulaIsNotMarked() {
        let formula = MathFormula(tex: "x = y", display: true, path: "c.md", line: 3, column: 1)
        #expect(formula.html(typeset: "<k/>", checked: []) == formula.html(typeset: "<k/>"))
        #expect(formula.html(typeset: "<k/>", checked: [step(3, 5, passed: false)]) == formula.html(typeset: "<k/>"))
    }
}
