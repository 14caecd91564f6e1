/// A copy of a matrix B (n, p) laid out for `InOrderDots`, which reads 8 of its columns at
/// once and each of them in order of k: the columns in panels of 8, each panel k-major.
///
/// Panel q holds the columns j = 8q, ..., 8q + w - 1, where w = min(8, p - 8q) (only the last
/// panel is narrower); B_kj is at
///
///     elements[8q n + k w + (j - 8q)]
///
/// so a panel starts where column 8q of Bᵀ would, and for each k its w numbers are side by
/// side. Why: the wide network's W X reads each number of X once per product, 8 columns at a
/// time. From Bᵀ those 8 columns are 8 rows 12288 numbers apart, 8 streams the processor has
/// to fetch in parallel; from a panel they are one stream, read straight through, as the
/// gradient's `DotProducts` reads X.
struct ColumnPanels: Sendable {
    /// n and p: B's rows (the k of the product) and columns.
    let rows: Int, columns: Int
    /// B's numbers in panels, as above.
    let elements: [Double]

    /// Columns in a full panel: those `InOrderDots` takes at once.
    static let width = InOrderDots.columnBlock

    /// B laid out in panels.
    init(_ b: Matrix) {
        let n = b.rows, p = b.columns
        rows = n
        columns = p
        elements = [Double](unsafeUninitializedCapacity: n &* p) { target, count in
            b.elements.withUnsafeBufferPointer { source in
                var q = 0
                while q < p {
                    let w = min(ColumnPanels.width, p &- q), panel = target.baseAddress! + q &* n
                    for k in 0..<n {
                        for t in 0..<w { (panel + (k &* w &+ t)).initialize(to: source[k &* p &+ q &+ t]) }
                    }
                    q &+= ColumnPanels.width
                }
            }
            count = n &* p
        }
    }
}
