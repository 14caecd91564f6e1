import Foundation
import Testing
@testable import Literate

/// Sides the checker used to count as unread: a function named without an argument (symbolic),
/// Euler's number without a power, and a tuple transposed into a column.
@Suite struct MathNamesTests {
    /// `\tanh' = 1 - \tanh^2` speaks of the function: symbolic, like a side with a variable.
    @Test func aFunctionWithoutAnArgumentIsANameNotANumber() {
        for tex in ["\\tanh' = 1 - \\tanh^2", "\\sigma' = \\sigma(1 - \\sigma) = 2 - 1", "2 \\sigma + 1 = 3", "\\ln \\cdot 2 = 4"] {
            let report = check(tex)
            #expect(report.unreadable.isEmpty, "\(tex)")
            #expect(report.diagnostics.isEmpty, "\(tex)")
        }
        // With its argument it is arithmetic, and checked.
        #expect(messages("1 - \\tanh^2(0) = 0") == ["c.md:2:18: error: this step gives 1, but the text says 0 (exact)"])
        #expect(scalar("\\tanh^2") == nil)
    }

    /// e alone is Euler's number, as `e^{x}` already was.
    @Test func eWithoutAPowerIsEulersNumber() {
        #expect(scalar("\\ln(1 + e)") == log(1 + M_E))
        #expect(scalar("\\mathrm{e}") == M_E)
        #expect(check("\\tfrac12(\\ln(1 + e) + \\ln(1 + e^{2})) = \\tfrac12(1.3133 + 2.1269)").steps.map(\.passed) == [true])
        #expect(messages("\\ln(1 + e) = 1.3134") == ["c.md:2:14: error: this step gives 1.3133, but the text says 1.3134 (±0.00005)"])
    }

    /// `(a, b)^\top` is the column with entries a and b.
    @Test func aTupleTransposedIsAColumn() {
        #expect(value("(0, 1)^\\top") == MathValue(rows: 2, columns: 1, elements: [0, 1]))
        #expect(check("y = (0, 0, 0, 1, 0)^\\top").unreadable.isEmpty)
        #expect(check("\\begin{pmatrix} 0 \\\\ 1 \\end{pmatrix} = (0, 1)^\\top").steps.map(\.passed) == [true])
        #expect(messages("\\begin{pmatrix} 0 \\\\ 1 \\end{pmatrix} = (1, 0)^\\top")
            == ["c.md:2:40: error: this step gives 0 in row 1, column 1, but the text says 1 (exact)"])
    }
}
