/// One contour line: points in data coordinates, joined in order, closed or open.
struct ContourLine {
    var points: [(x: Double, y: Double)]
    /// Whether the last point joins back to the first (a ring inside the grid).
    var isClosed: Bool
}

/// Contour lines f(x, y) = level by marching squares.
///
/// f is sampled on a grid of `resolution` × `resolution` cells. A corner is "above" when
/// f ≥ level; each cell's four above/below bits pick which of its edges the line crosses,
/// and the crossing on an edge from a to b is at the fraction (level − f(a)) / (f(b) − f(a)).
/// The two ambiguous cells (opposite corners above) are decided by f at the cell's centre.
/// A crossing is shared by the two cells beside its edge, so the pieces are joined
/// through their edges into whole lines.
enum MarchingSquares {
    /// The lines where `f` equals `level` over the rectangle `x` × `y`.
    static func lines(of f: (Double, Double) -> Double, x: ClosedRange<Double>, y: ClosedRange<Double>,
                      resolution: Int, level: Double) -> [ContourLine] {
        lines(of: Samples(f, x: x, y: y, resolution: resolution), level: level)
    }

    /// f on the grid's corners, computed once and shared by every level.
    struct Samples {
        var x: ClosedRange<Double>
        var y: ClosedRange<Double>
        var resolution: Int
        /// values[j][i] = f(x_i, y_j), j along y.
        var values: [[Double]]
        var centres: [[Double]]

        init(_ f: (Double, Double) -> Double, x: ClosedRange<Double>, y: ClosedRange<Double>, resolution: Int) {
            require(resolution >= 2, "contours need a resolution of at least 2 cells, got \(resolution)")
            require(x.upperBound > x.lowerBound && y.upperBound > y.lowerBound, "contours need a range with some width and height")
            self.x = x
            self.y = y
            self.resolution = resolution
            let step = ((x.upperBound - x.lowerBound) / Double(resolution), (y.upperBound - y.lowerBound) / Double(resolution))
            values = (0...resolution).map { j in
                (0...resolution).map { i in f(x.lowerBound + Double(i) * step.0, y.lowerBound + Double(j) * step.1) }
            }
            centres = (0..<resolution).map { j in
                (0..<resolution).map { i in f(x.lowerBound + (Double(i) + 0.5) * step.0, y.lowerBound + (Double(j) + 0.5) * step.1) }
            }
        }

        /// The data coordinates of grid corner (i, j).
        func corner(_ i: Int, _ j: Int) -> (x: Double, y: Double) {
            (x.lowerBound + Double(i) * (x.upperBound - x.lowerBound) / Double(resolution),
             y.lowerBound + Double(j) * (y.upperBound - y.lowerBound) / Double(resolution))
        }
    }

    /// A cell edge: horizontal from corner (i, j) to (i+1, j), or vertical to (i, j+1).
    private struct Edge: Hashable {
        var i: Int, j: Int, vertical: Bool
    }

    /// A piece of line inside one cell, from a crossing on one edge to one on another.
    private struct Segment {
        var from: Edge, to: Edge
    }

    /// The lines at `level` through precomputed samples.
    static func lines(of samples: Samples, level: Double) -> [ContourLine] {
        var segments: [Segment] = []
        for j in 0..<samples.resolution {
            for i in 0..<samples.resolution {
                segments += cell(i, j, samples, level)
            }
        }
        return join(segments) { edge in crossing(edge, samples, level) }
    }

    /// The pieces of line in cell (i, j), whose lower-left corner is grid corner (i, j).
    private static func cell(_ i: Int, _ j: Int, _ s: Samples, _ level: Double) -> [Segment] {
        let v = s.values
        let above = (v[j][i] >= level ? 1 : 0) | (v[j][i + 1] >= level ? 2 : 0)
            | (v[j + 1][i + 1] >= level ? 4 : 0) | (v[j + 1][i] >= level ? 8 : 0)
        let bottom = Edge(i: i, j: j, vertical: false), top = Edge(i: i, j: j + 1, vertical: false)
        let left = Edge(i: i, j: j, vertical: true), right = Edge(i: i + 1, j: j, vertical: true)
        let centreAbove = s.centres[j][i] >= level
        switch above {
        case 1, 14: return [Segment(from: left, to: bottom)]
        case 2, 13: return [Segment(from: bottom, to: right)]
        case 3, 12: return [Segment(from: left, to: right)]
        case 4, 11: return [Segment(from: right, to: top)]
        case 6, 9: return [Segment(from: bottom, to: top)]
        case 7, 8: return [Segment(from: left, to: top)]
        case 5:  // lower-left and upper-right above
            return centreAbove
                ? [Segment(from: bottom, to: right), Segment(from: left, to: top)]
                : [Segment(from: left, to: bottom), Segment(from: right, to: top)]
        case 10:  // lower-right and upper-left above
            return centreAbove
                ? [Segment(from: left, to: bottom), Segment(from: right, to: top)]
                : [Segment(from: bottom, to: right), Segment(from: left, to: top)]
        default: return []
        }
    }

    /// Where the line at `level` crosses `edge`, by linear interpolation between its ends.
    private static func crossing(_ edge: Edge, _ s: Samples, _ level: Double) -> (x: Double, y: Double) {
        let (i2, j2) = edge.vertical ? (edge.i, edge.j + 1) : (edge.i + 1, edge.j)
        let a = s.values[edge.j][edge.i], b = s.values[j2][i2]
        let t = a == b ? 0.5 : min(1, max(0, (level - a) / (b - a)))
        let p = s.corner(edge.i, edge.j), q = s.corner(i2, j2)
        return (p.x + t * (q.x - p.x), p.y + t * (q.y - p.y))
    }

    /// Pieces chained into lines through the edges they share, in the order pieces were found.
    private static func join(_ segments: [Segment], at point: (Edge) -> (x: Double, y: Double)) -> [ContourLine] {
        // Each crossed edge belongs to at most two pieces: the cells on either side.
        var byEdge: [Edge: [Int]] = [:]
        for (index, segment) in segments.enumerated() {
            byEdge[segment.from, default: []].append(index)
            byEdge[segment.to, default: []].append(index)
        }
        var used = [Bool](repeating: false, count: segments.count)
        var lines: [ContourLine] = []
        for start in segments.indices where !used[start] {
            used[start] = true
            let first = segments[start]
            let forward = follow(from: first.to, byEdge, segments, &used)
            let closed = forward.last == first.from
            let backward = closed ? [] : follow(from: first.from, byEdge, segments, &used)
            let edges = backward.reversed() + [first.from, first.to] + forward.dropLast(closed ? 1 : 0)
            lines.append(ContourLine(points: edges.map(point), isClosed: closed))
        }
        return lines
    }

    /// The edges reached by walking from `edge` through unused pieces, marking them used.
    private static func follow(from edge: Edge, _ byEdge: [Edge: [Int]], _ segments: [Segment], _ used: inout [Bool]) -> [Edge] {
        var edges: [Edge] = []
        var current = edge
        while let next = byEdge[current]?.first(where: { !used[$0] }) {
            used[next] = true
            let segment = segments[next]
            current = segment.from == current ? segment.to : segment.from
            edges.append(current)
        }
        return edges
    }
}
