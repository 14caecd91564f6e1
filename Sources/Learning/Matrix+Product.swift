import Dispatch

/// The matrix product and its two transposed forms.
///
/// All three compute sums of products over a shared index k; they differ only in where
/// each factor keeps its k. Storage is row-major: element (i, j) of an r × c matrix is
/// `elements[i * c + j]`.
extension Matrix {
    /// The matrix product C = A B of an (m, n) and an (n, p) matrix, an (m, p) matrix.
    ///
    ///     C_ij = Σ_k A_ik B_kj
    ///
    /// Stops with a message naming both shapes when A's columns differ from B's rows.
    public static func * (a: Matrix, b: Matrix) -> Matrix {
        guard a.columns == b.rows else {
            fatalError("shape mismatch: cannot multiply (\(a.rows), \(a.columns)) by (\(b.rows), \(b.columns))")
        }
        return product(a.elements, aRow: a.columns, aK: 1, b.elements, bK: b.columns, bColumn: 1,
                       m: a.rows, n: a.columns, p: b.columns)
    }

    /// The product Aᵀ B of this (n, m) matrix A, transposed, and an (n, p) matrix B,
    /// without building the transpose: an (m, p) matrix.
    ///
    ///     C_ij = Σ_k A_ki B_kj
    ///
    /// Stops with a message naming both shapes when the rows of A and B differ.
    public func transposedTimes(_ b: Matrix) -> Matrix {
        guard rows == b.rows else {
            fatalError("shape mismatch: cannot multiply the transpose of (\(rows), \(columns)) by (\(b.rows), \(b.columns))")
        }
        return Matrix.product(elements, aRow: 1, aK: columns, b.elements, bK: b.columns, bColumn: 1,
                              m: columns, n: rows, p: b.columns)
    }

    /// The product A Bᵀ of this (m, n) matrix A and the transpose of a (p, n) matrix B,
    /// without building the transpose: an (m, p) matrix.
    ///
    ///     C_ij = Σ_k A_ik B_jk
    ///
    /// Stops with a message naming both shapes when the columns of A and B differ.
    public func timesTransposed(_ b: Matrix) -> Matrix {
        guard columns == b.columns else {
            fatalError("shape mismatch: cannot multiply (\(rows), \(columns)) by the transpose of (\(b.rows), \(b.columns))")
        }
        return Matrix.product(elements, aRow: columns, aK: 1, b.elements, bK: 1, bColumn: columns,
                              m: rows, n: columns, p: b.rows)
    }

    /// C = A B, (m, n) times (n, p), reading A_ik = a[i * aRow + k * aK] and
    /// B_kj = b[k * bK + j * bColumn], so that a transposed factor is only read differently.
    private static func product(_ a: [Double], aRow: Int, aK: Int, _ b: [Double], bK: Int, bColumn: Int,
                                m: Int, n: Int, p: Int) -> Matrix {
        let elements = a.withUnsafeBufferPointer { a in
            b.withUnsafeBufferPointer { b in
                if m &* p <= ProductWork.smallCount {
                    return smallProduct(a, aRow: aRow, aK: aK, b, bK: bK, bColumn: bColumn, m: m, n: n, p: p)
                }
                return [Double](unsafeUninitializedCapacity: m &* p) { c, count in
                    // The kernels write every element, except when there is nothing to sum: then C = 0.
                    if n == 0 { c.initialize(repeating: 0) }
                    count = m &* p
                    // B stored transposed (rows of B are its columns) goes to the dot-product kernel.
                    let transposedB = bColumn != 1
                    let work = ProductWork(a: a.baseAddress, b: b.baseAddress, c: c.baseAddress, m: m, n: n, p: p,
                                           rowStride: aRow, kStride: aK)
                    work.run(dotProducts: transposedB)
                }
            }
        }
        return Matrix(rows: m, columns: p, elements: elements)
    }

    /// A small product element by element, C_ij = Σ_k A_ik B_kj in order of k, appended to an
    /// array of reserved capacity: for a handful of results, allocating the array is most of
    /// the cost, and this is the cheapest way to build one.
    private static func smallProduct(_ a: UnsafeBufferPointer<Double>, aRow: Int, aK: Int,
                                     _ b: UnsafeBufferPointer<Double>, bK: Int, bColumn: Int,
                                     m: Int, n: Int, p: Int) -> [Double] {
        var c: [Double] = []
        c.reserveCapacity(m &* p)
        for i in 0..<m {
            for j in 0..<p {
                var sum = 0.0
                for k in 0..<n { sum += a[i &* aRow &+ k &* aK] * b[k &* bK &+ j &* bColumn] }
                c.append(sum)
            }
        }
        return c
    }
}

/// One product C = A B over raw storage, cut into column ranges that cores can share.
///
/// Pointers are nil only when a matrix has no elements, and then no loop touches them.
private struct ProductWork: @unchecked Sendable {
    let a: UnsafePointer<Double>?, b: UnsafePointer<Double>?, c: UnsafeMutablePointer<Double>?
    let m: Int, n: Int, p: Int, rowStride: Int, kStride: Int

    /// Results up to this many are computed by `smallProduct`.
    static let smallCount = 32
    /// Below this many multiply-adds one core finishes before a second one would start.
    static let parallelThreshold = 1 << 20
    /// Rows of k processed at once, so the slice of B in use stays in the core's caches.
    static let kBlock = 256

    /// Computes every column of C; when the work is large enough to repay starting threads,
    /// in up to 4 column ranges that the cores take as they become free (so a core that is
    /// busy with another program does not hold the others up).
    func run(dotProducts: Bool) {
        guard m > 0, n > 0, p > 0 else { return }
        // Ranges start at a multiple of the kernels' column block (2 for dot products, 4 otherwise).
        let group = dotProducts ? 2 : 4
        let pieces = min(4, p / (4 &* group))
        if m &* n &* p < ProductWork.parallelThreshold || pieces < 2 {
            dotProducts ? ProductWork.dotProducts(self, 0..<p) : ProductWork.rowUpdates(self, 0..<p)
            return
        }
        let width = (p / pieces &+ group &- 1) / group &* group
        DispatchQueue.concurrentPerform(iterations: pieces) { piece in
            let start = piece &* width, end = piece == pieces &- 1 ? p : min(p, start &+ width)
            guard start < end else { return }
            dotProducts ? ProductWork.dotProducts(self, start..<end) : ProductWork.rowUpdates(self, start..<end)
        }
    }

    /// C[i, j] = Σ_k A_ik B[k, j] with B row-major (n, p), for j in `columns`.
    ///
    /// A 4 × 4 block of C stays in registers while k runs over a slice of B, so each
    /// element of B that is loaded feeds four rows of C. The four rows of A are first copied
    /// with every number twice, so the kernel loads pairs instead of splatting single numbers.
    /// When there are several blocks of rows, the slice of B is also copied, into 4-column
    /// strips that lie contiguously in memory, so the inner loop reads B in order instead of
    /// striding across its rows.
    static func rowUpdates(_ w: ProductWork, _ columns: Range<Int>) {
        let a = w.a!, b = w.b!, c = w.c!
        let p = w.p, rs = w.rowStride, ks = w.kStride
        let strips = columns.count / 4, fullEnd = columns.lowerBound &+ strips &* 4
        // Copying pays when B is too large for the nearest caches and feeds several row blocks.
        let packs = w.m >= 8 && strips > 0 && w.n &* w.p >= 1 << 15
        // Strips lie `stripSize` apart: 8 numbers (a cache line) more than they hold, so that
        // copying one row of B into all strips does not hit a single cache set (their starts
        // would otherwise be a multiple of 4 KB apart).
        let stripSize = kBlock &* 4 &+ 8
        let packed: UnsafeMutablePointer<Double>? = packs ? .allocate(capacity: stripSize &* strips) : nil
        defer { packed?.deallocate() }
        let pairs = UnsafeMutablePointer<Double>.allocate(capacity: w.m >= 4 && strips > 0 ? kBlock &* 8 : 0)
        defer { pairs.deallocate() }
        var k0 = 0
        while k0 < w.n {
            let k1 = min(k0 &+ kBlock, w.n), depth = k1 &- k0
            if packs {
                for k in k0..<k1 {
                    var source = b + (k &* p &+ columns.lowerBound)
                    var target = packed! + ((k &- k0) &* 4)
                    for _ in 0..<strips {
                        store2(load2(source), target); store2(load2(source + 2), target + 2)
                        source += 4; target += stripSize
                    }
                }
            }
            // Row blocks outside, strips inside: C is written row block after row block, and
            // the four rows of A in use stay in the nearest cache across the strips.
            var i = 0
            while i < w.m {
                let rowBlock = w.m &- i >= 4
                if rowBlock && strips > 0 {
                    var source = a + (i &* rs &+ k0 &* ks), target = pairs
                    for _ in 0..<depth {
                        store2(SIMD2(repeating: source[0]), target)
                        store2(SIMD2(repeating: source[rs]), target + 2)
                        store2(SIMD2(repeating: source[2 &* rs]), target + 4)
                        store2(SIMD2(repeating: source[3 &* rs]), target + 6)
                        source += ks; target += 8
                    }
                }
                var j = columns.lowerBound
                while j < fullEnd {
                    let strip = packs ? UnsafePointer(packed! + ((j &- columns.lowerBound) / 4 &* stripSize)) : b + (k0 &* p &+ j)
                    let stripStride = packs ? 4 : p
                    if rowBlock {
                        block4x4(a: pairs, b: strip, bs: stripStride, c: c + (i &* p &+ j), p: p,
                                 depth: depth, first: k0 == 0)
                    } else {
                        block1x4(a: a + (i &* rs &+ k0 &* ks), ks: ks, b: strip, bs: stripStride,
                                 c: c + (i &* p &+ j), depth: depth, first: k0 == 0)
                    }
                    j &+= 4
                }
                // The last columns (fewer than four), one at a time.
                for row in i..<(rowBlock ? i &+ 4 : i &+ 1) {
                    for j in fullEnd..<columns.upperBound {
                        var sum = k0 == 0 ? 0 : c[row &* p &+ j]
                        for k in k0..<k1 { sum += a[row &* rs &+ k &* ks] * b[k &* p &+ j] }
                        c[row &* p &+ j] = sum
                    }
                }
                i &+= rowBlock ? 4 : 1
            }
            k0 = k1
        }
    }

    @inline(__always)
    private static func load2(_ pointer: UnsafePointer<Double>) -> SIMD2<Double> {
        UnsafeRawPointer(pointer).loadUnaligned(as: SIMD2<Double>.self)
    }

    @inline(__always)
    private static func load2(_ pointer: UnsafeMutablePointer<Double>) -> SIMD2<Double> {
        UnsafeRawPointer(pointer).loadUnaligned(as: SIMD2<Double>.self)
    }

    @inline(__always)
    private static func store2(_ value: SIMD2<Double>, _ pointer: UnsafeMutablePointer<Double>) {
        UnsafeMutableRawPointer(pointer).storeBytes(of: value, as: SIMD2<Double>.self)
    }

    /// C[0..<4, 0..<4] (+)= Σ_{t < depth} A[0..<4, t] B[t, 0..<4]: A as pairs (A[0, t] twice,
    /// A[1, t] twice, ..., 8 numbers per t), B's rows `bs` apart, C's rows `p` apart; `first`
    /// sets C instead of adding to it.
    @inline(__always)
    private static func block4x4(a: UnsafeMutablePointer<Double>, b: UnsafePointer<Double>, bs: Int,
                                 c: UnsafeMutablePointer<Double>, p: Int, depth: Int, first: Bool) {
        let c1 = c + p, c2 = c1 + p, c3 = c2 + p
        var r0l = SIMD2<Double>(), r0h = r0l, r1l = r0l, r1h = r0l, r2l = r0l, r2h = r0l, r3l = r0l, r3h = r0l
        if !first {
            r0l = load2(c); r0h = load2(c + 2); r1l = load2(c1); r1h = load2(c1 + 2)
            r2l = load2(c2); r2h = load2(c2 + 2); r3l = load2(c3); r3h = load2(c3 + 2)
        }
        var pa = a, pb = b
        for _ in 0..<depth {
            let bl = load2(pb), bh = load2(pb + 2)
            let x0 = load2(pa), x1 = load2(pa + 2), x2 = load2(pa + 4), x3 = load2(pa + 6)
            r0l += x0 * bl; r0h += x0 * bh
            r1l += x1 * bl; r1h += x1 * bh
            r2l += x2 * bl; r2h += x2 * bh
            r3l += x3 * bl; r3h += x3 * bh
            pa += 8; pb += bs
        }
        store2(r0l, c); store2(r0h, c + 2); store2(r1l, c1); store2(r1h, c1 + 2)
        store2(r2l, c2); store2(r2h, c2 + 2); store2(r3l, c3); store2(r3h, c3 + 2)
    }

    /// C[0, 0..<4] (+)= Σ_{t < depth} A[0, t] B[t, 0..<4], with the strides and `first` of `block4x4`.
    @inline(__always)
    private static func block1x4(a: UnsafePointer<Double>, ks: Int, b: UnsafePointer<Double>, bs: Int,
                                 c: UnsafeMutablePointer<Double>, depth: Int, first: Bool) {
        var rl = first ? SIMD2() : load2(c), rh = first ? SIMD2() : load2(c + 2)
        var pa = a, pb = b
        for _ in 0..<depth {
            let x = SIMD2(repeating: pa[0])
            rl += x * load2(pb); rh += x * load2(pb + 2)
            pa += ks; pb += bs
        }
        store2(rl, c); store2(rh, c + 2)
    }

    /// C[i, j] = Σ_k A[i, k] B[j, k] (both rows contiguous in k), for j in `columns`.
    ///
    /// Two rows of B stay in the nearest cache while every row of A meets them, so B,
    /// the large factor in a weight gradient, is read from memory once.
    static func dotProducts(_ w: ProductWork, _ columns: Range<Int>) {
        let a = w.a!, b = w.b!, c = w.c!
        let n = w.n, p = w.p, even = n & ~1
        var j = columns.lowerBound
        while j < columns.upperBound {
            let pair = j &+ 1 < columns.upperBound
            let b0 = b + (j &* n), b1 = pair ? b0 + n : b0
            var i = 0
            while i < w.m {
                let rowsHere = min(4, w.m &- i)
                let a0 = a + (i &* n)
                let a1 = rowsHere > 1 ? a0 + n : a0, a2 = rowsHere > 2 ? a1 + n : a1
                let a3 = rowsHere > 3 ? a2 + n : a2
                var s00 = SIMD2<Double>(), s01 = SIMD2<Double>(), s10 = SIMD2<Double>(), s11 = SIMD2<Double>()
                var s20 = SIMD2<Double>(), s21 = SIMD2<Double>(), s30 = SIMD2<Double>(), s31 = SIMD2<Double>()
                var k = 0
                while k < even {
                    let y0 = load2(b0 + k), y1 = load2(b1 + k)
                    let x0 = load2(a0 + k), x1 = load2(a1 + k), x2 = load2(a2 + k), x3 = load2(a3 + k)
                    s00 += x0 * y0; s01 += x0 * y1
                    s10 += x1 * y0; s11 += x1 * y1
                    s20 += x2 * y0; s21 += x2 * y1
                    s30 += x3 * y0; s31 += x3 * y1
                    k &+= 2
                }
                let tail = even < n
                func put(_ r: Int, _ x: UnsafePointer<Double>, _ s0: SIMD2<Double>, _ s1: SIMD2<Double>) {
                    guard r < rowsHere else { return }
                    var v0 = s0.sum(), v1 = s1.sum()
                    if tail { v0 += x[even] * b0[even]; v1 += x[even] * b1[even] }
                    c[(i &+ r) &* p &+ j] = v0
                    if pair { c[(i &+ r) &* p &+ j &+ 1] = v1 }
                }
                put(0, a0, s00, s01); put(1, a1, s10, s11); put(2, a2, s20, s21); put(3, a3, s30, s31)
                i &+= 4
            }
            j &+= 2
        }
    }
}
