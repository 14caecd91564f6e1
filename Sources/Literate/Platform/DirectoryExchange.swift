import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Swapping two paths in one step, which the site writer uses to replace `_site/` whole: at
/// every instant a reader sees the old folder or the new one.
///
/// Linux: `renameat2(RENAME_EXCHANGE)` (glibc 2.28+, through `dlsym` since Swift's Glibc
/// module does not export it). macOS: `renamex_np(RENAME_SWAP)` (APFS and HFS+). Elsewhere,
/// or where the file system refuses, `unsupported`: the caller falls back to two renames.
public enum DirectoryExchange {
    public enum Outcome: Equatable, Sendable {
        case exchanged
        /// The system or the file system cannot exchange: fall back.
        case unsupported
        /// The exchange failed with this `errno`.
        case failed(Int32)
    }

    /// Exchanges `first` and `second`, which must both exist.
    public static func exchange(_ first: String, _ second: String) -> Outcome {
        #if os(Linux)
        guard let renameat2 else { return .unsupported }
        if renameat2(AT_FDCWD, first, AT_FDCWD, second, 2 /* RENAME_EXCHANGE */) == 0 { return .exchanged }
        #elseif os(macOS)
        if renamex_np(first, second, UInt32(RENAME_SWAP)) == 0 { return .exchanged }
        #else
        return .unsupported
        #endif
        #if os(Linux) || os(macOS)
        let failure = errno
        return failure == EINVAL || failure == ENOSYS || failure == ENOTSUP ? .unsupported : .failed(failure)
        #endif
    }

    #if os(Linux)
    private typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32

    private static let renameat2: RenameAt2? = {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "renameat2") else { return nil }
        return unsafeBitCast(symbol, to: RenameAt2.self)
    }()
    #endif
}
