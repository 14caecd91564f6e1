#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file's times from `stat`, under one name on every system: glibc calls the fields
/// `st_mtim` and `st_ctim`, Darwin `st_mtimespec` and `st_ctimespec`.
extension stat {
    /// When the file's content last changed.
    var modificationTime: timespec {
        #if canImport(Darwin)
        st_mtimespec
        #else
        st_mtim
        #endif
    }

    /// When the file's content or metadata last changed.
    var statusChangeTime: timespec {
        #if canImport(Darwin)
        st_ctimespec
        #else
        st_ctim
        #endif
    }
}
