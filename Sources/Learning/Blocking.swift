#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#elseif canImport(ucrt)
import ucrt
#endif

/// How many running sums the product kernels keep in vector registers at once: as many as
/// fill the registers the processor has, and no more, since a sum that does not fit is
/// written to memory and read back on every step.
///
/// The kernels hold their sums in 8-number vectors (`SIMD8<Double>`):
///
///     wide:   32 registers of 8 numbers (AVX-512): 8 vectors of sums, blocks of 8 rows
///             (`RowUpdates`), 8 columns (`InOrderDots`) or 4 columns of an even and an odd
///             sum (`DotProducts`);
///     narrow: 16 registers of 4 numbers (AVX2), where a vector takes 2 registers: 4 vectors
///             of sums (8 registers), blocks of 4 rows, 4 columns or 2 columns.
///
/// With 8 blocks of sums an AVX2 build needs 16 registers for the sums alone, plus the
/// factors, and spills. Narrow still keeps 8 independent 4-number sums, enough for two
/// multiply pipes and two add pipes of 3 cycles' latency (Zen 3) or two shared pipes of 4
/// (Intel). The blocking never changes a result: every sum adds its terms in the order its
/// product documents, whatever the block it is computed in.
enum Blocking: Sendable, CaseIterable {
    case wide, narrow

    /// The blocking for this processor: wide when it has AVX-512 (the 32 registers of 8
    /// numbers), narrow otherwise, including processors without AVX-512 and non-x86 ones
    /// (ARM's 32 registers hold 2 numbers each). The environment variable `LEARNING_KERNELS`
    /// set to `avx2` or `avx512` overrides it, for a library built for another processor
    /// than the one it runs on (as `-march=znver3` on an AVX-512 machine, or under valgrind,
    /// which hides AVX-512 from the code but not from /proc/cpuinfo).
    static let processor: Blocking = {
        if let chosen = getenv("LEARNING_KERNELS").map({ String(cString: $0) }) {
            if chosen == "avx2" { return .narrow }
            if chosen == "avx512" { return .wide }
        }
        return hasAVX512() ? .wide : .narrow
    }()

    /// Whether the processor has AVX-512F, as the operating system reports it.
    private static func hasAVX512() -> Bool {
        #if arch(x86_64) && os(Linux)
        // The flags line of /proc/cpuinfo lists "avx512f" among the processor's features.
        guard let text = TextFile.read("/proc/cpuinfo"),
              let flags = text.split(separator: "\n").first(where: { $0.hasPrefix("flags") }) else { return false }
        return flags.split(separator: " ").contains("avx512f")
        #elseif arch(x86_64) && canImport(Darwin)
        var value: Int32 = 0, size = MemoryLayout<Int32>.size
        return sysctlbyname("hw.optional.avx512f", &value, &size, nil, 0) == 0 && value != 0
        #else
        return false
        #endif
    }
}
