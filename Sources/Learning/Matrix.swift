/// A rectangular grid of numbers: the one data type every layer, loss and optimiser uses.
///
/// Shape convention (the book's): `rows x columns`, and a batch of examples is stored with
/// **one example per column**. A layer with 8 units over 209 examples gives an (8, 209)
/// matrix; its weights are (units out, units in) and its bias is (units out, 1).
///
/// Storage is row-major: element (i, j) lives at `elements[i * columns + j]`.
public struct Matrix: Sendable {
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
}
