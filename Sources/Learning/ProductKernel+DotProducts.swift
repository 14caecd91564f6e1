/// The kernel for C = A Bᵀ with both factors' rows contiguous in k: `timesTransposed`, the
/// weight gradient dW = dZ A_prevᵀ.
///
/// Every C_ij is a dot product of row i of A and row j of B, summed as two running sums, of
/// the even and of the odd k, which are added at the end (then the last term when n is odd).
/// A vector holds those two sums for 4 columns j at once, lanes (j, even), (j, odd), (j+1,
/// even), ...; a step loads the pairs B_j,k, B_j,k+1 of the 4 rows of B once and multiplies
/// them by the pair A_i,k, A_i,k+1 of every row i of the block: 8 rows with AVX-512's 32
/// registers, 4 with AVX2's 16 (`Blocking`). Each lane adds its terms in the order the scalar
/// definition does, so the results are the same to the last bit.
enum DotProducts {
    /// Columns of C (rows of B) in one vector: the kernel's column block.
    static let columnBlock = 4

    /// 8 numbers: 4 columns times (even, odd).
    typealias Vector = SIMD8<Double>

    /// C[i, j] = Σ_{even k} A_ik B_jk + Σ_{odd k} A_ik B_jk, for every row i and j in `columns`.
    static func compute(_ w: ProductWork, _ columns: Range<Int>) {
        let a = w.a!, b = w.b!, c = w.c!
        let m = w.m, n = w.n, p = w.p
        let fullEnd = columns.lowerBound &+ columns.count / columnBlock &* columnBlock
        var j = columns.lowerBound
        while j < fullEnd {
            let rowsOfB = b + j &* n
            var i = 0
            while i < m {
                let source = a + i &* n, target = c + (i &* p &+ j)
                switch m &- i {
                case 8... where w.blocking == .wide:
                    block(rows: 8, a: source, b: rowsOfB, n: n, c: target, p: p)
                    i &+= 8
                case 4...:
                    block(rows: 4, a: source, b: rowsOfB, n: n, c: target, p: p)
                    i &+= 4
                default:
                    block(rows: 1, a: source, b: rowsOfB, n: n, c: target, p: p)
                    i &+= 1
                }
            }
            j &+= columnBlock
        }
        // The last columns (fewer than 4), one number at a time, in the same order.
        for j in fullEnd..<columns.upperBound {
            for i in 0..<m {
                c[i &* p &+ j] = dot(a + i &* n, b + j &* n, n)
            }
        }
    }

    /// Σ_{even k} x_k y_k + Σ_{odd k} x_k y_k, then + x_(n-1) y_(n-1) when n is odd.
    @inline(__always)
    static func dot(_ x: UnsafePointer<Double>, _ y: UnsafePointer<Double>, _ n: Int) -> Double {
        var evens = 0.0, odds = 0.0, k = 0
        while k &+ 1 < n {
            evens += x[k] * y[k]
            odds += x[k &+ 1] * y[k &+ 1]
            k &+= 2
        }
        var sum = evens + odds
        if k < n { sum += x[k] * y[k] }
        return sum
    }

    /// The pair x[0], x[1], four times.
    @inline(__always)
    private static func pairs(_ x: UnsafePointer<Double>) -> Vector {
        let pair = SIMD2<Double>.load(x), twice = SIMD4(lowHalf: pair, highHalf: pair)
        return Vector(lowHalf: twice, highHalf: twice)
    }

    /// C[0..<rows, 0..<4] = A[0..<rows, :] B[0..<4, :]ᵀ for rows 8, 4 or 1 (a constant at every
    /// call, so the unused registers fold away): rows of A and B `n` apart, C's rows `p` apart.
    @inline(__always)
    private static func block(rows: Int, a: UnsafePointer<Double>, b: UnsafePointer<Double>, n: Int,
                              c: UnsafeMutablePointer<Double>, p: Int) {
        let even = n & ~1
        let b0 = b, b1 = b0 + n, b2 = b1 + n, b3 = b2 + n
        var r0 = Vector(), r1 = r0, r2 = r0, r3 = r0, r4 = r0, r5 = r0, r6 = r0, r7 = r0
        var k = 0
        while k < even {
            let y = Vector(lowHalf: SIMD4(lowHalf: .load(b0 + k), highHalf: .load(b1 + k)),
                           highHalf: SIMD4(lowHalf: .load(b2 + k), highHalf: .load(b3 + k)))
            let x = a + k
            r0 += pairs(x) * y
            if rows >= 4 {
                r1 += pairs(x + n) * y
                r2 += pairs(x + 2 &* n) * y
                r3 += pairs(x + 3 &* n) * y
            }
            if rows >= 8 {
                r4 += pairs(x + 4 &* n) * y
                r5 += pairs(x + 5 &* n) * y
                r6 += pairs(x + 6 &* n) * y
                r7 += pairs(x + 7 &* n) * y
            }
            k &+= 2
        }
        finish(r0, row: a, b: b, n: n, c: c)
        if rows >= 4 {
            finish(r1, row: a + n, b: b, n: n, c: c + p)
            finish(r2, row: a + 2 &* n, b: b, n: n, c: c + 2 &* p)
            finish(r3, row: a + 3 &* n, b: b, n: n, c: c + 3 &* p)
        }
        if rows >= 8 {
            finish(r4, row: a + 4 &* n, b: b, n: n, c: c + 4 &* p)
            finish(r5, row: a + 5 &* n, b: b, n: n, c: c + 5 &* p)
            finish(r6, row: a + 6 &* n, b: b, n: n, c: c + 6 &* p)
            finish(r7, row: a + 7 &* n, b: b, n: n, c: c + 7 &* p)
        }
    }

    /// C[0, q] = even sum + odd sum of column q of the block, plus the last term when n is
    /// odd, for the block's 4 columns at once (lane q of each step below is column q's sum).
    @inline(__always)
    private static func finish(_ sums: Vector, row: UnsafePointer<Double>, b: UnsafePointer<Double>, n: Int,
                               c: UnsafeMutablePointer<Double>) {
        let even = n & ~1
        var value = sums.evenHalf + sums.oddHalf
        if even < n {
            value += SIMD4(repeating: row[even]) * SIMD4(b[even], b[n &+ even], b[2 &* n &+ even], b[3 &* n &+ even])
        }
        value.store(c)
    }
}
