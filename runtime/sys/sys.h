/* sys.h: helpers shared by the system-interface calls (one call per file).
 * Each call runs on the sandbox native stack, in host code, for the
 * instance sfi_current() returns; pointers and lengths come from the
 * sandbox and are checked before any use. */
#ifndef SFI_SYS_INTERNAL_H
#define SFI_SYS_INTERNAL_H

#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <string.h>

#include "../internal.h"
#include "host.h"

/* The host fd behind sandbox fd, or -1. */
int sfi__sys_hostfd(sfi_instance *in, int fd);
/* The host fd behind sandbox fd if the sandbox opened it itself beneath a
 * grant (or dup'ed such a descriptor), or -1: calls that change a file's
 * size, mode or times refuse the host's stdio, /dev/null and pipes. */
int sfi__sys_ownedfd(sfi_instance *in, int fd);
/* The host fd for a call that changes a file through sandbox fd: -EBADF
 * if fd is not open, -EPERM if the sandbox did not open it itself. */
int sfi__sys_changefd(sfi_instance *in, int fd);
/* The checks of a read or write of [buf, buf + *len) through sandbox fd,
 * in this order: *len capped at max, the buffer (writable when the call
 * writes into it) in the instance's memory (-EFAULT), fd open (-EBADF).
 * Returns the host fd and sets *p to the host address of buf. */
int sfi__sys_iobuf(sfi_instance *in, int fd, uint64_t buf, uint64_t *len,
                   uint64_t max, int writable, void **p);
/* Runs fn on the file path names (resolved beneath its grant, following
 * symlinks that stay inside it, or not following a final symlink with
 * nofollow), through the O_PATH descriptor's /proc/self/fd link, so that
 * the call acts on exactly the inode the resolution found. */
int sfi__sys_at_path(sfi_instance *in, uint64_t path, int nofollow,
                     int (*fn)(const char *proc, void *arg), void *arg);
/* Installs a host fd (owned: closed with the sandbox fd) under the lowest
 * free sandbox fd >= 3, not beneath a grant; or closes it and returns
 * -EMFILE. */
int sfi__sys_newfd(sfi_instance *in, int host);
/* The same at the lowest free fd >= min (>= 3), marked beneath a grant when
 * beneath != 0. */
int sfi__sys_newfd_at(sfi_instance *in, int host, int min, int beneath);
/* Waits until host fd h is ready for events (POLLIN/POLLOUT) or the time
 * limit of the current call runs out (then traps with SFI_TRAP_TIMEOUT):
 * a sandbox blocked in I/O must not outlive its limit. No-op without a
 * limit. at_once_on_stream: the call answers at once on a pipe, FIFO or
 * socket (a zero-length read or write; pread/pwrite, ESPIPE): no wait
 * there. */
void sfi__sys_wait(int h, short events, int at_once_on_stream);
/* Milliseconds from now (CLOCK_MONOTONIC) to t, rounded up (up != 0) or
 * toward zero; negative once t has passed. */
long long sfi__sys_ms_until(const struct timespec *t, int up);
/* Resolves a sandbox path to a granted directory fd and a relative rest
 * (at most PATH_MAX bytes). Returns 0 or a negative errno. */
int sfi__sys_path(sfi_instance *in, uint64_t path, int *dirfd, char *rest);
/* The devices every sandbox has, as every native process does: /dev/null,
 * /dev/zero, /dev/random, /dev/urandom. None holds host data (null reads
 * empty, zero reads zeros, the random ones read the kernel's randomness as
 * getrandom does) and writes, allowed only to null and zero, are dropped.
 * Returns the host path when the sandbox path (exactly) names one, with
 * *writable set; else NULL. */
const char *sfi__sys_device(sfi_instance *in, uint64_t path, int *writable);
/* Whether st (of what was opened at dev) is that device: a character
 * device with Linux's number for it. */
struct stat;
int sfi__sys_device_ok(const char *dev, const struct stat *st);
/* Whether a path ends "name/" or "name/.": it names a directory (through
 * a symlink, for lstat too). */
static inline int sfi__sys_names_dir(const char *p) {
  size_t n = strlen(p);
  return (n && p[n - 1] == '/') ||
         (n >= 2 && p[n - 1] == '.' && p[n - 2] == '/');
}
/* Opens rest beneath dirfd with openat2 RESOLVE_BENEATH; -errno on error. */
int sfi__sys_open_beneath(int dirfd, const char *rest, int flags, int mode);
/* Splits a resolved path into an O_PATH fd of its parent and the last
 * component (which must be a real name, not "." or ".."). */
int sfi__sys_parent(sfi_instance *in, uint64_t path, int *pfd, char *leaf);

#endif
