import Learning

/// |a - b| ≤ tolerance: for comparing hand-computed values with computed ones.
func isClose(_ a: Double, _ b: Double, within tolerance: Double = 1e-12) -> Bool {
    abs(a - b) <= tolerance
}

/// Same shape and every element within `tolerance`.
func isClose(_ a: Matrix, _ b: Matrix, within tolerance: Double = 1e-12) -> Bool {
    a.shape == b.shape && zip(a.elements, b.elements).allSatisfy { abs($0 - $1) <= tolerance }
}

/// The path of a file in the repository's `chapters/data` folder, found from this source file.
func shippedData(_ name: String) -> String {
    var path = #filePath
    // .../Tests/LearningTests/TestSupport.swift -> ...
    for _ in 0..<3 {
        while let last = path.last, last != "/" { path.removeLast() }
        path.removeLast()
    }
    return path + "/chapters/data/" + name
}
