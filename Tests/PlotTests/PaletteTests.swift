import Testing
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
@testable import Plot

@Suite struct PaletteTests {
    /// WCAG relative luminance of a `#RRGGBB` colour.
    private func luminance(_ hex: String) -> Double {
        let digits = Array(hex.dropFirst())
        let channels = stride(from: 0, to: 6, by: 2).map { Double(Int(String(digits[$0...$0 + 1]), radix: 16)!) / 255 }
        let linear = channels.map { $0 <= 0.03928 ? $0 / 12.92 : pow(($0 + 0.055) / 1.055, 2.4) }
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
    }

    private func contrast(_ a: String, _ b: String) -> Double {
        let (x, y) = (luminance(a), luminance(b))
        return (max(x, y) + 0.05) / (min(x, y) + 0.05)
    }

    @Test func firstFourColoursReadOnLightAndDarkPages() {
        for colour in Palette.colours.prefix(4) {
            #expect(contrast(colour, "#FFFFFF") >= 3, "\(colour) on white")
            #expect(contrast(colour, "#1B1B1F") >= 3, "\(colour) on dark")
        }
    }

    @Test func coloursDashesAndMarkersAreDistinct() {
        #expect(Set(Palette.colours).count == Palette.colours.count)
        #expect(Set(Palette.dashes).count == Palette.dashes.count)
        let shapes = Marker.allCases.map { $0.path(x: 0, y: 0, size: 8) }
        #expect(Set(shapes).count == Marker.allCases.count)
    }

    @Test func indicesWrapAround() {
        #expect(Palette.colour(6) == Palette.colour(0))
        #expect(Palette.dash(7) == Palette.dash(1))
        #expect(Marker.of(2) == .triangle)
        #expect(Marker.of(6) == .square)  // colour 0 again, so a different shape
        let pairs = (0..<36).map { "\(Palette.colour($0)) \(Marker.of($0))" }
        #expect(Set(pairs).count == 36)
        #expect(Palette.colour(-1) == Palette.colours.last)
    }

    @Test func outlinesAreStrokedAndShapesFilled() {
        #expect(Marker.plus.paint("#000000").contains { $0 == ("stroke", "#000000") })
        #expect(Marker.circle.paint("#000000").contains { $0 == ("fill", "#000000") })
        #expect(Marker.allCases.filter(\.isStroked) == [.plus, .cross])
    }
}
