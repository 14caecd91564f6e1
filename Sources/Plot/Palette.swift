/// Series colours and line dashes readable on light and dark pages and by colour-blind readers.
///
/// The colours are Okabe and Ito's colour-blind-safe set, ordered so the first ones contrast
/// at least 3:1 with both white and near-black backgrounds; the yellow and the black of the
/// original set are left out (invisible on white and on black pages). Series also differ by
/// dash pattern and classes by marker shape, so nothing depends on colour alone.
enum Palette {
    /// Blue, vermillion, bluish green, reddish purple, orange, sky blue.
    static let colours = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9"]

    /// Solid, dashed, dotted, dash-dot, long dash, dense dots (`stroke-dasharray` values).
    static let dashes = ["", "7 4", "2 3", "8 3 2 3", "12 4", "1 2"]

    /// The colour of series or class `index`, repeating after six.
    static func colour(_ index: Int) -> String { colours[wrapped(index, colours.count)] }

    /// The dash pattern of series `index`, repeating after six; empty for a solid line.
    static func dash(_ index: Int) -> String { dashes[wrapped(index, dashes.count)] }

    private static func wrapped(_ index: Int, _ count: Int) -> Int { ((index % count) + count) % count }
}

/// A point marker; class `k` of a scatter plot uses colour `k` and shape `k`.
enum Marker: CaseIterable {
    case circle, square, triangle, diamond, plus, cross

    /// The marker of class `index`: shape `index` for the first six classes; after that the
    /// shapes shift by one each round (class 6 is colour 0 with shape 1), so that colour and
    /// shape together tell 36 classes apart.
    static func of(_ index: Int) -> Marker {
        let all = Marker.allCases
        let shifted = index + index / all.count
        return all[((shifted % all.count) + all.count) % all.count]
    }

    /// Outlined shapes (plus and cross) are stroked; the others are filled.
    var isStroked: Bool { self == .plus || self == .cross }

    /// Path data for this marker centred at (x, y), about `size` across.
    func path(x: Double, y: Double, size: Double) -> String {
        let r = size / 2
        switch self {
        case .circle:
            // Two half-circle arcs: SVG has no single-command full circle in path data.
            return "M\(n(x - r)) \(n(y))a\(n(r)) \(n(r)) 0 1 0 \(n(2 * r)) 0a\(n(r)) \(n(r)) 0 1 0 \(n(-2 * r)) 0Z"
        case .square:
            let s = r * 0.89  // the same area as the circle
            return pathData([(x - s, y - s), (x + s, y - s), (x + s, y + s), (x - s, y + s)], closed: true)
        case .triangle:
            let t = r * 1.2
            return pathData([(x, y - t), (x + t * 0.87, y + t * 0.5), (x - t * 0.87, y + t * 0.5)], closed: true)
        case .diamond:
            let d = r * 1.25
            return pathData([(x, y - d), (x + d, y), (x, y + d), (x - d, y)], closed: true)
        case .plus:
            let p = r * 1.1
            return "M\(n(x - p)) \(n(y))H\(n(x + p))M\(n(x)) \(n(y - p))V\(n(y + p))"
        case .cross:
            let c = r * 0.85
            return "M\(n(x - c)) \(n(y - c))L\(n(x + c)) \(n(y + c))M\(n(x - c)) \(n(y + c))L\(n(x + c)) \(n(y - c))"
        }
    }

    /// The fill and stroke attributes that draw this marker in `colour`.
    func paint(_ colour: String) -> [SVG.Attribute] {
        isStroked
            ? [("fill", "none"), ("stroke", colour), ("stroke-width", "2")]
            : [("fill", colour), ("stroke", "none")]
    }
}
