/* x87frame_host.c: the host's x87 registers and zmm16-31/k0-7, which the
 * transitions leave in place for a module without x87/AVX-512 code
 * (75bd0a3), reach sandbox memory through the kernel's signal frame: a
 * host signal handler without SA_ONSTACK (as x87sig_host and
 * runtime.test_boundary install) runs on the sandbox's native stack while
 * the module runs, and the frame (uc_mcontext's XSAVE image) is written
 * below the sandbox's %rsp. The host:
 *   - leaves a long double with mantissa SX in an x87 data register
 *     (fldt; fstp: the tag is empty, the register keeps the value, as after
 *     any long double computation of the host's),
 *   - leaves SZ in zmm31 and SK in k5 (AVX-512 code of the host, or
 *     glibc's EVEX string functions),
 *   - calls scan() in x87frame.so, arms a 20 ms SIGALRM whose handler only
 *     counts.
 * scan (x87frame.s) reports which of the three it found in its own memory.
 *   usage: x87frame_host x87frame.so  exit 1 on a leak */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/time.h>
#include "sfi.h"

#define K 0x5a5a5a5a5a5a5a5aULL
#define SX 0xd1e75ec7e75ec7e7ULL /* x87 mantissa (integer bit set) */
#define SZ 0x2b5ec7e7217e4f31ULL /* zmm31 */
#define SK 0x6b5ec7e7006b0005ULL /* k5 */

static volatile int ticks;
static void on_alarm(int s) {
  (void)s;
  ticks++;
}

static int has_avx512bw(void) {
  return __builtin_cpu_supports("avx512f") &&
         __builtin_cpu_supports("avx512bw");
}

__attribute__((target("avx512f,avx512bw"), noinline)) static void
host_avx512(void) {
  uint64_t z[8];
  for (int i = 0; i < 8; i++)
    z[i] = SZ;
  uint64_t k = SK;
  __asm__ volatile("vmovdqu64 %0, %%zmm31; kmovq %1, %%k5"
                   :: "m"(z), "r"(k) : "xmm31", "k5");
}

static void host_x87(void) {
  struct { uint64_t mant; uint16_t exp; } __attribute__((packed)) v = {SX,
                                                                      0x3fff};
  __asm__ volatile("fldt %0; fstp %%st(0)" :: "m"(v));
}

static int one(const char *path, int want_x87) {
  sfi_module *m = sfi_module_load(path, NULL, NULL);
  sfi_instance *in = m ? sfi_instance_new(m, NULL) : NULL;
  if (!in) {
    printf("load: %s\n", sfi_errmsg());
    return 2;
  }
  int avx = has_avx512bw();
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_handler = on_alarm;
  sigemptyset(&sa.sa_mask);
  sa.sa_flags = SA_RESTART; /* no SA_ONSTACK, as x87sig_host */
  sigaction(SIGALRM, &sa, NULL);
  ticks = 0;
  struct itimerval it = {{0, 0}, {0, 20000}};
  sfi_val a[4] = {SFI_I64(SX ^ K), SFI_I64(SZ ^ K), SFI_I64(SK ^ K),
                  SFI_I64(300000)}, r;
  if (avx)
    host_avx512();
  host_x87();
  setitimer(ITIMER_REAL, &it, NULL);
  if (sfi_call(in, "scan", "IIII:I", a, &r) != SFI_OK) {
    printf("scan: %s\n", sfi_errmsg());
    return 2;
  }
  long f = r.i64 & 0xff, nptr = r.i64 >> 8;
  sfi_val smp = {0};
  sfi_call(in, "sample", ":I", NULL, &smp);
  printf("  %s: handler ran %d time(s); sandbox found:%s%s%s%s\n", path,
         ticks, f & 1 ? " host x87 register" : "",
         f & 2 ? " host zmm31" : "", f & 4 ? " host k5" : "",
         f ? "" : " nothing");
  int bad = 0;
  if (f & 1) {
    printf("  BAD: the host's x87 data register (mantissa 0x%llx) read by "
           "the sandbox%s\n", (unsigned long long)SX,
           want_x87 ? "" : " (module without x87 code: no entry reset)");
    bad = 1;
  }
  if (f & 6) {
    printf("  BAD: the host's zmm31/k5 read by the sandbox (module without "
           "AVX-512 code: no zmm16-31/k clearing)\n");
    bad = 1;
  }
  if (nptr) {
    Dl_info di;
    memset(&di, 0, sizeof di);
    const char *what = dladdr((void *)smp.i64, &di) && di.dli_fname ? di.dli_fname : "?";
    printf("  (info: %ld word(s) outside the region's 4 GiB below the "
           "sandbox's rsp, e.g. 0x%llx (%s%s%s); not judged)\n", nptr, (unsigned long long)smp.i64, what,
           di.dli_sname ? " " : "", di.dli_sname ? di.dli_sname : "");
  }
  if (!avx)
    printf("  (no AVX-512BW here: zmm31/k5 not tried)\n");
  sfi_instance_free(in);
  sfi_module_free(m);
  return bad;
}

int main(int argc, char **argv) {
  if (argc < 2)
    return 2;
  int bad = one(argv[1], 0);
  if (argc > 2)
    bad |= one(argv[2], 1);
  printf("x87frame: %s\n", bad ? "BAD" : "held");
  return bad;
}
