/// The step numbers written beside the points of a path (0 at the start, then 1, 2, ...), so a
/// reader can follow gradient descent point by point, as "step 3 lands here".
///
/// A number is written up and to the right of its point, in the path's colour, unless its
/// point lies within `spacing` pixels of a point already numbered: where a path piles up
/// near a minimum, only the first of the crowded points keeps its number.
///
/// The numbers are 13 units, the size of a contour plot's level labels, so they are not the
/// figure's smallest text: the website keeps a drawing wide enough that its smallest text is
/// 11 px on a phone (`Figure`), and 11-unit numbers held a numbered chart at its full 640 px
/// there, where 13 lets it be 542. `spacing` grew with them (16 for 11), so two numbers kept
/// stay as far apart, for their size, as before.
enum StepNumbers {
    static let fontSize = 13.0
    static let spacing = 19.0

    /// The indices that get a number, given each point's place on the page (nil: off the plot).
    static func numbered(_ points: [(x: Double, y: Double)?]) -> [Int] {
        var kept: [(x: Double, y: Double)] = []
        var indices: [Int] = []
        for (index, point) in points.enumerated() {
            guard let point else { continue }
            let crowded = kept.contains { ($0.x - point.x) * ($0.x - point.x) + ($0.y - point.y) * ($0.y - point.y) < spacing * spacing }
            if crowded { continue }
            kept.append(point)
            indices.append(index)
        }
        return indices
    }

    /// Writes the numbers of `points` (already placed on the page) in `colour`.
    static func draw(_ points: [(x: Double, y: Double)?], colour: String, into svg: inout SVG) {
        svg.group("g", [("class", "plot-step-numbers"), ("font-size", n(fontSize)), ("fill", colour)]) { svg in
            for index in numbered(points) {
                guard let point = points[index] else { continue }
                svg.text("text", [("x", n(point.x + 5)), ("y", n(point.y - 5))], String(index))
            }
        }
    }
}
