#ifndef CINDEXSTORE_H
#define CINDEXSTORE_H

#include <stdbool.h>
#include <stdint.h>

/// One name in a source file as the compiler's index store records it: the file's path, the
/// one-based line and UTF-8 column where the name starts, the USR of the symbol it names, and
/// its roles (`INDEXSTORE_SYMBOL_ROLE_*` of the toolchain's indexstore.h: 1 << 2 a reference,
/// 1 << 8 implicit, written by the compiler rather than the author).
typedef struct {
    const char *path;
    unsigned line;
    unsigned column;
    const char *usr;
    uint64_t roles;
} index_store_occurrence;

/// Called once per occurrence; return false to stop.
typedef bool (*index_store_visit)(void *context, const index_store_occurrence *occurrence);

/// Reads every occurrence of every record of the index store at `store_path` with the
/// libIndexStore at `library_path` (loaded with dlopen: it ships with the toolchain, beside
/// swiftc, not with the system). Returns 0, or -1 with a message in `error` (at most
/// `error_size` bytes) when the library or the store cannot be opened.
int index_store_read(const char *library_path, const char *store_path, void *context, index_store_visit visit,
                     char *error, unsigned long error_size);

#endif
