import Testing
@testable import Site

@Suite struct TeXTextTests {
    @Test func symbolsBecomeCharactersAndMarkupGoes() {
        #expect(TeXText.plain("\\sigma(z) = \\frac{1}{1 + e^{-z}}") == "σ(z) = 1/1 + e-z")
        #expect(TeXText.plain("\\frac{\\partial C}{\\partial w_{11}^{[2]}}") == "∂ C/∂ w11[2]")
        #expect(TeXText.plain("a \\cdot b \\approx 0.5\\,\\text{s}") == "a · b ≈ 0.5 s")
        #expect(TeXText.plain("\\mathbf{x} \\le 2 \\\\ y") == "x ≤ 2 y")
    }
}
