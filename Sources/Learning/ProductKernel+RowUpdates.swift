/// The kernel for C = A B with B row-major (n, p): `*` and `transposedTimes`.
///
/// A block of C, up to 8 rows (4 with AVX2's 16 registers: `Blocking`) by 8 columns, stays in
/// vector registers while k runs over a slice of B (both factors' slices first copied so the
/// kernel reads them in order): each step loads 8 numbers of one row of B and adds A_ik times
/// them to row i of the block, for every row i. Every C_ij still adds its terms one by one in order of k,
/// exactly as the definition is written, so vectors change the speed and never the result.
enum RowUpdates {
    /// Columns of C in one vector: the kernel's column block.
    static let columnBlock = Vector.scalarCount

    /// 8 numbers: one AVX-512 register, or two AVX ones, or four SSE ones.
    typealias Vector = SIMD8<Double>

    /// C[i, j] = Σ_k A_ik B_kj, in order of k, for every row i and every j in `columns`.
    static func compute(_ w: ProductWork, _ columns: Range<Int>) {
        let a = w.a!, b = w.b!, c = w.c!
        let m = w.m, n = w.n, p = w.p, rs = w.rowStride, ks = w.kStride
        let width = columnBlock, strips = columns.count / width
        let fullEnd = columns.lowerBound &+ strips &* width
        // A slice of a B too large for the core's own caches (over 2 MB) is first copied into
        // strips of 8 columns that lie one after the other: the copy reads B in the order it
        // is stored, which the hardware prefetches well from memory, and the kernel then
        // reads each strip in order too. For a B that stays in the caches the copy costs more
        // than it saves (8 x 1024 x 209 ran at half speed with it).
        let packs = strips > 0 && n &* p > ProductWork.largeB
        // Strips lie `stripSize` apart: a cache line more than they hold, so that copying one
        // row of B into every strip does not map all the stores to one cache set; they start
        // on cache lines, so no load or store of 8 numbers is split across two.
        let stripSize = ProductWork.kBlock &* width &+ 8
        let packed: UnsafeMutablePointer<Double>? = packs
            ? UnsafeMutableRawPointer.allocate(byteCount: 8 &* stripSize &* strips, alignment: 64)
                .bindMemory(to: Double.self, capacity: stripSize &* strips)
            : nil
        defer { packed?.deallocate() }
        // The slice of A is copied too, each row block's numbers for one k side by side, so a
        // step reads one cache line of A instead of 8 lines that, for a wide A, lie a multiple
        // of 4 KB apart and so compete for one cache set. Not when those numbers already lie
        // side by side (A read transposed, `transposedTimes`), nor when A's rows are less than
        // 4 KB apart: then the 8 lines fall in different sets, and the copy (2,048 numbers for
        // a 32 x 64 A) was 7% of a 32 x 64 by 64 x 32 product.
        let packsA = strips > 0 && !(rs == 1 || (ks == 1 && rs < 512))
        let packedA: UnsafeMutablePointer<Double>? = packsA ? .allocate(capacity: m &* ProductWork.kBlock) : nil
        defer { packedA?.deallocate() }
        var k0 = 0
        while k0 < n {
            let k1 = min(k0 &+ ProductWork.kBlock, n), depth = k1 &- k0, first = k0 == 0
            if let packedA {
                var i = 0
                while i < m {
                    let rows = blockRows(m &- i, w.blocking), target = packedA + i &* ProductWork.kBlock
                    for t in 0..<depth {
                        for r in 0..<rows { target[t &* rows &+ r] = a[(i &+ r) &* rs &+ (k0 &+ t) &* ks] }
                    }
                    i &+= rows
                }
            }
            if let packed {
                for k in k0..<k1 {
                    var source = b + (k &* p &+ columns.lowerBound), target = packed + (k &- k0) &* width
                    for _ in 0..<strips {
                        Vector.load(source).store(target)
                        source += width; target += stripSize
                    }
                }
            }
            // Column blocks outside, row blocks inside: the slice of B under one column block
            // (depth x 8 numbers) stays in the nearest cache while every row block meets it.
            for s in 0..<strips {
                let j = columns.lowerBound &+ s &* width
                let slice = packed.map { UnsafePointer($0 + s &* stripSize) } ?? b + (k0 &* p &+ j)
                let bs = packs ? width : p
                var i = 0
                while i < m {
                    let target = c + (i &* p &+ j)
                    // A_(i+r),(k0+t) at source[r + t * rows] packed, at source[r * rs + t * ks] in place.
                    let source = packedA.map { UnsafePointer($0 + i &* ProductWork.kBlock) } ?? a + (i &* rs &+ k0 &* ks)
                    let rows = blockRows(m &- i, w.blocking)
                    // Packed, a block's numbers for one k are side by side: strides the compiler
                    // sees as constants (given A's own strides, it computes every address).
                    switch (rows, packsA) {
                    case (8, true):
                        block(rows: 8, a: source, rs: 1, ks: 8, b: slice, bs: bs, c: target, p: p, depth: depth, first: first)
                    case (4, true):
                        block(rows: 4, a: source, rs: 1, ks: 4, b: slice, bs: bs, c: target, p: p, depth: depth, first: first)
                    case (_, true):
                        block(rows: 1, a: source, rs: 1, ks: 1, b: slice, bs: bs, c: target, p: p, depth: depth, first: first)
                    case (8, false):
                        block(rows: 8, a: source, rs: rs, ks: ks, b: slice, bs: bs, c: target, p: p, depth: depth, first: first)
                    case (4, false):
                        block(rows: 4, a: source, rs: rs, ks: ks, b: slice, bs: bs, c: target, p: p, depth: depth, first: first)
                    default:
                        block(rows: 1, a: source, rs: rs, ks: ks, b: slice, bs: bs, c: target, p: p, depth: depth, first: first)
                    }
                    i &+= rows
                }
            }
            // The last columns (fewer than a vector), one number at a time, in the same order.
            if fullEnd < columns.upperBound {
                for i in 0..<m {
                    for j in fullEnd..<columns.upperBound {
                        var sum = first ? 0 : c[i &* p &+ j]
                        for k in k0..<k1 { sum += a[i &* rs &+ k &* ks] * b[k &* p &+ j] }
                        c[i &* p &+ j] = sum
                    }
                }
            }
            k0 = k1
        }
    }

    /// The rows of the next row block when `left` rows remain: 8 (wide blocking only), 4 or 1.
    @inline(__always)
    private static func blockRows(_ left: Int, _ blocking: Blocking) -> Int {
        left >= 8 && blocking == .wide ? 8 : left >= 4 ? 4 : 1
    }

    /// C[0..<rows, 0..<8] (+)= Σ_{t < depth} A[0..<rows, t] B[t, 0..<8], for rows 8, 4 or 1
    /// (a constant at every call, so the unused registers fold away): A_it at
    /// `a[i * rs + t * ks]`, B's rows `bs` apart, C's rows `p` apart; `first` sets C instead
    /// of adding to it.
    @inline(__always)
    private static func block(rows: Int, a: UnsafePointer<Double>, rs: Int, ks: Int, b: UnsafePointer<Double>, bs: Int,
                              c: UnsafeMutablePointer<Double>, p: Int, depth: Int, first: Bool) {
        var r0 = Vector(), r1 = r0, r2 = r0, r3 = r0, r4 = r0, r5 = r0, r6 = r0, r7 = r0
        if !first {
            r0 = .load(c)
            if rows >= 4 { r1 = .load(c + p); r2 = .load(c + 2 &* p); r3 = .load(c + 3 &* p) }
            if rows >= 8 {
                r4 = .load(c + 4 &* p); r5 = .load(c + 5 &* p); r6 = .load(c + 6 &* p); r7 = .load(c + 7 &* p)
            }
        }
        var pa = a, pb = b
        for _ in 0..<depth {
            let x = Vector.load(pb)
            r0 += Vector(repeating: pa[0]) * x
            if rows >= 4 {
                r1 += Vector(repeating: pa[rs]) * x
                r2 += Vector(repeating: pa[2 &* rs]) * x
                r3 += Vector(repeating: pa[3 &* rs]) * x
            }
            if rows >= 8 {
                r4 += Vector(repeating: pa[4 &* rs]) * x
                r5 += Vector(repeating: pa[5 &* rs]) * x
                r6 += Vector(repeating: pa[6 &* rs]) * x
                r7 += Vector(repeating: pa[7 &* rs]) * x
            }
            pa += ks; pb += bs
        }
        r0.store(c)
        if rows >= 4 { r1.store(c + p); r2.store(c + 2 &* p); r3.store(c + 3 &* p) }
        if rows >= 8 { r4.store(c + 4 &* p); r5.store(c + 5 &* p); r6.store(c + 6 &* p); r7.store(c + 7 &* p) }
    }
}
