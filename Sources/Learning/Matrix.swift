/// A rectangular grid of numbers: the one data type every layer, loss and optimiser uses.
///
/// Shape convention (the book's): `rows x columns`, and a batch of examples is stored with
/// **one example per column**. A layer with 8 units over 209 examples gives an (8, 209)
/// matrix; its weights are (units out, units in) and its bias is (units out, 1).
///
/// Storage is row-major: element (i, j) lives at `elements[i * columns + j]`.
///
/// Equality is exact, element by element (`-0.0 == 0.0`, and a NaN equals nothing): two
/// matrices that differ in the last bit are different. Compare with a tolerance in tests.
public struct Matrix: Equatable, Sendable {
    /// The number of rows (for activations: units, or features).
    public let rows: Int
    /// The number of columns (for activations: examples).
    public let columns: Int
    /// The numbers, row after row: element (i, j) is `elements[i * columns + j]`.
    public var elements: [Double]

    /// A matrix from its shape and its row-major elements; `elements.count` must be `rows * columns`.
    public init(rows: Int, columns: Int, elements: [Double]) {
        if rows < 0 || columns < 0 {
            fatalError("invalid shape (\(rows), \(columns)): rows and columns must not be negative")
        }
        if elements.count != rows * columns {
            fatalError(
                "shape mismatch: (\(rows), \(columns)) needs \(rows * columns) elements, got \(elements.count)")
        }
        self.rows = rows
        self.columns = columns
        self.elements = elements
    }

    /// A matrix from its rows, written as they look: `Matrix([[1, 2, 3], [4, 5, 6]])` is (2, 3).
    ///
    /// Every row must have the same length.
    public init(_ rows: [[Double]]) {
        let width = rows.first?.count ?? 0
        for (index, row) in rows.enumerated() where row.count != width {
            fatalError("ragged rows: row 0 has \(width) numbers but row \(index) has \(row.count); give every row the same length")
        }
        self.init(rows: rows.count, columns: width, elements: rows.flatMap { $0 })
    }

    /// A matrix from its columns, one example each: `Matrix(columns: [[0, 1], [1, 1], [2, 1]])`
    /// is (2, 3). Every column must have the same length.
    public init(columns: [[Double]]) {
        self = Matrix(columns).transposed
    }

    /// A column vector, shape (n, 1): one example, or a bias.
    public init(column: [Double]) {
        self.init(rows: column.count, columns: 1, elements: column)
    }

    /// A row vector, shape (1, n): for example one output unit over n examples.
    public init(row: [Double]) {
        self.init(rows: 1, columns: row.count, elements: row)
    }

    /// A matrix of the given shape with every element equal to `value`.
    public init(rows: Int, columns: Int, repeating value: Double) {
        self.init(rows: rows, columns: columns, elements: [Double](repeating: value, count: Swift.max(0, rows * columns)))
    }

    /// The (n, n) identity matrix: 1 on the diagonal, 0 elsewhere.
    public static func identity(_ n: Int) -> Matrix {
        var result = Matrix(rows: n, columns: n, repeating: 0)
        for i in 0..<n { result.elements[i * n + i] = 1 }
        return result
    }

    /// The shape (rows, columns); prints as `(8, 209)`.
    public var shape: Shape { Shape(rows, columns) }

    /// The number of elements, rows x columns.
    public var count: Int { elements.count }

    /// Element (i, j): row i, column j, both counted from 0.
    public subscript(row: Int, column: Int) -> Double {
        get {
            checkIndex(row, column)
            return elements[row * columns + column]
        }
        set {
            checkIndex(row, column)
            elements[row * columns + column] = newValue
        }
    }

    private func checkIndex(_ row: Int, _ column: Int) {
        if row < 0 || row >= rows || column < 0 || column >= columns {
            fatalError("index out of range: (\(row), \(column)) in a \(shape) matrix")
        }
    }

    /// The transpose: element (i, j) of the result is element (j, i) of this matrix.
    ///
    /// Copied in tiles of 32 x 32, so that both the rows read and the rows written stay in
    /// the cache while a tile is copied (a large matrix copied row by row writes every number
    /// to a different cache line).
    public var transposed: Matrix {
        let height = rows, width = columns, tile = 32
        let result = [Double](unsafeUninitializedCapacity: count) { t, initialized in
            elements.withUnsafeBufferPointer { m in
                for i0 in stride(from: 0, to: height, by: tile) {
                    for j0 in stride(from: 0, to: width, by: tile) {
                        for i in i0..<Swift.min(i0 + tile, height) {
                            for j in j0..<Swift.min(j0 + tile, width) { t[j &* height &+ i] = m[i &* width &+ j] }
                        }
                    }
                }
            }
            initialized = height * width
        }
        return Matrix(rows: columns, columns: rows, elements: result)
    }

    /// A new matrix of the same shape with `transform` applied to every element.
    public func map(_ transform: (Double) throws -> Double) rethrows -> Matrix {
        Matrix(rows: rows, columns: columns, elements: try elements.map(transform))
    }

    /// The rows as arrays, top to bottom: the inverse of `Matrix(_ rows:)`.
    public var rowArrays: [[Double]] {
        (0..<rows).map { i in Array(elements[(i * columns)..<((i + 1) * columns)]) }
    }

    /// Column `j` as a column vector, shape (rows, 1): example j of a batch.
    public func column(_ j: Int) -> Matrix {
        columns(at: [j])
    }

    /// Row `i` as a row vector, shape (1, columns): unit i over every example.
    public func row(_ i: Int) -> Matrix {
        if i < 0 || i >= rows {
            fatalError("index out of range: row \(i) in a \(shape) matrix")
        }
        return Matrix(rows: 1, columns: columns, elements: Array(elements[(i * columns)..<((i + 1) * columns)]))
    }

    /// The columns at `indices`, in that order, shape (rows, indices.count): a mini-batch.
    public func columns(at indices: [Int]) -> Matrix {
        var result = Matrix(rows: 0, columns: 0, elements: [])
        columns(at: indices, into: &result)
        return result
    }

    /// The columns at `indices` into `result`, reusing its storage when it already has the
    /// shape (rows, indices.count): a mini-batch gathered on every step of SGD.
    func columns(at indices: [Int], into result: inout Matrix) {
        for j in indices where j < 0 || j >= columns {
            fatalError("index out of range: column \(j) in a \(shape) matrix")
        }
        gather(indices, rows: rows, rowStride: columns, indexStride: 1, into: &result)
    }

    /// The rows at `indices`, transposed, into `result`: the same matrix as
    /// `transposed.columns(at: indices, into: &result)`, from a matrix that is the transpose
    /// of the one whose columns are wanted. A mini-batch from Xᵀ, kept with one example per
    /// row: each example's numbers lie side by side (8 to a cache line), where X's columns
    /// spread one number over each of `rows` cache lines.
    func transposedRows(at indices: [Int], into result: inout Matrix) {
        for i in indices where i < 0 || i >= rows {
            fatalError("index out of range: row \(i) in a \(shape) matrix")
        }
        gather(indices, rows: columns, rowStride: 1, indexStride: columns, into: &result)
    }

    /// result[i, k] = elements[i · rowStride + indices[k] · indexStride], for i < `rows` and
    /// every k, into `result` (kept when it has that shape), row i of the result at a time,
    /// written in order: the copy both gathers make, for indices already checked.
    private func gather(_ indices: [Int], rows: Int, rowStride: Int, indexStride: Int, into result: inout Matrix) {
        let count = indices.count
        result.reuse(rows: rows, columns: count)
        if rows == 0 || count == 0 { return }
        elements.withUnsafeBufferPointer { m in
            indices.withUnsafeBufferPointer { chosen in
                result.elements.withUnsafeMutableBufferPointer { r in
                    // Row i of the result at a time; read from the chosen rows of a transposed
                    // matrix, its numbers stay in the nearest cache after the first pass over them.
                    for i in 0..<rows {
                        let source = m.baseAddress! + i &* rowStride, target = r.baseAddress! + i &* count
                        for k in 0..<count { target[k] = source[chosen[k] &* indexStride] }
                    }
                }
            }
        }
    }
}

/// The shape of a matrix, (rows, columns); its description is the book's notation, `(8, 209)`.
public struct Shape: Equatable, Hashable, Sendable, CustomStringConvertible {
    /// The number of rows.
    public var rows: Int
    /// The number of columns.
    public var columns: Int

    /// The shape (rows, columns).
    public init(_ rows: Int, _ columns: Int) {
        self.rows = rows
        self.columns = columns
    }

    /// `(rows, columns)`, e.g. `(8, 209)`.
    public var description: String { "(\(rows), \(columns))" }
}
