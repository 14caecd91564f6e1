import Learning

/// |a - b| ≤ tolerance: for comparing hand-computed values with computed ones.
func isClose(_ a: Double, _ b: Double, within tolerance: Double = 1e-12) -> Bool {
    abs(a - b) <= tolerance
}

/// Same shape and every element within `tolerance`.
func isClose(_ a: Matrix, _ b: Matrix, within tolerance: Double = 1e-12) -> Bool {
    a.shape == b.shape && zip(a.elements, b.elements).allSatisfy { abs($0 - $1) <= tolerance }
}
