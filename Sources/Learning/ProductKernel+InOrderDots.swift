/// The kernel for C = A B when B is given in `ColumnPanels` (8 columns side by side, k after
/// k), and each C_ij must add its terms in order of k, as `*` does: the first layer's W X in
/// full-batch training, where X is fixed and kept so (see `TrainingStep`).
///
/// Why: for W (8, 12288) and X (12288, 209) every number of X is used only 8 times, so the
/// product runs at the speed X can be read from memory; split by columns between cores,
/// `RowUpdates` reads every row of X in short pieces, while this kernel gives each core a
/// contiguous run of panels, read straight through as the gradient's `DotProducts` reads X.
///
/// A block of 8 rows of A is first copied to `packed` as (n, 8), the 8 numbers A_i,k of one k
/// side by side. A vector then holds C_ij for those 8 rows i and one column j, and a step adds
/// A_·k · B_kj to it for the 8 columns j of a panel at once (8 vectors, 8 independent sums),
/// or for 4 with AVX2's 16 registers (`Blocking`), where a vector of 8 takes two:
///
///     C_·j ← C_·j + A_·k B_kj,   k = 0, 1, ..., n - 1,  from C_·j = 0
///
/// which is the definition's order, so the numbers are those of `*` to the last bit. Rows of
/// the block past A's last row are zeros and their lanes are dropped.
///
/// Each step also prefetches B 8 KB (128 steps of a full panel) ahead of its reads: further
/// down its panel, and over a chunk's last 128 steps the start of the next panel's chunk,
/// which the range reads next (see `Prefetch`).
enum InOrderDots {
    /// Columns of C taken at once, and rows of A in one vector.
    static let columnBlock = 8

    typealias Vector = SIMD8<Double>

    /// Aᵀ in blocks of 8 rows: block b holds A_(8b + r),k at `packed[(b n + k) 8 + r]`
    /// (zero past A's last row). A (m, n) row-major.
    static func pack(_ a: UnsafePointer<Double>, m: Int, n: Int, into packed: UnsafeMutablePointer<Double>) {
        // The copy writes the packed numbers in order, reading 8 rows side by side: writing
        // each row with a stride of 8 numbers took 0.14 ms for the wide network's W.
        for block in 0..<(m &+ 7) / 8 {
            let rows = min(8, m &- block &* 8), source = a + block &* 8 &* n, target = packed + block &* n &* 8
            if rows == 8 {
                let a0 = source, a1 = a0 + n, a2 = a1 + n, a3 = a2 + n, a4 = a3 + n, a5 = a4 + n, a6 = a5 + n, a7 = a6 + n
                for k in 0..<n {
                    let t = target + k &* 8
                    t[0] = a0[k]; t[1] = a1[k]; t[2] = a2[k]; t[3] = a3[k]
                    t[4] = a4[k]; t[5] = a5[k]; t[6] = a6[k]; t[7] = a7[k]
                }
            } else {
                for k in 0..<n {
                    for r in 0..<8 { target[k &* 8 &+ r] = r < rows ? source[r &* n &+ k] : 0 }
                }
            }
        }
    }

    /// Rows k of the packed A in use at once: 4096 x 8 numbers, 256 KB, which stay in the
    /// core's own cache (2 MB) while every panel of the range meets them (the whole packed W
    /// of the wide network, 786 KB, was pushed out by the stream of X). Chunks of 1024 took
    /// about 5% longer in wide training: each chunk of a panel starts a new stream.
    static let kChunk = 4096

    /// C[i, j] = Σ_k A_ik B_kj in order of k, for every row i and every j in `columns` (which
    /// starts at a panel); `w.a` is the packed A, `w.b` is B in `ColumnPanels`. The running
    /// sums wait in `state` between chunks of k, one vector per column of the range (lane r:
    /// row r), so each C_ij still adds its terms one by one, in order.
    static func compute(_ w: ProductWork, _ columns: Range<Int>) {
        let packed = w.a!, panels = w.b!, c = w.c!
        let m = w.m, n = w.n, p = w.p
        let width = columns.count, full = width / columnBlock &* columnBlock
        let state = UnsafeMutableRawPointer.allocate(byteCount: 64 &* width, alignment: 64)
            .bindMemory(to: Vector.self, capacity: width)
        defer { state.deallocate() }
        for block in 0..<(m &+ 7) / 8 {
            let a = packed + block &* n &* 8, rows = min(8, m &- block &* 8), target = c + block &* 8 &* p
            var k0 = 0
            while k0 < n {
                let depth = min(kChunk, n &- k0), first = k0 == 0
                var t = 0
                while t < width {
                    // Column j sits in the panel starting at j - j % 8, of `step` columns.
                    let j = columns.lowerBound &+ t, panel = j & ~(columnBlock &- 1)
                    let step = min(columnBlock, p &- panel)
                    let b = panels + (panel &* n &+ k0 &* step &+ (j &- panel))
                    // Where the next panel's chunk starts (if it is a full one): read next.
                    let next = panels + ((panel &+ columnBlock) &* n &+ k0 &* columnBlock)
                    if t < full && w.blocking == .wide {
                        sums(columns: 8, a: a + k0 &* 8, b: b, next: next, step: step, depth: depth, state: state + t, first: first)
                        t &+= 8
                    } else if t &+ 4 <= full {
                        sums(columns: 4, a: a + k0 &* 8, b: b, next: next, step: step, depth: depth, state: state + t, first: first)
                        t &+= 4
                    } else {
                        sums(columns: 1, a: a + k0 &* 8, b: b, next: next, step: step, depth: depth, state: state + t, first: first)
                        t &+= 1
                    }
                }
                k0 &+= depth
            }
            for t in 0..<width {
                for r in 0..<rows { target[r &* p &+ columns.lowerBound &+ t] = state[t][r] }
            }
        }
    }

    /// state[t] (+)= Σ_{k < depth} A_·k B_kt for t < columns (8, 4 or 1, a constant at every
    /// call, so the unused registers fold away): lane r of state[t] is row r's sum for column
    /// t; B_kt is b[k step + t], as its panel holds it; `next` is prefetched over the last
    /// 128 steps; `first` starts the sums at 0.
    @inline(__always)
    private static func sums(columns: Int, a: UnsafePointer<Double>, b: UnsafePointer<Double>, next: UnsafePointer<Double>,
                             step: Int, depth: Int, state: UnsafeMutablePointer<Vector>, first: Bool) {
        var s0 = Vector(), s1 = s0, s2 = s0, s3 = s0, s4 = s0, s5 = s0, s6 = s0, s7 = s0
        if !first {
            s0 = state[0]
            if columns >= 4 { s1 = state[1]; s2 = state[2]; s3 = state[3] }
            if columns == 8 { s4 = state[4]; s5 = state[5]; s6 = state[6]; s7 = state[7] }
        }
        // Two runs of steps: until 128 before the end, prefetching down the panel, then from
        // `next` (a second loop rather than a test in every step).
        var pa = a, pb = b, ahead = b + 1024, k = 0, end = max(0, depth &- 128)
        while true {
            while k < end {
                Prefetch.read(ahead)
                ahead += step
                let x = Vector.load(pa)
                s0 += x * Vector(repeating: pb[0])
                if columns >= 4 {
                    s1 += x * Vector(repeating: pb[1])
                    s2 += x * Vector(repeating: pb[2])
                    s3 += x * Vector(repeating: pb[3])
                }
                if columns == 8 {
                    s4 += x * Vector(repeating: pb[4])
                    s5 += x * Vector(repeating: pb[5])
                    s6 += x * Vector(repeating: pb[6])
                    s7 += x * Vector(repeating: pb[7])
                }
                pa += 8
                pb += step
                k &+= 1
            }
            if end == depth { break }
            end = depth
            ahead = next
        }
        state[0] = s0
        if columns >= 4 { state[1] = s1; state[2] = s2; state[3] = s3 }
        if columns == 8 { state[4] = s4; state[5] = s5; state[6] = s6; state[7] = s7 }
    }
}
