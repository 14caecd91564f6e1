// The calls of `book` that Swift cannot make: code between fork and exec (the process group,
// PR_SET_PDEATHSIG, rlimits, Landlock), the variadic `syscall`, and a watchdog that outlives
// `book`. Everything Linux-specific is here, behind __linux__; elsewhere spawning works without
// the Linux-only protections.
#define _GNU_SOURCE
#include "CSandbox.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdint.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#ifdef __linux__
#include <dirent.h>
#include <sys/prctl.h>
#include <sys/syscall.h>

#ifndef SYS_landlock_create_ruleset
#define SYS_landlock_create_ruleset 444
#define SYS_landlock_add_rule 445
#define SYS_landlock_restrict_self 446
#endif
#ifndef SYS_close_range
#define SYS_close_range 436
#endif

// From <linux/landlock.h>, spelled out so that older headers build too.
#define LL_CREATE_RULESET_VERSION (1U << 0)
#define LL_RULE_PATH_BENEATH 1
#define LL_WRITE_FILE (1ULL << 1)
#define LL_REMOVE_DIR (1ULL << 4)
#define LL_REMOVE_FILE (1ULL << 5)
#define LL_MAKE_CHAR (1ULL << 6)
#define LL_MAKE_DIR (1ULL << 7)
#define LL_MAKE_REG (1ULL << 8)
#define LL_MAKE_SOCK (1ULL << 9)
#define LL_MAKE_FIFO (1ULL << 10)
#define LL_MAKE_BLOCK (1ULL << 11)
#define LL_MAKE_SYM (1ULL << 12)
#define LL_REFER (1ULL << 13)
#define LL_TRUNCATE (1ULL << 14)

struct ll_ruleset_attr { uint64_t handled_access_fs; };
struct ll_path_beneath_attr { uint64_t allowed_access; int32_t parent_fd; } __attribute__((packed));
#endif

/// Writes the decimal digits of `value` at `out`; returns the end. Async-signal-safe.
static char *put_number(char *out, long value) {
    char digits[24];
    int count = 0;
    if (value == 0) digits[count++] = '0';
    while (value > 0) { digits[count++] = (char)('0' + value % 10); value /= 10; }
    while (count > 0) *out++ = digits[--count];
    return out;
}

static void close_from(int first) {
#ifdef __linux__
    if (syscall(SYS_close_range, (unsigned)first, ~0U, 0) == 0) return;
#endif
    long limit = sysconf(_SC_OPEN_MAX);
    if (limit < 0 || limit > 65536) limit = 65536;
    for (int fd = first; fd < limit; fd++) close(fd);
}

/// In the child, between fork and exec: only async-signal-safe calls.
static void start_child(const sandbox_spawn_options *options, pid_t parent, int report) {
    setpgid(0, 0);
    struct sigaction reset;
    memset(&reset, 0, sizeof reset);
    reset.sa_handler = SIG_DFL;
    for (int number = 1; number < NSIG; number++) sigaction(number, &reset, NULL);
    sigset_t none;
    sigemptyset(&none);
    sigprocmask(SIG_SETMASK, &none, NULL);
#ifdef __linux__
    // Dies with the thread that started it; if that already ended, end now.
    prctl(PR_SET_PDEATHSIG, SIGKILL, 0, 0, 0);
    if (getppid() != parent) _exit(127);
#endif
    int null = open("/dev/null", O_RDONLY);
    if (null < 0 || dup2(null, 0) < 0 || dup2(options->stdout_fd, 1) < 0 || dup2(options->stderr_fd, 2) < 0) goto failed;
    if (options->memory_limit > 0) {
        struct rlimit limit = { (rlim_t)options->memory_limit, (rlim_t)options->memory_limit };
        if (setrlimit(RLIMIT_AS, &limit) != 0) goto failed;
    }
    if (options->directory && chdir(options->directory) != 0) goto failed;
#ifdef __linux__
    if (options->ruleset_fd >= 0) {
        if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0) goto failed;
        if (syscall(SYS_landlock_restrict_self, options->ruleset_fd, 0) != 0) goto failed;
    }
#endif
    // Keep only the three standard descriptors and the report pipe (closed on exec).
    if (report != 3) {
        if (dup2(report, 3) < 0) goto failed;
        fcntl(3, F_SETFD, FD_CLOEXEC);
        report = 3;
    }
    close_from(4);
    execve(options->path, options->argv, options->envp);
failed:;
    int error = errno;
    ssize_t ignored = write(report, &error, sizeof error);
    (void)ignored;
    _exit(127);
}

int sandbox_spawn(const sandbox_spawn_options *options, pid_t *pid) {
    int report[2];
#ifdef __linux__
    if (pipe2(report, O_CLOEXEC) != 0) return errno;
#else
    if (pipe(report) != 0) return errno;
    fcntl(report[0], F_SETFD, FD_CLOEXEC);
    fcntl(report[1], F_SETFD, FD_CLOEXEC);
#endif
    pid_t parent = getpid();
    pid_t child = fork();
    if (child < 0) {
        int error = errno;
        close(report[0]);
        close(report[1]);
        return error;
    }
    if (child == 0) {
        close(report[0]);
        start_child(options, parent, report[1]);
    }
    close(report[1]);
    setpgid(child, child);  // also here, so the group exists before anyone signals it
    int error = 0;
    ssize_t count;
    do { count = read(report[0], &error, sizeof error); } while (count < 0 && errno == EINTR);
    close(report[0]);
    if (count == (ssize_t)sizeof error) {
        // It could not start: it has exited; reap it.
        int status;
        while (waitpid(child, &status, 0) < 0 && errno == EINTR) {}
        return error ? error : EINVAL;
    }
    *pid = child;
    return 0;
}

int sandbox_landlock_abi(void) {
#ifdef __linux__
    long abi = syscall(SYS_landlock_create_ruleset, NULL, 0, LL_CREATE_RULESET_VERSION);
    return abi < 0 ? -errno : (int)abi;
#else
    return -1;
#endif
}

int sandbox_landlock_ruleset(const char *const *writable, int count) {
#ifdef __linux__
    int abi = sandbox_landlock_abi();
    if (abi < 1) return abi < 0 ? abi : -EOPNOTSUPP;
    uint64_t files = LL_WRITE_FILE | (abi >= 3 ? LL_TRUNCATE : 0);
    uint64_t all = files | LL_REMOVE_DIR | LL_REMOVE_FILE | LL_MAKE_CHAR | LL_MAKE_DIR | LL_MAKE_REG | LL_MAKE_SOCK
        | LL_MAKE_FIFO | LL_MAKE_BLOCK | LL_MAKE_SYM | (abi >= 2 ? LL_REFER : 0);
    struct ll_ruleset_attr attributes = { all };
    int ruleset = (int)syscall(SYS_landlock_create_ruleset, &attributes, sizeof attributes, 0);
    if (ruleset < 0) return -errno;
    fcntl(ruleset, F_SETFD, FD_CLOEXEC);
    for (int index = 0; index < count; index++) {
        int fd = open(writable[index], O_PATH | O_CLOEXEC);
        if (fd < 0) continue;  // a path that does not exist grants nothing
        struct stat info;
        struct ll_path_beneath_attr rule = { all, fd };
        if (fstat(fd, &info) == 0 && !S_ISDIR(info.st_mode)) rule.allowed_access = files;
        long added = syscall(SYS_landlock_add_rule, ruleset, LL_RULE_PATH_BENEATH, &rule, 0);
        int error = errno;
        close(fd);
        if (added != 0) {
            close(ruleset);
            return -error;
        }
    }
    return ruleset;
#else
    (void)writable;
    (void)count;
    return -1;
#endif
}

#ifdef __linux__
/// Kills every process whose environment has an entry starting with `needle`; returns how many.
/// Async-signal-safe: raw system calls and static buffers only.
static int kill_marked(const char *needle, size_t length) {
    static char entries[32768] __attribute__((aligned(8)));
    static char environment[1 << 18];
    int killed = 0;
    int proc = open("/proc", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (proc < 0) return 0;
    pid_t me = getpid();
    for (;;) {
        long count = syscall(SYS_getdents64, proc, entries, sizeof entries);
        if (count <= 0) break;
        for (long offset = 0; offset < count;) {
            struct { uint64_t inode; int64_t next; unsigned short length; unsigned char type; char name[]; } *entry = (void *)(entries + offset);
            offset += entry->length;
            long pid = 0;
            const char *c = entry->name;
            if (*c < '0' || *c > '9') continue;
            for (; *c >= '0' && *c <= '9'; c++) pid = pid * 10 + (*c - '0');
            if (*c != 0 || pid == me) continue;
            char path[48] = "/proc/";
            char *end = put_number(path + 6, pid);
            memcpy(end, "/environ", 9);
            int fd = open(path, O_RDONLY | O_CLOEXEC);
            if (fd < 0) continue;
            size_t filled = 0;
            ssize_t got;
            while (filled < sizeof environment && (got = read(fd, environment + filled, sizeof environment - filled)) > 0) filled += (size_t)got;
            close(fd);
            for (size_t start = 0; start < filled;) {
                if (filled - start >= length && memcmp(environment + start, needle, length) == 0) {
                    kill((pid_t)pid, SIGKILL);
                    killed++;
                    break;
                }
                while (start < filled && environment[start] != 0) start++;
                start++;
            }
        }
    }
    close(proc);
    return killed;
}
#endif

int sandbox_start_watchdog(const char *mark_prefix) {
#ifdef __linux__
    static char needle[256];
    size_t length = strlen(mark_prefix);
    if (length == 0 || length >= sizeof needle) return EINVAL;
    memcpy(needle, mark_prefix, length + 1);
    int alive[2];
    if (pipe2(alive, O_CLOEXEC) != 0) return errno;
    pid_t child = fork();
    if (child < 0) {
        int error = errno;
        close(alive[0]);
        close(alive[1]);
        return error;
    }
    if (child == 0) {
        // Out of the terminal's group, deaf to the signals that stop `book`: it ends when book does.
        setsid();
        signal(SIGINT, SIG_IGN);
        signal(SIGTERM, SIG_IGN);
        signal(SIGHUP, SIG_IGN);
        signal(SIGQUIT, SIG_IGN);
        prctl(PR_SET_NAME, "book-watchdog", 0, 0, 0);
        if (alive[0] != 0) { dup2(alive[0], 0); }
        close_from(1);
        char byte;
        for (;;) {
            ssize_t got = read(0, &byte, 1);
            if (got == 0 || (got < 0 && errno != EINTR)) break;
        }
        // `book` has ended: kill what it started, again while killing uncovers more.
        for (int round = 0; round < 50; round++) {
            if (kill_marked(needle, length) == 0 && round > 0) break;
            struct timespec pause = { 0, 20 * 1000 * 1000 };
            nanosleep(&pause, NULL);
        }
        _exit(0);
    }
    close(alive[0]);
    return 0;  // the write end stays open in book (close-on-exec) until book ends
#else
    (void)mark_prefix;
    return 0;
#endif
}
