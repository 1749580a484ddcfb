/* host.h: the meaning of the system-interface calls on host pointers and
 * host descriptors, one copy for both users:
 *   - runtime/sys/<call>.c, after its checks (every guest pointer through
 *     sfi_ptr, every sandbox descriptor through the instance's table, every
 *     path beneath a grant), passes the host addresses it found;
 *   - sfi-libc-shim (libc/shim/shim.c) runs a natively built libc outside
 *     any sandbox with the identity mapping (guest pointer == host pointer,
 *     sandbox descriptor == host descriptor, paths as given) and calls the
 *     same functions.
 * A pointer argument may be NULL where the runtime's check failed; the
 * functions say which error that gives, in the order the call checks.
 * Nothing here knows about instances, so nothing here is a check the
 * sandbox depends on: those stay in runtime/sys. */
#ifndef SFI_SYS_HOST_H
#define SFI_SYS_HOST_H

#include <stddef.h>
#include <stdint.h>

#define SYS_IO_MAX (1ULL << 30) /* one read/write moves at most this */
#define SYS_STRTOD_MAX 4096     /* strtod and friends read at most this */

/* Open flags as the sandbox may pass them, without musl's O_LARGEFILE (the
 * kernel forces it on x86-64), or -EINVAL. */
int sfi__host_open_flags(int flags);
/* lseek on host fd h: whence SEEK_SET/CUR/END only. */
long sfi__host_lseek(int h, long off, int whence);
/* write; a write to a pipe without a reader is -EPIPE and its SIGPIPE is
 * consumed, never delivered to the process. */
long sfi__host_write(int h, const void *p, size_t len);
/* getrandom of exactly len bytes (fewer only on an error after some). */
long sfi__host_getrandom(void *p, size_t len);
/* Clock 0, 1, 2 (realtime, monotonic, process CPU) into ts as two int64:
 * -EINVAL for another clock, else -EFAULT if ts is NULL. */
int sfi__host_clock_gettime(int clk, void *ts);
/* One floating-point value *vp (80-bit long double, 10 bytes) printed as
 * the host's printf prints it, into dst[0..cap) (NUL-terminated, cut at
 * cap); returns the full length. -EFAULT if vp is NULL, -EINVAL for a bad
 * conversion, flag, width or precision, -EFAULT if cap != 0 and dst is
 * NULL. spec: conversion | flags << 8 (1 '-', 2 '+', 4 ' ', 8 '#', 16 '0'). */
int sfi__host_fmt_fp(char *dst, size_t cap, int spec, int width, int prec,
                     const void *vp);
/* strtod/strtof/strtold on a NUL-terminated copy of s[0..len) (len cut at
 * SYS_STRTOD_MAX): the value, *end the length parsed, *err errno. 0 with
 * nothing written if any pointer is NULL. */
double sfi__host_strtod(const char *s, size_t len, uint64_t *end, int *err);
float sfi__host_strtof(const char *s, size_t len, uint64_t *end, int *err);
long double sfi__host_strtold(const char *s, size_t len, uint64_t *end,
                              int *err);
/* Argument and environment vectors, WASI style: the bytes of n strings
 * with their NULs; and the strings copied to buf (host address of guest
 * address gbuf) with their guest addresses in ptrs. */
uint64_t sfi__host_strv_bytes(char *const *v, int n);
void sfi__host_strv_copy(char *const *v, int n, uint64_t *ptrs, char *buf,
                         uint64_t gbuf);

#endif
