/* sigwin_host.c: stresses the windows of call_fast (cd97cf4) where a host
 * signal handler (SA_ONSTACK, as sfi.h asks) can run between the fast
 * path's checks and the depth raise, and between the depth drop and the
 * end of the teardown. The main thread sets a %gs base of its own and calls
 * A's keep(SECRET) in a loop (sfi_fn_call / sfi_call_addr / sfi_call: all
 * take call_fast); a 20 us interval timer's handler calls B's peek() (same
 * module, another instance) and looks for A's secret in what B read from
 * its uninitialised native frame, and checks %gs after each of its calls.
 *   usage: sigwin_host ccrossleak.so [seconds]   exit 1 on a leak, a lost
 *   %gs base, a wrong result or an unexpected error */
#define _GNU_SOURCE
#include <asm/prctl.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

#include "review_host.h"
#include "sfi.h"
#include "sfi_abi.h"

#define SECRET 0x5ec7e75ec7e70002ULL

static sfi_instance *a, *b;
static sfi_fn *peek_b;
static uint64_t bufb, gsmine;
static volatile long h_calls, h_ok, h_refused, h_bad, h_leak, h_gs;
static volatile int h_lastrc;

static uint64_t gs_get(void) {
  unsigned long v = 0;
  syscall(SYS_arch_prctl, ARCH_GET_GS, &v);
  return v;
}

static uint64_t writable(sfi_instance *in, uint64_t len) {
  for (uint64_t p = sfi_region_base(in) + SFI_REGION_SIZE;
       p > sfi_region_base(in); p -= 1 << 16)
    if (sfi_ptr(in, p - len, len, 1))
      return p - len;
  return 0;
}

static void on_alarm(int s, siginfo_t *si, void *ctx) {
  (void)s, (void)si, (void)ctx;
  h_calls++;
  sfi_val p = SFI_PTR(bufb);
  uint64_t gs0 = gs_get(); /* the region base if a call was interrupted */
  int rc = sfi_fn_call(peek_b, &p, NULL);
  if (gs_get() != gs0)
    h_gs++;
  if (rc == SFI_OK) {
    h_ok++;
    const uint64_t *w = sfi_ptr(b, bufb, 4096, 0);
    for (int i = 0; w && i < 512; i++)
      if (w[i] == SECRET) {
        h_leak++;
        break;
      }
  } else if (rc == SFI_ERR_INVALID) {
    h_refused++; /* interrupted another call's setup/teardown: documented */
  } else {
    h_bad++;
    h_lastrc = rc;
  }
}

int main(int argc, char **argv) {
  if (argc < 2)
    return 2;
  double secs = argc > 2 ? atof(argv[2]) : 3;
  sfi_module *m = review_load(argv[1], NULL);
  a = review_instance(m, NULL);
  b = review_instance(m, NULL);
  bufb = writable(b, 8192);
  uint64_t keep = sfi_lookup(a, "keep");
  sfi_fn *keep_a = sfi_fn_new(a, keep, "I:v");
  peek_b = sfi_fn_new(b, sfi_lookup(b, "peek"), "p:v");
  if (!keep_a || !peek_b || !bufb) {
    printf("setup: %s\n", sfi_errmsg());
    return 2;
  }
  /* a %gs base of the host's own: a page it owns */
  void *pg = mmap(NULL, 4096, PROT_READ | PROT_WRITE,
                  MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  gsmine = (uint64_t)pg;
  syscall(SYS_arch_prctl, ARCH_SET_GS, gsmine);
  sfi_val s = SFI_I64(SECRET);
  sfi_fn_call(keep_a, &s, NULL); /* thread prepared */
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_sigaction = on_alarm;
  sa.sa_flags = SA_SIGINFO | SA_ONSTACK | SA_RESTART;
  sigemptyset(&sa.sa_mask);
  sigaction(SIGALRM, &sa, NULL);
  struct itimerval it = {{0, 20}, {0, 20}};
  setitimer(ITIMER_REAL, &it, NULL);
  long n = 0, bad = 0, gs = 0;
  struct timespec t0, t1;
  clock_gettime(CLOCK_MONOTONIC, &t0);
  do {
    for (int k = 0; k < 1000; k++, n++) {
      int rc;
      switch (n % 3) {
      case 0: rc = sfi_fn_call(keep_a, &s, NULL); break;
      case 1: rc = sfi_call_addr(a, keep, "I:v", &s, NULL); break;
      default: rc = sfi_call(a, "keep", "I:v", &s, NULL); break;
      }
      if (rc != SFI_OK) {
        if (bad++ < 3)
          printf("main call %ld: rc %d %s\n", n, rc, sfi_errmsg());
      }
      if (gs_get() != gsmine)
        gs++;
    }
    clock_gettime(CLOCK_MONOTONIC, &t1);
  } while ((t1.tv_sec - t0.tv_sec) + (t1.tv_nsec - t0.tv_nsec) / 1e9 < secs);
  struct itimerval off = {{0, 0}, {0, 0}};
  setitimer(ITIMER_REAL, &off, NULL);
  printf("main: %ld calls, %ld failed, %%gs lost %ld times\n", n, bad, gs);
  printf("handler: %ld runs, %ld calls ok, %ld refused, %ld other errors "
         "(last %d), B saw A's secret %ld times, %%gs lost %ld times\n",
         h_calls, h_ok, h_refused, h_bad, h_lastrc, h_leak, h_gs);
  return bad || gs || h_bad || h_leak || h_gs;
}
