import Testing
@testable import Plot

@Suite struct MathTests {
    @Test func powersOfTenAreTheNearestDoubles() {
        #expect(powerOf10(0) == 1)
        #expect(powerOf10(3) == 1000)
        #expect(powerOf10(-1) == 0.1)
        #expect(powerOf10(-3) == 0.001)
    }

    @Test func logarithmAndAngle() {
        #expect(logarithm10(1000) == 3)
        #expect(abs(angleInDegrees(x: 1, y: 1) - 45) < 1e-12)
        #expect(abs(angleInDegrees(x: 0, y: -1) + 90) < 1e-12)
    }
}
