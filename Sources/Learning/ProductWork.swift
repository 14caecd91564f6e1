import Dispatch

/// One product C = A B over raw storage, cut into column ranges that cores can share.
///
/// A_ik is `a[i * rowStride + k * kStride]`, so A may be stored transposed. B is either
/// row-major (n, p), for `rowUpdates`, or stored transposed as (p, n), for `dotProducts`.
/// Pointers are nil only when a matrix has no elements, and then no loop touches them.
struct ProductWork: @unchecked Sendable {
    let a: UnsafePointer<Double>?, b: UnsafePointer<Double>?, c: UnsafeMutablePointer<Double>?
    let m: Int, n: Int, p: Int, rowStride: Int, kStride: Int
    /// Rows or columns of the kernels' register blocks: the processor's unless a test asks.
    var blocking = Blocking.processor
    /// For `dotProducts` only: gradient descent that also moves W by each block of columns
    /// of C = dW as soon as it is written (see `FusedDescent`).
    var descent: FusedDescent?

    /// Which kernel computes the product: it depends on where B keeps its k.
    enum Kernel {
        /// B row-major (n, p): rows of C are updated by whole vectors of B's rows.
        case rowUpdates
        /// B stored as (p, n): every C_ij is a dot product of two contiguous rows.
        case dotProducts
        /// A packed by `InOrderDots.pack`, B in `ColumnPanels`: dot products that add in
        /// order of k, as `rowUpdates` does.
        case inOrderDots
    }

    /// Results up to this many are computed by `Matrix.smallProduct`.
    static let smallCount = 32
    /// Below this many multiply-adds one core finishes before a second one would start.
    static let parallelThreshold = 1 << 20
    /// Above this many numbers (2 MB) B is taken not to fit in the core's own caches.
    static let largeB = 1 << 18
    /// Rows of k processed at once, so the slice of B in use stays in the core's caches.
    static let kBlock = 128

    /// Computes every column of C; when the work is large enough to repay starting threads,
    /// in up to 4 column ranges that the cores take as they become free (so a core that is
    /// busy with another program does not hold the others up): this thread and Dispatch's,
    /// or this thread and `crew`'s helper.
    func run(_ kernel: Kernel, crew: Crew? = nil) {
        guard m > 0, n > 0, p > 0 else { return }
        // Ranges start at a multiple of the kernel's column block.
        let group = switch kernel {
        case .dotProducts: DotProducts.columnBlock
        case .rowUpdates: RowUpdates.columnBlock
        case .inOrderDots: InOrderDots.columnBlock
        }
        let pieces = min(4, p / (2 &* group))
        if m &* n &* p < ProductWork.parallelThreshold || pieces < 2 {
            compute(kernel, 0..<p)
            return
        }
        let width = (p / pieces &+ group &- 1) / group &* group
        let piece: @Sendable (Int) -> Void = { piece in
            let start = piece &* width, end = piece == pieces &- 1 ? p : min(p, start &+ width)
            guard start < end else { return }
            compute(kernel, start..<end)
        }
        if let crew {
            crew.perform(pieces, piece)
        } else {
            DispatchQueue.concurrentPerform(iterations: pieces, execute: piece)
        }
    }

    /// The columns `columns` of C, with one kernel.
    func compute(_ kernel: Kernel, _ columns: Range<Int>) {
        switch kernel {
        case .rowUpdates: RowUpdates.compute(self, columns)
        case .dotProducts: DotProducts.compute(self, columns)
        case .inOrderDots: InOrderDots.compute(self, columns)
        }
    }
}

/// Unaligned loads and stores of SIMD vectors at a pointer to Double.
extension SIMD where Scalar == Double {
    /// The vector of `scalarCount` numbers starting at `pointer`.
    @inline(__always)
    static func load(_ pointer: UnsafePointer<Double>) -> Self {
        UnsafeRawPointer(pointer).loadUnaligned(as: Self.self)
    }

    /// The vector of `scalarCount` numbers starting at `pointer`.
    @inline(__always)
    static func load(_ pointer: UnsafeMutablePointer<Double>) -> Self {
        UnsafeRawPointer(pointer).loadUnaligned(as: Self.self)
    }

    /// Writes the vector's numbers to `pointer` onwards.
    @inline(__always)
    func store(_ pointer: UnsafeMutablePointer<Double>) {
        UnsafeMutableRawPointer(pointer).storeBytes(of: self, as: Self.self)
    }
}
