#ifndef CSANDBOX_H
#define CSANDBOX_H

#include <sys/types.h>

/// How `sandbox_spawn` starts a program.
typedef struct {
    /// Absolute path of the program.
    const char *path;
    /// NULL-terminated arguments (argv[0] included) and environment.
    char *const *argv;
    char *const *envp;
    /// Folder to start in, or NULL for the current one.
    const char *directory;
    /// Descriptors that become the program's standard output and error; standard input is /dev/null.
    int stdout_fd;
    int stderr_fd;
    /// Bytes of address space the program may use (RLIMIT_AS), or 0 for no limit.
    long long memory_limit;
    /// A Landlock ruleset (`sandbox_landlock_ruleset`) the program is confined by, or -1.
    int ruleset_fd;
} sandbox_spawn_options;

/// Starts a program in its own process group, with default signal handling, no other open
/// descriptors, killed when the calling thread ends (PR_SET_PDEATHSIG, Linux), and with the
/// memory limit and Landlock ruleset of `options`. Returns 0 and sets `*pid`, or an errno value
/// (also when the program could not be executed).
int sandbox_spawn(const sandbox_spawn_options *options, pid_t *pid);

/// The highest Landlock ABI the kernel offers, or -errno (-ENOSYS: not built in; -EOPNOTSUPP:
/// disabled at boot; -1 elsewhere than Linux).
int sandbox_landlock_abi(void);

/// A Landlock ruleset that denies every kind of file-system write except beneath `writable`
/// (folders, or single files such as /dev/null). Returns its descriptor, or -errno.
int sandbox_landlock_ruleset(const char *const *writable, int count);

/// Starts a watchdog process that waits for this process to end, however it ends (even by
/// SIGKILL), then kills every process whose environment holds an entry starting with
/// `mark_prefix` (e.g. `LITERATE_RUN=1234.`). Returns 0, or an errno value.
int sandbox_start_watchdog(const char *mark_prefix);

#endif
