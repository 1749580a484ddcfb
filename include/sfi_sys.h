/* sfi_sys.h: the system interface, as the sandbox sees it. The sandbox libc
 * is the only caller; the runtime (runtime/sys/) implements each call in a
 * file of its own and checks every pointer and length it receives.
 * Conventions: integers are returned; failure is a negative errno value
 * (Linux numbering); sandbox pointers are plain pointers on this side. */
#ifndef SFI_SYS_H
#define SFI_SYS_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Descriptors: 0, 1, 2 are the host's stdin/stdout/stderr (as granted);
 * others come from __sfi_sys_open. Descriptor numbers are the sandbox's own,
 * not the host's. */
long __sfi_sys_read(int fd, void *buf, size_t len);
long __sfi_sys_write(int fd, const void *buf, size_t len);
/* path is resolved beneath the directories the host granted (by their
 * guest path); a path under no grant fails with -ENOENT, ".." and symlinks
 * that leave a grant with -EACCES; a relative path is joined to the first
 * grant's guest path (the working directory). flags/mode use Linux O_* values. */
int __sfi_sys_open(const char *path, int flags, int mode);
int __sfi_sys_close(int fd);
long __sfi_sys_lseek(int fd, long offset, int whence);
/* st points at a struct of the x86-64 Linux `struct stat` layout (144
 * bytes), which is musl's and glibc's layout too. */
int __sfi_sys_fstat(int fd, void *st);
int __sfi_sys_stat(const char *path, void *st);
/* The same for the last component itself: a symlink is not followed. */
int __sfi_sys_lstat(const char *path, void *st);
int __sfi_sys_unlink(const char *path);
int __sfi_sys_rename(const char *from, const char *to);
int __sfi_sys_mkdir(const char *path, int mode);
int __sfi_sys_rmdir(const char *path);
/* Fills buf with Linux `struct linux_dirent64` records; returns bytes. */
long __sfi_sys_getdents(int fd, void *buf, size_t len);
int __sfi_sys_isatty(int fd);
/* Positioned I/O (the file offset is unchanged); off >= 0. */
long __sfi_sys_pread(int fd, void *buf, size_t len, long off);
long __sfi_sys_pwrite(int fd, const void *buf, size_t len, long off);
/* fsync (datasync == 0) or fdatasync. */
int __sfi_sys_fsync(int fd, int datasync);
/* Size, mode and times change only files the sandbox opened or names
 * beneath a grant: on the host's stdio descriptors they fail with -EPERM.
 * Modes are permission bits only (& 0777). */
int __sfi_sys_ftruncate(int fd, long len);
int __sfi_sys_fchmod(int fd, int mode);
int __sfi_sys_chmod(const char *path, int mode);
/* utimensat: path != NULL names a file beneath a grant (flags 0 or
 * AT_SYMLINK_NOFOLLOW), else fd; times NULL or two {int64 sec, int64 nsec}
 * with UTIME_NOW / UTIME_OMIT. */
int __sfi_sys_utimens(int fd, const char *path, const void *times, int flags);
/* The canonical guest path of an existing file beneath a grant (symlinks
 * resolved inside it) into out (cap bytes); returns its length. */
int __sfi_sys_realpath(const char *path, char *out, size_t cap);
/* A pipe to itself: fds[0] reads, fds[1] writes (flags: O_NONBLOCK,
 * O_CLOEXEC). */
int __sfi_sys_pipe(int fds[2], int flags);
/* to < 0: a copy of fd at the lowest free descriptor >= min (dup, F_DUPFD);
 * to >= 0: a copy at exactly to, replacing what it held (dup2). */
int __sfi_sys_dup(int fd, int to, int min);
/* poll(2) over sandbox descriptors (struct pollfd as in Linux); waits at
 * most timeout_ms (< 0: no timeout), and never past the call's time limit
 * (then the instance traps). nfds == 0 sleeps. */
int __sfi_sys_poll(void *fds, size_t nfds, int timeout_ms);
/* out[0]: the heap bytes the instance may use in all (its memory limit);
 * out[1]: the bytes of it not yet in use. */
int __sfi_sys_meminfo(uint64_t out[2]);

/* Clocks: clk is CLOCK_REALTIME (0), CLOCK_MONOTONIC (1) or
 * CLOCK_PROCESS_CPUTIME_ID (2); ts is {int64 sec, int64 nsec}. */
int __sfi_sys_clock_gettime(int clk, void *ts);
long __sfi_sys_getrandom(void *buf, size_t len);

/* Ends the program (sfi-run) or the current call (embedding) with status. */
_Noreturn void __sfi_sys_exit(int status);
/* Traps the instance with SFI_TRAP_ABORT (abort(), failed assert, raise). */
_Noreturn void __sfi_sys_abort(void);

/* Heap: grows (or shrinks) the break by incr bytes; returns the old break,
 * or (void *)-1 when the instance's memory limit or the region is reached.
 * The heap starts page-aligned right after the image. */
void *__sfi_sys_sbrk(long incr);

/* Arguments and environment, in the manner of WASI: sizes first, then the
 * runtime writes argc pointers into argv and the strings into buf. */
int __sfi_sys_args_sizes(int *argc, size_t *bufsize);
int __sfi_sys_args_get(char **argv, char *buf);
int __sfi_sys_environ_sizes(int *count, size_t *bufsize);
int __sfi_sys_environ_get(char **env, char *buf);

/* setjmp/longjmp: the runtime keeps the saved context; *slot (in the
 * sandbox's jmp_buf) receives only a checked handle. __sfi_sys_setjmp
 * returns twice like setjmp. A forged or stale handle traps. */
int __sfi_sys_setjmp(uint64_t *slot);
_Noreturn void __sfi_sys_longjmp(uint64_t *slot, int val);
/* Called (by pass-instrumented code) right before every return of a
 * function that calls setjmp: the contexts saved by that frame and deeper
 * ones die with it, so a later longjmp to them traps instead of resuming a
 * frame whose native stack was reused. */
void __sfi_sys_setjmp_leave(void);

/* Bulk work done by the host on checked ranges, for speed and for results
 * identical to glibc's. fmt_fp formats one floating-point value the way
 * printf's %<flags><width>.<prec><conv> would (conv in "aAeEfFgG", flags a
 * bitmask: 1 '-', 2 '+', 4 ' ', 8 '#', 16 '0'; prec < 0 means none) into
 * buf (at most cap bytes, NUL-terminated); returns the full length.
 * spec = conv | flags << 8, and the value by address, so that every
 * argument travels in a register (imports take at most six). */
int __sfi_sys_fmt_fp(char *buf, size_t cap, int spec, int width, int prec,
                     const long double *value);
#define SFI_FMT_SPEC(conv, flags) ((conv) | (flags) << 8)
/* strtod/strtof/strtold on s[0..len): *end receives the count of bytes
 * consumed (0 when none); errno value (0 or ERANGE) is returned in *err. */
double __sfi_sys_strtod(const char *s, size_t len, size_t *end, int *err);
float __sfi_sys_strtof(const char *s, size_t len, size_t *end, int *err);
long double __sfi_sys_strtold(const char *s, size_t len, size_t *end,
                              int *err);

/* Every call above by name (the part after __sfi_sys_): the runtime's
 * table (runtime/sys/table.c) and sfi-cc's link-time import check. */
#define SFI_SYS_CALLS(X)                                                       \
  X(read) X(write) X(open) X(close) X(lseek) X(fstat) X(stat) X(unlink)        \
  X(rename) X(mkdir) X(rmdir) X(getdents) X(isatty) X(clock_gettime)           \
  X(getrandom) X(exit) X(abort) X(sbrk) X(args_sizes) X(args_get)              \
  X(environ_sizes) X(environ_get) X(setjmp) X(longjmp) X(setjmp_leave)         \
  X(fmt_fp) X(strtod) X(strtof) X(strtold) X(ftruncate) X(fsync) X(pread)      \
  X(pwrite) X(fchmod) X(chmod) X(utimens) X(realpath) X(pipe) X(dup)          \
  X(poll) X(meminfo) X(lstat)

/* Math: every import named __sfi_libm_<name> is bound to the host libm's
 * <name>, for an allowlist of functions whose arguments and results are
 * scalars only (sin, pow, lgamma, fma, ... in float, double and long
 * double). Functions that take pointers (frexp, modf, remquo, sincos, nan)
 * are written in the sandbox on top of these. */

#ifdef __cplusplus
}
#endif
#endif
