/// Sums, means and maxima over a whole matrix, over each row, or over each column.
///
/// With examples as columns, `rowSums()` adds over the examples (as the bias gradient
/// db = Σ_examples dZ does) and `columnSums()` adds over the units of each example.
extension Matrix {
    /// The sum of every element, Σ_ij M_ij.
    public func sum() -> Double {
        elements.reduce(0, +)
    }

    /// The mean of every element, (1 / (rows x columns)) Σ_ij M_ij.
    public func mean() -> Double {
        if count == 0 { fatalError("cannot take the mean of an empty \(shape) matrix") }
        return sum() / Double(count)
    }

    /// The largest element.
    public func max() -> Double {
        guard let value = elements.max() else { fatalError("cannot take the maximum of an empty \(shape) matrix") }
        return value
    }

    /// The smallest element.
    public func min() -> Double {
        guard let value = elements.min() else { fatalError("cannot take the minimum of an empty \(shape) matrix") }
        return value
    }

    /// The sum of each row, a (rows, 1) column: (rowSums)_i = Σ_j M_ij (sums over examples).
    public func rowSums() -> Matrix {
        var result = [Double](repeating: 0, count: rows)
        let width = columns
        elements.withUnsafeBufferPointer { m in
            for i in 0..<rows {
                var total = 0.0
                for j in 0..<width { total += m[i * width + j] }
                result[i] = total
            }
        }
        return Matrix(rows: rows, columns: 1, elements: result)
    }

    /// The sum of each column, a (1, columns) row: (columnSums)_j = Σ_i M_ij (sums over units).
    public func columnSums() -> Matrix {
        var result = [Double](repeating: 0, count: columns)
        let width = columns
        elements.withUnsafeBufferPointer { m in
            result.withUnsafeMutableBufferPointer { sums in
                for i in 0..<rows {
                    for j in 0..<width { sums[j] += m[i * width + j] }
                }
            }
        }
        return Matrix(rows: 1, columns: columns, elements: result)
    }

    /// The mean of each row, a (rows, 1) column: (1 / columns) Σ_j M_ij (the mean over examples).
    public func rowMeans() -> Matrix {
        if columns == 0 { fatalError("cannot take row means of a \(shape) matrix: it has no columns") }
        return rowSums() / Double(columns)
    }

    /// The mean of each column, a (1, columns) row: (1 / rows) Σ_i M_ij.
    public func columnMeans() -> Matrix {
        if rows == 0 { fatalError("cannot take column means of a \(shape) matrix: it has no rows") }
        return columnSums() / Double(rows)
    }

    /// For each column, the row index of its largest element (the first one on a tie):
    /// the predicted class of each example when rows are classes.
    public func columnArgmax() -> [Int] {
        if rows == 0 { fatalError("cannot take the argmax of a \(shape) matrix: it has no rows") }
        return (0..<columns).map { j in
            var best = 0
            for i in 1..<rows where elements[i * columns + j] > elements[best * columns + j] {
                best = i
            }
            return best
        }
    }
}
