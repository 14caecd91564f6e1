/// The product A B with B held in `ColumnPanels`, for a B that a training run reads again and
/// again: the full-batch inputs X of the first layer (see `TrainingStep`).
extension Matrix {
    /// Whether W X reads X faster from a copy in panels (by `multiply(_:panels:into:packing:)`):
    /// W has at most 8 rows, so each number of X is used at most 8 times and the product runs
    /// at the speed X comes from memory, and X is larger than the core's own caches (2 MB).
    static func readsPanelsFaster(weights: Matrix, input: Matrix) -> Bool {
        weights.rows <= InOrderDots.columnBlock && input.count > ProductWork.largeB
    }

    /// C = A B into `c` from B in panels: the same numbers as `a * b`, every C_ij adding its
    /// terms in order of k. `packing` is scratch storage kept between calls (A is copied
    /// there in blocks of 8 rows). With a `crew`, its helper takes pieces of the product.
    static func multiply(_ a: Matrix, panels b: ColumnPanels, into c: inout Matrix, packing: inout [Double], crew: Crew? = nil) {
        guard a.columns == b.rows else {
            fatalError("shape mismatch: cannot multiply (\(a.rows), \(a.columns)) by (\(b.rows), \(b.columns))")
        }
        pack(a, into: &packing)
        multiply(packed: packing, rows: a.rows, panels: b, into: &c, crew: crew)
    }

    /// `a` laid out by `InOrderDots.pack` into `packed`, which grows to fit if it must.
    static func pack(_ a: Matrix, into packed: inout [Double]) {
        let m = a.rows, n = a.columns, size = (m + 7) / 8 * 8 * n
        if packed.count < size { packed = [Double](repeating: 0, count: size) }
        guard m > 0, n > 0 else { return }
        a.elements.withUnsafeBufferPointer { a in
            packed.withUnsafeMutableBufferPointer { InOrderDots.pack(a.baseAddress!, m: m, n: n, into: $0.baseAddress!) }
        }
    }

    /// C = A B into `c`, for an A of `rows` rows and `b.rows` columns given packed (by
    /// `pack(_:into:)`) and B in panels: the same numbers as `multiply(_:panels:into:packing:)`.
    /// With a `crew`, its helper takes pieces of the product (see `ProductWork.run`).
    static func multiply(packed a: [Double], rows m: Int, panels b: ColumnPanels, into c: inout Matrix, crew: Crew? = nil) {
        let n = b.rows, p = b.columns
        precondition(a.count >= (m + 7) / 8 * 8 * n, "the packed factor is too small for \(m) rows of \(n)")
        c.reuse(rows: m, columns: p)
        guard m > 0, p > 0 else { return }
        a.withUnsafeBufferPointer { a in
            b.elements.withUnsafeBufferPointer { b in
                c.elements.withUnsafeMutableBufferPointer { c in
                    guard n > 0 else {
                        c.update(repeating: 0)
                        return
                    }
                    let work = ProductWork(a: a.baseAddress!, b: b.baseAddress, c: c.baseAddress,
                                           m: m, n: n, p: p, rowStride: 0, kStride: 0)
                    work.run(.inOrderDots, crew: crew)
                }
            }
        }
    }
}
