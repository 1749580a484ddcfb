/* keepleak.c (C, sfi-cc -shared): a module that fills every kind of
 * writable memory it has (data on the kept pages and past them, bss, the
 * shadow stack, the heap above and below the break) with a pattern, and
 * one that counts the pattern wherever a new or reset instance can read
 * (keepleak_host.c). */
#include <stdint.h>
#include <sfi_sys.h>

/* data: nonzero initial bytes on the first two pages (kept and written
 * back in place), zero file bytes after them (dropped) */
struct {
  uint64_t a[700];
  uint64_t z[3000];
} D = {.a = {[0] = 1, [699] = 7}};
uint64_t B[200000]; /* bss, 1.6 MiB */
volatile uint64_t *escape;

__attribute__((noinline)) static int deep(uint64_t pat, int n) {
  volatile uint64_t buf[2048]; /* address taken: on the shadow stack */
  for (int i = 0; i < 2048; i++)
    buf[i] = pat;
  escape = buf;
  return n ? deep(pat, n - 1) + (int)buf[3] : 0;
}

__attribute__((visibility("default"))) void fill(uint64_t pat) {
  for (int i = 0; i < 700; i++)
    D.a[i] = pat;
  for (int i = 0; i < 3000; i++)
    D.z[i] = pat;
  for (int i = 0; i < 200000; i++)
    B[i] = pat;
  uint8_t *h = __sfi_sys_sbrk(4 << 20);
  if (h != (void *)-1)
    for (long i = 0; i < (4 << 20) / 8; i++)
      ((volatile uint64_t *)h)[i] = pat;
  __sfi_sys_sbrk(-(2 << 20)); /* break lowered: pages above dropped */
  deep(pat, 60);              /* ~1 MiB of shadow stack */
}

static long count(volatile uint64_t *p, long n, uint64_t pat) {
  long c = 0;
  for (long i = 0; i < n; i++)
    c += p[i] == pat;
  return c;
}

/* Where the pattern is: bit 0 data, 1 bss, 2 heap, 3 shadow stack; 16 a
 * wrong initial value in data. */
__attribute__((visibility("default"))) long scan(uint64_t pat) {
  long r = 0;
  if (count((volatile uint64_t *)&D, sizeof D / 8, pat))
    r |= 1;
  if (D.a[0] != 1 || D.a[699] != 7)
    r |= 16;
  for (int i = 1; i < 699; i++)
    if (D.a[i])
      r |= 16;
  for (int i = 0; i < 3000; i++)
    if (D.z[i])
      r |= 16;
  if (count(B, 200000, pat))
    r |= 2;
  uint8_t *h = __sfi_sys_sbrk(6 << 20);
  if (h == (void *)-1)
    return r | 32;
  if (count((volatile uint64_t *)h, (6 << 20) / 8, pat))
    r |= 4;
  __sfi_sys_sbrk(-(6 << 20));
  volatile uint64_t here[4];
  here[0] = 0;
  escape = here;
  uintptr_t lo = ((uintptr_t)here - (2 << 20)) & ~7UL;
  if (count((volatile uint64_t *)lo, ((uintptr_t)here - lo) / 8, pat))
    r |= 8;
  return r;
}
