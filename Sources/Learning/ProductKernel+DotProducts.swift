/// The kernel for C = A Bᵀ with both factors' rows contiguous in k: `timesTransposed`, the
/// weight gradient dW = dZ A_prevᵀ.
///
/// Every C_ij is a dot product of row i of A and row j of B, summed as two running sums, of
/// the even and of the odd k, which are added at the end (then the last term when n is odd):
///
///     C_ij = Σ_{even k} A_ik B_jk + Σ_{odd k} A_ik B_jk  (+ A_i,n-1 B_j,n-1 when n is odd)
///
/// A block of 8 rows of A is first copied as `InOrderDots.pack` copies it, the 8 numbers A_·k
/// of one k side by side. A vector then holds one of the two sums for those 8 rows and one
/// column j, and a step adds A_·k B_jk to the even or odd vector of each column of the block:
/// one load of A, then for each column one number of B repeated across the vector (a plain
/// load), a multiply and an add, with no step that moves numbers between lanes. The block has
/// 4 columns (8 vectors of sums) with AVX-512's 32 registers, 2 with AVX2's 16 (`Blocking`),
/// and B, the large factor (X in the first layer's gradient), is read once, straight through.
/// Each lane adds its terms in the order the scalar definition does, so the results are the
/// same to the last bit.
///
/// While a block reads its rows of B, it prefetches the next block's rows at the same pace
/// (one cache line per step of 4 columns), so B arrives one block, about 7 KB in the wide
/// network, ahead of its use: see `Prefetch`.
///
/// With a `FusedDescent` (the first layer's dW in full-batch training with gradient descent),
/// each block of columns of C, once written, also moves those columns of W.
enum DotProducts {
    /// Columns of C (rows of B) in one block, at most: where `ProductWork` may cut the columns.
    static let columnBlock = 4

    /// 8 numbers: one sum for 8 rows.
    typealias Vector = SIMD8<Double>
    /// 4 numbers: one sum for the first 4 rows of a block.
    typealias Half = SIMD4<Double>

    /// C[i, j] = Σ_{even k} A_ik B_jk + Σ_{odd k} A_ik B_jk, for every row i and j in `columns`.
    static func compute(_ w: ProductWork, _ columns: Range<Int>) {
        let a = w.a!, b = w.b!, c = w.c!
        let m = w.m, n = w.n, p = w.p
        let blocks = (m &+ 7) / 8
        let packed = UnsafeMutableRawPointer.allocate(byteCount: 64 &* blocks &* n, alignment: 64)
            .bindMemory(to: Double.self, capacity: 8 &* blocks &* n)
        defer { packed.deallocate() }
        InOrderDots.pack(a, m: m, n: n, into: packed)
        let width = w.blocking == .wide ? 4 : 2, descent = w.descent
        var j = columns.lowerBound
        while j < columns.upperBound {
            let block = columns.upperBound &- j >= width ? width : 1
            for r in 0..<blocks {
                let source = UnsafePointer(packed + r &* 8 &* n), target = c + (r &* 8 &* p &+ j)
                let rows = min(8, m &- r &* 8)
                if rows > 4 {
                    switch block {
                    case 4: sums(Vector.self, columns: 4, a: source, b: b + j &* n, n: n, c: target, p: p, rows: rows)
                    case 2: sums(Vector.self, columns: 2, a: source, b: b + j &* n, n: n, c: target, p: p, rows: rows)
                    default: sums(Vector.self, columns: 1, a: source, b: b + j &* n, n: n, c: target, p: p, rows: rows)
                    }
                } else {
                    fewRows(block, a: source, b: b + j &* n, n: n, c: target, p: p, rows: rows)
                }
                descent?.move(block: r, columns: j..<(j &+ block), gradient: UnsafePointer(target), rows: rows, p: p)
            }
            j &+= block
        }
    }

    /// `sums` for a block of at most 4 rows (the last block), with vectors of 4 numbers: half
    /// the work of 8 lanes of which 4 or more are padding. A function of its own, so that the
    /// 8-lane loops in `compute` keep their registers.
    @inline(never)
    private static func fewRows(_ block: Int, a: UnsafePointer<Double>, b: UnsafePointer<Double>, n: Int,
                                c: UnsafeMutablePointer<Double>, p: Int, rows: Int) {
        switch block {
        case 4: sums(Half.self, columns: 4, a: a, b: b, n: n, c: c, p: p, rows: rows)
        case 2: sums(Half.self, columns: 2, a: a, b: b, n: n, c: c, p: p, rows: rows)
        default: sums(Half.self, columns: 1, a: a, b: b, n: n, c: c, p: p, rows: rows)
        }
    }

    /// C[r, t] for the rows r < `rows` of one packed block of A (`a`, (n, 8)) and the
    /// `columns` columns t (4, 2 or 1, a constant at every call, so the unused registers fold
    /// away), with vectors `V` of 8 rows, or of 4 when `rows` ≤ 4: B's rows `n` apart, C's
    /// rows `p` apart.
    @inline(__always)
    private static func sums<V: SIMD>(_: V.Type, columns: Int, a: UnsafePointer<Double>, b: UnsafePointer<Double>, n: Int,
                                      c: UnsafeMutablePointer<Double>, p: Int, rows: Int) where V.Scalar == Double {
        let b0 = b, b1 = b0 + n, b2 = b1 + n, b3 = b2 + n
        var e0 = V(), e1 = e0, e2 = e0, e3 = e0, o0 = e0, o1 = e0, o2 = e0, o3 = e0
        let even = n & ~1
        var pa = a, k = 0
        // The next block's rows of B follow these; fetched ahead at the pace these are read.
        var ahead = b + columns &* n
        while k < even {
            if columns > 1 { Prefetch.read(ahead) }
            ahead += 2 &* columns
            let x = V.load(pa), y = V.load(pa + 8)
            e0 += x * V(repeating: b0[k])
            o0 += y * V(repeating: b0[k &+ 1])
            if columns >= 2 {
                e1 += x * V(repeating: b1[k])
                o1 += y * V(repeating: b1[k &+ 1])
            }
            if columns == 4 {
                e2 += x * V(repeating: b2[k])
                o2 += y * V(repeating: b2[k &+ 1])
                e3 += x * V(repeating: b3[k])
                o3 += y * V(repeating: b3[k &+ 1])
            }
            pa += 16; k &+= 2
        }
        finish(e0 + o0, last: pa, b: b0, n: n, c: c, p: p, rows: rows)
        if columns >= 2 { finish(e1 + o1, last: pa, b: b1, n: n, c: c + 1, p: p, rows: rows) }
        if columns == 4 {
            finish(e2 + o2, last: pa, b: b2, n: n, c: c + 2, p: p, rows: rows)
            finish(e3 + o3, last: pa, b: b3, n: n, c: c + 3, p: p, rows: rows)
        }
    }

    /// C[r, 0] = `sums`[r] (the even sum plus the odd sum), plus A_r,n-1 B_n-1 when n is odd
    /// (`last` then points to A_·,n-1 in the packed block), for the rows r < `rows`.
    @inline(__always)
    private static func finish<V: SIMD>(_ sums: V, last: UnsafePointer<Double>, b: UnsafePointer<Double>, n: Int,
                                        c: UnsafeMutablePointer<Double>, p: Int, rows: Int) where V.Scalar == Double {
        var value = sums
        if n & 1 == 1 { value += V.load(last) * V(repeating: b[n &- 1]) }
        for r in 0..<rows { c[r &* p] = value[r] }
    }
}
