/* wasi.c: the smallest WASI (preview 1) host that runs the benchmark
 * programs as wasm2c builds: stdio writes, args, environ, clocks, random and
 * exit; everything else fails with ENOSYS. Links against the module that
 * wasm2c generated with `-n bench` (header bench.h). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <time.h>
#include <unistd.h>

#include "bench.h"
#include "wasm-rt-impl.h"

/* WASI errno values (not Linux's). */
#define W_ESUCCESS 0
#define W_EBADF 8
#define W_EFAULT 21
#define W_EINVAL 28
#define W_EIO 29
#define W_ENOSYS 52
#define W_ESPIPE 70

struct Z_wasi_snapshot_preview1_instance_t {
  wasm_rt_memory_t *mem;
  int argc;
  char **argv;
};

/* Every guest address range is checked against the current memory size. */
static uint8_t *guest(struct Z_wasi_snapshot_preview1_instance_t *w,
                      uint32_t addr, uint64_t len) {
  if ((uint64_t)addr + len > w->mem->size)
    return NULL;
  return w->mem->data + addr;
}
static int put32(struct Z_wasi_snapshot_preview1_instance_t *w, uint32_t addr,
                 uint32_t v) {
  uint8_t *p = guest(w, addr, 4);
  if (!p)
    return -1;
  memcpy(p, &v, 4); /* wasm is little-endian, like x86-64 */
  return 0;
}
static int put64(struct Z_wasi_snapshot_preview1_instance_t *w, uint32_t addr,
                 uint64_t v) {
  uint8_t *p = guest(w, addr, 8);
  if (!p)
    return -1;
  memcpy(p, &v, 8);
  return 0;
}

u32 Z_wasi_snapshot_preview1Z_args_sizes_get(
    struct Z_wasi_snapshot_preview1_instance_t *w, u32 argc_p, u32 size_p) {
  uint32_t size = 0;
  for (int i = 0; i < w->argc; i++)
    size += (uint32_t)strlen(w->argv[i]) + 1;
  if (put32(w, argc_p, (uint32_t)w->argc) || put32(w, size_p, size))
    return W_EFAULT;
  return W_ESUCCESS;
}

u32 Z_wasi_snapshot_preview1Z_args_get(
    struct Z_wasi_snapshot_preview1_instance_t *w, u32 argv_p, u32 buf_p) {
  uint32_t off = buf_p;
  for (int i = 0; i < w->argc; i++) {
    size_t n = strlen(w->argv[i]) + 1;
    uint8_t *dst = guest(w, off, n);
    if (!dst || put32(w, argv_p + 4u * (uint32_t)i, off))
      return W_EFAULT;
    memcpy(dst, w->argv[i], n);
    off += (uint32_t)n;
  }
  return W_ESUCCESS;
}

/* The benchmarks get an empty environment: results must not depend on it. */
u32 Z_wasi_snapshot_preview1Z_environ_sizes_get(
    struct Z_wasi_snapshot_preview1_instance_t *w, u32 count_p, u32 size_p) {
  if (put32(w, count_p, 0) || put32(w, size_p, 0))
    return W_EFAULT;
  return W_ESUCCESS;
}
u32 Z_wasi_snapshot_preview1Z_environ_get(
    struct Z_wasi_snapshot_preview1_instance_t *w, u32 env_p, u32 buf_p) {
  (void)w, (void)env_p, (void)buf_p;
  return W_ESUCCESS;
}

u32 Z_wasi_snapshot_preview1Z_fd_write(
    struct Z_wasi_snapshot_preview1_instance_t *w, u32 fd, u32 iovs,
    u32 iovs_len, u32 nwritten_p) {
  if (fd != 1 && fd != 2)
    return W_EBADF;
  uint8_t *iov = guest(w, iovs, (uint64_t)iovs_len * 8);
  if (!iov)
    return W_EFAULT;
  uint32_t total = 0;
  for (uint32_t i = 0; i < iovs_len; i++) {
    uint32_t base, len;
    memcpy(&base, iov + 8 * i, 4);
    memcpy(&len, iov + 8 * i + 4, 4);
    uint8_t *p = guest(w, base, len);
    if (!p)
      return W_EFAULT;
    while (len > 0) {
      ssize_t k = write((int)fd, p, len);
      if (k < 0) {
        if (errno == EINTR)
          continue;
        return W_EIO;
      }
      p += k;
      len -= (uint32_t)k;
      total += (uint32_t)k;
    }
  }
  return put32(w, nwritten_p, total) ? W_EFAULT : W_ESUCCESS;
}

u32 Z_wasi_snapshot_preview1Z_fd_read(
    struct Z_wasi_snapshot_preview1_instance_t *w, u32 fd, u32 iovs,
    u32 iovs_len, u32 nread_p) {
  (void)fd, (void)iovs, (void)iovs_len;
  return put32(w, nread_p, 0) ? W_EFAULT : W_EBADF;
}

u32 Z_wasi_snapshot_preview1Z_fd_close(
    struct Z_wasi_snapshot_preview1_instance_t *w, u32 fd) {
  (void)w;
  return fd <= 2 ? W_ESUCCESS : W_EBADF;
}

u32 Z_wasi_snapshot_preview1Z_fd_seek(
    struct Z_wasi_snapshot_preview1_instance_t *w, u32 fd, u64 offset,
    u32 whence, u32 newoff_p) {
  (void)w, (void)offset, (void)whence, (void)newoff_p;
  return fd <= 2 ? W_ESPIPE : W_EBADF;
}

/* fdstat: u8 filetype, u16 flags at 2, u64 rights at 8 and 16 (24 bytes).
 * stdio is reported as a character device, not a tty, so stdout is fully
 * buffered as it is in the native and sfi builds writing to a pipe. */
u32 Z_wasi_snapshot_preview1Z_fd_fdstat_get(
    struct Z_wasi_snapshot_preview1_instance_t *w, u32 fd, u32 stat_p) {
  if (fd > 2)
    return W_EBADF;
  uint8_t *p = guest(w, stat_p, 24);
  if (!p)
    return W_EFAULT;
  memset(p, 0, 24);
  p[0] = 2; /* character device */
  uint64_t rights = (1u << 6) | (1u << 1); /* fd_write, fd_fdstat... */
  memcpy(p + 8, &rights, 8);
  return W_ESUCCESS;
}

u32 Z_wasi_snapshot_preview1Z_fd_prestat_get(
    struct Z_wasi_snapshot_preview1_instance_t *w, u32 fd, u32 buf_p) {
  (void)w, (void)fd, (void)buf_p;
  return W_EBADF; /* no preopened directories */
}
u32 Z_wasi_snapshot_preview1Z_fd_prestat_dir_name(
    struct Z_wasi_snapshot_preview1_instance_t *w, u32 fd, u32 p, u32 n) {
  (void)w, (void)fd, (void)p, (void)n;
  return W_EBADF;
}

u32 Z_wasi_snapshot_preview1Z_clock_time_get(
    struct Z_wasi_snapshot_preview1_instance_t *w, u32 id, u64 precision,
    u32 time_p) {
  (void)precision;
  static const clockid_t ids[] = {CLOCK_REALTIME, CLOCK_MONOTONIC,
                                  CLOCK_PROCESS_CPUTIME_ID,
                                  CLOCK_THREAD_CPUTIME_ID};
  if (id > 3)
    return W_EINVAL;
  struct timespec ts;
  clock_gettime(ids[id], &ts);
  uint64_t ns = (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
  return put64(w, time_p, ns) ? W_EFAULT : W_ESUCCESS;
}

u32 Z_wasi_snapshot_preview1Z_random_get(
    struct Z_wasi_snapshot_preview1_instance_t *w, u32 buf, u32 len) {
  uint8_t *p = guest(w, buf, len);
  if (!p)
    return W_EFAULT;
  while (len > 0) {
    ssize_t k = getrandom(p, len, 0);
    if (k < 0)
      return W_EIO;
    p += k;
    len -= (uint32_t)k;
  }
  return W_ESUCCESS;
}

void Z_wasi_snapshot_preview1Z_proc_exit(
    struct Z_wasi_snapshot_preview1_instance_t *w, u32 code) {
  (void)w;
  fflush(NULL);
  _exit((int)code);
}

static const char *trap_name(wasm_rt_trap_t t) {
  switch (t) {
  case WASM_RT_TRAP_OOB: return "out-of-bounds memory access";
  case WASM_RT_TRAP_INT_OVERFLOW: return "integer overflow";
  case WASM_RT_TRAP_DIV_BY_ZERO: return "integer divide by zero";
  case WASM_RT_TRAP_INVALID_CONVERSION: return "invalid conversion";
  case WASM_RT_TRAP_UNREACHABLE: return "unreachable";
  case WASM_RT_TRAP_CALL_INDIRECT: return "bad indirect call";
  case WASM_RT_TRAP_EXHAUSTION: return "call stack exhausted";
  default: return "trap";
  }
}

int main(int argc, char **argv) {
  static Z_bench_instance_t inst;
  struct Z_wasi_snapshot_preview1_instance_t wasi = {NULL, argc, argv};
  wasm_rt_init();
  Z_bench_init_module();
  Z_bench_instantiate(&inst, &wasi);
  wasi.mem = Z_benchZ_memory(&inst);
  wasm_rt_trap_t trap = wasm_rt_impl_try();
  if (trap != WASM_RT_TRAP_NONE) {
    fprintf(stderr, "%s: wasm trap: %s\n", argv[0], trap_name(trap));
    return 134;
  }
  Z_benchZ__start(&inst);
  Z_bench_free(&inst);
  wasm_rt_free();
  return 0;
}
