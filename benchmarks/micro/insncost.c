/* insncost.c: the cost of the instructions a call into a sandbox runs
 * (runtime/enter.S, runtime/call.c) on this machine, each in a loop of its
 * own: what bounds the call-in time from below. Thread CPU time, best of 5
 * runs of 10^7, minus the empty loop. Needs FSGSBASE (AT_HWCAP2) for the
 * %gs lines and AVX-512 for the zmm16-31/k lines (skipped otherwise).
 *   clang-22 -O2 benchmarks/micro/insncost.c -o insncost
 *   taskset -c 1 ./insncost */
#include <stdint.h>
#include <stdio.h>
#include <sys/auxv.h>
#include <time.h>

static double cpu(void) {
  struct timespec t;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

#define N 10000000L
static double base_ns;
#define COST(name, ...)                                                        \
  do {                                                                         \
    double best = 1e9;                                                         \
    for (int r = 0; r < 5; r++) {                                              \
      double t0 = cpu();                                                       \
      for (long i = 0; i < N; i++) {                                           \
        __VA_ARGS__;                                                           \
      }                                                                        \
      double t = (cpu() - t0) * 1e9 / (double)N;                               \
      if (t < best)                                                            \
        best = t;                                                              \
    }                                                                          \
    if (!base_ns)                                                              \
      base_ns = best;                                                          \
    printf("%-44s %6.2f ns\n", name, best - (base_ns == best ? 0 : base_ns)); \
  } while (0)

static _Alignas(64) unsigned char xinit[1024];

__attribute__((target("fsgsbase,avx512f,xsave"))) int main(void) {
  xinit[24] = 0x80; /* MXCSR 0x1f80 in an all-initial XSAVE area */
  xinit[25] = 0x1f;
  int fsgs = (getauxval(AT_HWCAP2) & 2) != 0;
  __builtin_cpu_init();
  int avx512 = __builtin_cpu_supports("avx512f");
  uint32_t m;
  uint16_t cw;
  COST("empty loop (subtracted below)", __asm__ volatile(""));
  if (fsgs) {
    COST("rdgsbase (every call: contract E5)",
         { uint64_t g; __asm__ volatile("rdgsbase %0" : "=r"(g)); });
    uint64_t g;
    __asm__ volatile("rdgsbase %0" : "=r"(g));
    COST("wrgsbase (instance switch)", __asm__ volatile("wrgsbase %0" ::"r"(g)));
  }
  COST("xgetbv(1) XINUSE (entry and return)", {
    unsigned a, d;
    __asm__ volatile("xgetbv" : "=a"(a), "=d"(d) : "c"(1));
  });
  COST("xrstor x87 init (only when XINUSE[0])",
       __asm__ volatile("xrstor %0" ::"m"(xinit), "a"(1), "d"(0)));
  COST("fninit", __asm__ volatile("fninit"));
  COST("stmxcsr + fnstcw (entry; return compares)",
       __asm__ volatile("stmxcsr %0; fnstcw %1" : "=m"(m), "=m"(cw)));
  COST("pushfq; pop (return: DF/AC/TF check)", {
    uint64_t f;
    __asm__ volatile("pushfq; pop %0" : "=r"(f));
  });
  COST("pushfq; popfq (not on the path)",
       __asm__ volatile("pushfq; popfq" ::: "cc"));
  COST("vzeroupper", __asm__ volatile("vzeroupper"));
  if (avx512) {
    COST("vpxord zmm16-31 (16)",
         __asm__ volatile(
             "vpxord %%xmm16,%%xmm16,%%xmm16\n vpxord %%xmm17,%%xmm17,%%xmm17\n"
             "vpxord %%xmm18,%%xmm18,%%xmm18\n vpxord %%xmm19,%%xmm19,%%xmm19\n"
             "vpxord %%xmm20,%%xmm20,%%xmm20\n vpxord %%xmm21,%%xmm21,%%xmm21\n"
             "vpxord %%xmm22,%%xmm22,%%xmm22\n vpxord %%xmm23,%%xmm23,%%xmm23\n"
             "vpxord %%xmm24,%%xmm24,%%xmm24\n vpxord %%xmm25,%%xmm25,%%xmm25\n"
             "vpxord %%xmm26,%%xmm26,%%xmm26\n vpxord %%xmm27,%%xmm27,%%xmm27\n"
             "vpxord %%xmm28,%%xmm28,%%xmm28\n vpxord %%xmm29,%%xmm29,%%xmm29\n"
             "vpxord %%xmm30,%%xmm30,%%xmm30\n vpxord %%xmm31,%%xmm31,%%xmm31" ::
                 : "xmm16", "xmm17", "xmm18", "xmm19", "xmm20", "xmm21",
                   "xmm22", "xmm23", "xmm24", "xmm25", "xmm26", "xmm27",
                   "xmm28", "xmm29", "xmm30", "xmm31"));
    COST("kxorw k0-k7 (8)",
         __asm__ volatile("kxorw %%k0,%%k0,%%k0\n kxorw %%k1,%%k1,%%k1\n"
                          "kxorw %%k2,%%k2,%%k2\n kxorw %%k3,%%k3,%%k3\n"
                          "kxorw %%k4,%%k4,%%k4\n kxorw %%k5,%%k5,%%k5\n"
                          "kxorw %%k6,%%k6,%%k6\n kxorw %%k7,%%k7,%%k7" ::
                              : "k1", "k2", "k3", "k4", "k5", "k6", "k7"));
  }
  return 0;
}
