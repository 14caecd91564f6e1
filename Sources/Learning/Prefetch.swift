/// Software prefetch: a hint that brings a cache line toward the core before a kernel reads
/// it. It never changes a result, and a prefetch of an address outside the program's memory
/// is dropped, not a fault.
///
/// Why: the two wide products (`InOrderDots`, `DotProducts`) stream X, 20 MB, from beyond the
/// core's caches while doing 16 operations for each 64 bytes. Streaming 20 MB that way, one
/// vector multiply and add per number into 8 sums (no FMA, as the kernels), measured on an
/// Intel Xeon (family 6, model 207) at 17-19 GB/s with the hardware's own prefetchers alone,
/// and at 24-28 GB/s, close to the multiplies' and adds' peak, when every 64 bytes read also
/// prefetched the line 8 KB ahead. Reading the same memory with nothing to compute reaches
/// 31 GB/s either way: the hardware fetches far enough ahead for a plain stream, and not for
/// one that the arithmetic slows down.
enum Prefetch {
    /// Prefetches the line holding `address` for reading, into every level of cache.
    @inline(__always)
    static func read(_ address: UnsafePointer<Double>) {
        prefetch(UnsafeRawPointer(address), 0, 3, 1)
    }
}

/// LLVM's prefetch intrinsic, which Swift code reaches by its name: (address, 0 to read or 1
/// to write, locality from 0, none, to 3, keep in every cache, 1 for data or 0 for code). The
/// three numbers must be constants, as they are in `Prefetch.read`. On x86-64 it is
/// `prefetcht0`, on ARM `prfm pldl1keep`; where a processor has no such instruction it is
/// nothing.
@_silgen_name("llvm.prefetch.p0")
private func prefetch(_ address: UnsafeRawPointer, _ write: Int32, _ locality: Int32, _ data: Int32)
