import Foundation
import Testing
@testable import Literate

/// The value of a TeX side, or nil when it is symbolic.
func value(_ tex: String) -> MathValue? {
    guard let (expression, literals) = try? MathParser.parse(MathLexer.tokens(tex)) else { return nil }
    return try? expression.evaluate(literals.map(\.value))
}

func scalar(_ tex: String) -> Double? {
    guard let value = value(tex), value.isScalar else { return nil }
    return value.scalar
}

@Suite struct MathParserTests {
    @Test func numbersAndTheFourOperations() {
        #expect(scalar("0.5 \\cdot 1 + (-0.2) \\cdot 2 + 0.1") == 0.5 - 0.4 + 0.1)
        #expect(scalar("3 \\times 4 - 10 / 4") == 9.5)
        #expect(scalar("2 * 3") == 6)
        #expect(scalar("-0.3 + 0.8") == -0.3 + 0.8)
        #expect(scalar("1.5 \\times 10^{-3}") == 1.5 * pow(10, -3))
        #expect(scalar("6 \\div 4") == 1.5)
    }

    @Test func juxtaposedFactors() {
        #expect(scalar("(-0.323853)(0.6)") == -0.323853 * 0.6)
        #expect(scalar("2 \\cdot (0.5 - 0.25)") == 0.5)
        #expect(scalar("2(0.25)") == 0.5)
        #expect(scalar("2 \\sigma(0)") == 1)
        #expect(scalar("0.5 0.25") == nil)  // two numbers side by side mean nothing
    }

    @Test func fractions() {
        #expect(scalar("\\frac{1}{1 + 0.778801}") == 1 / 1.778801)
        #expect(scalar("\\tfrac12") == 0.5)
        #expect(scalar("\\dfrac{3}{4}") == 0.75)
        #expect(scalar("\\frac1m") == nil)
        #expect(scalar("\\tfrac{1}{2} \\cdot 0.5^2") == 0.125)
    }

    @Test func powersAndRoots() {
        #expect(scalar("0.761594^2") == pow(0.761594, 2))
        #expect(scalar("2^{3 - 1}") == 4)
        #expect(scalar("-0.5^2") == -0.25)
        #expect(scalar("x^23") == nil)
        #expect(scalar("2^23") == nil)  // TeX reads 2² 3: two numbers side by side
        #expect(scalar("2^2 \\cdot 3") == 12)
        #expect(scalar("\\sqrt{0.25}") == 0.5)
        #expect(scalar("\\sqrt[3]{8}") == 2)
        #expect(scalar("e^{-0.25}") == exp(-0.25))
        #expect(scalar("\\mathrm{e}^{1}") == M_E)
    }

    @Test func functions() {
        #expect(scalar("\\exp(1)") == M_E)
        #expect(scalar("\\ln 0.9") == log(0.9))
        #expect(scalar("\\ln(0.9)") == log(0.9))
        #expect(scalar("-\\ln 0.098566") == -log(0.098566))
        #expect(scalar("\\log 2") == log(2))
        #expect(scalar("\\sigma(0.25)") == 1 / (1 + exp(-0.25)))
        #expect(scalar("\\tanh(1)") == tanh(1))
        #expect(scalar("\\tanh^2(1)") == tanh(1) * tanh(1))
        #expect(scalar("\\max(0, -0.5)") == 0)
        #expect(scalar("\\min(0.2, 0.7, 0.1)") == 0.1)
        #expect(scalar("\\mathrm{ReLU}(-0.3)") == 0)
        #expect(scalar("\\operatorname{ReLU}(0.3)") == 0.3)
        #expect(scalar("|-0.5|") == 0.5)
        #expect(scalar("\\sigma'(0)") == nil)
        #expect(scalar("\\sigma") == nil)
    }

    @Test func sizingAndSpacingAreIgnored() {
        #expect(scalar("\\left( 0.5 + 0.5 \\right) \\big( 2 \\big)") == 2)
        #expect(scalar("\\Big(1\\,+\\;1\\Big) \\cdot 2") == 4)
        #expect(scalar("\\bigl(0.5\\bigr)^2") == 0.25)
    }

    @Test func underbraceDropsItsNote() {
        #expect(scalar("\\underbrace{(-0.323853)(0.6)}_{\\text{via output 1}} + 1") == -0.323853 * 0.6 + 1)
        #expect(scalar("\\underbrace{2 \\cdot 3}_{6}") == 6)
    }

    @Test func tuples() {
        let tuple = value("(0.5, -1, 2 \\cdot 0.25)")
        #expect(tuple == MathValue(rows: 1, columns: 3, elements: [0.5, -1, 0.5], isTuple: true))
        #expect(value("\\sigma\\big((0, 0)\\big)")?.elements == [0.5, 0.5])
        #expect(scalar("(2, -1, 0.5) \\cdot (0.4, 0.3, -0.6)") == 0.8 - 0.3 - 0.3)
        #expect(value("(1, 2) + (3, 4)")?.elements == [4, 6])
        #expect(value("(1, 2) + (3, 4, 5)") == nil)
    }

    @Test func matrices() {
        let product = value("\\begin{pmatrix} 1 & 2 \\\\ 3 & 4 \\end{pmatrix} \\begin{pmatrix} 1 \\\\ -1 \\end{pmatrix}")
        #expect(product == MathValue(rows: 2, columns: 1, elements: [-1, -1]))
        let sum = value("\\begin{bmatrix} 0.5 & 1 \\end{bmatrix} + 2 \\cdot \\begin{bmatrix} 0.25 & 0 \\end{bmatrix}")
        #expect(sum == MathValue(rows: 1, columns: 2, elements: [1, 1]))
        #expect(value("\\begin{pmatrix} 1 & 2 \\end{pmatrix}^\\top") == MathValue(rows: 2, columns: 1, elements: [1, 2]))
        #expect(value("\\sigma\\left(\\begin{pmatrix} 0 \\\\ 0 \\end{pmatrix}\\right)")?.elements == [0.5, 0.5])
        #expect(value("\\max\\left(0, \\begin{pmatrix} -1 \\\\ 2 \\end{pmatrix}\\right)")?.elements == [0, 2])
        #expect(value("\\begin{pmatrix} 1 & 2 \\end{pmatrix} \\begin{pmatrix} 1 & 2 \\end{pmatrix}") == nil)
        #expect(value("\\begin{pmatrix} 1 & 2 \\\\ 3 \\end{pmatrix}") == nil)
        #expect(value("\\begin{pmatrix} 1 \\\\ 2 \\end{pmatrix} \\odot \\begin{pmatrix} 3 \\\\ 4 \\end{pmatrix}")?.elements == [3, 8])
    }

    @Test func freeVariablesMakeASideSymbolic() {
        #expect(scalar("w \\cdot x") == nil)
        #expect(scalar("z^{[1]}_1") == nil)
        #expect(scalar("2\\sigma(2z) - 1") == nil)
        #expect(scalar("\\frac{\\partial L}{\\partial w}") == nil)
        #expect(scalar("0.5_1") == nil)
        #expect(scalar("\\sum_j 2") == nil)
    }

    @Test func literalsKnowTheirPrecision() throws {
        let (_, literals) = try MathParser.parse(MathLexer.tokens("0.329900 - 2 + 1.5 \\times 10^{-3}"))
        #expect(literals.map(\.text) == ["0.329900", "2", "1.5", "10", "3"])
        #expect(literals.map(\.halfUnit) == [0.0000005, 0, 0.05, 0, 0])
        #expect(literals.map(\.offset) == [0, 11, 15, 26, 31])
    }
}
