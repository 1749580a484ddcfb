/* monitor.c: see monitor.h. */
#define _GNU_SOURCE
#include "monitor.h"

#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "sfi_abi.h"

void monitor_fail(struct monitor *m, const char *fmt, ...) {
  va_list ap;
  m->failures++;
  fputs(m->prefix, stderr);
  va_start(ap, fmt);
  vfprintf(stderr, fmt, ap);
  va_end(ap);
  fputc('\n', stderr);
}

int monitor_add_canary(struct monitor *m, const char *name, uint64_t addr,
                       int in_b) {
  if (!addr || m->ncanaries == MONITOR_CANARIES) {
    monitor_fail(m, "cannot place the canary %s", name);
    return -1;
  }
  struct monitor_canary *c = &m->canaries[m->ncanaries];
  c->name = name;
  c->addr = addr;
  c->in_b = in_b;
  m->fill(c->want, m->ncanaries);
  if (in_b) {
    if (sfi_copy_in(m->b, addr, c->want, MONITOR_PAGE) != SFI_OK) {
      monitor_fail(m, "sfi_copy_in to B: %s", sfi_errmsg());
      return -1;
    }
  } else {
    memcpy((void *)addr, c->want, MONITOR_PAGE);
  }
  m->ncanaries++;
  return 0;
}

int monitor_init(struct monitor *m, sfi_instance *a, sfi_instance *b) {
  m->a = a;
  m->b = b;
  m->a_base = sfi_region_base(a);
  m->ncanaries = 0;
  void *below = monitor_page_near(m->a_base - MONITOR_PAGE, -1);
  void *above = monitor_page_near(m->a_base + SFI_REGION_SIZE, 1);
  void *heap = aligned_alloc(MONITOR_PAGE, MONITOR_PAGE);
  void *anon = mmap(NULL, MONITOR_PAGE, PROT_READ | PROT_WRITE,
                    MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (anon == MAP_FAILED)
    anon = NULL;
  if (monitor_add_canary(m, "below-region", (uint64_t)below, 0) ||
      monitor_add_canary(m, "above-region", (uint64_t)above, 0) ||
      monitor_add_canary(m, "instance-B", sfi_malloc(b, MONITOR_PAGE), 1) ||
      monitor_add_canary(m, "host-heap", (uint64_t)heap, 0) ||
      monitor_add_canary(m, "host-mmap", (uint64_t)anon, 0))
    return -1;
  return 0;
}

void monitor_check_canaries(struct monitor *m, const char *what) {
  for (int i = 0; i < m->ncanaries; i++) {
    struct monitor_canary *c = &m->canaries[i];
    uint8_t got[MONITOR_PAGE];
    if (c->in_b) {
      if (sfi_copy_out(m->b, got, c->addr, MONITOR_PAGE) != SFI_OK) {
        monitor_fail(m, "%s: cannot read the canary in B: %s", what,
                     sfi_errmsg());
        continue;
      }
    } else {
      memcpy(got, (const void *)c->addr, MONITOR_PAGE);
    }
    if (memcmp(got, c->want, MONITOR_PAGE) != 0) {
      size_t k = 0;
      while (got[k] == c->want[k])
        k++;
      monitor_fail(m, "%s: ESCAPE: canary %s at 0x%" PRIx64 " changed at "
                   "+%zu (0x%02x -> 0x%02x)", what, c->name, c->addr, k,
                   c->want[k], got[k]);
      if (c->in_b)
        sfi_copy_in(m->b, c->addr, c->want, MONITOR_PAGE);
      else
        memcpy((void *)c->addr, c->want, MONITOR_PAGE);
    }
  }
}

void monitor_check_bystander(struct monitor *m, const char *what) {
  sfi_val a[2] = {SFI_I32(20), SFI_I32(22)}, r = {0};
  int rc = sfi_call(m->b, "add", "ii:i", a, &r);
  if (rc != SFI_OK || r.i32 != 42)
    monitor_fail(m, "%s: bystander B broken: rc %d (%s), add = %d", what, rc,
                 sfi_errmsg(), r.i32);
}

void monitor_check_world(struct monitor *m, const char *what) {
  monitor_check_canaries(m, what);
  monitor_check_bystander(m, what);
}

int monitor_check_fault(struct monitor *m, const char *what,
                        const char *msg) {
  uint64_t fa = monitor_fault_addr(msg);
  if (fa == 0 && strstr(msg, "(SIGSEGV) at 0x0 "))
    return -1;
  if (fa >= m->a_base && fa < m->a_base + SFI_REGION_SIZE + SFI_GUARD_SIZE)
    return 1;
  monitor_fail(m, "%s: ESCAPE: fault address 0x%" PRIx64 " is outside the "
               "region [0x%" PRIx64 ", +4 GiB + guard): the access left it: "
               "%s", what, fa, m->a_base, msg);
  return 0;
}

int monitor_mapping_of(uint64_t a, uint64_t *lo, uint64_t *hi) {
  FILE *f = fopen("/proc/self/maps", "r");
  char line[512];
  int found = 0;
  while (f && fgets(line, sizeof line, f)) {
    unsigned long l, h;
    if (sscanf(line, "%lx-%lx", &l, &h) == 2 && a >= l && a < h) {
      *lo = l;
      *hi = h;
      found = 1;
      break;
    }
  }
  if (f)
    fclose(f);
  return found;
}

void *monitor_page_near(uint64_t want, int dir) {
  for (int i = 0; i < 256; i++) {
    void *p = mmap((void *)want, MONITOR_PAGE, PROT_READ | PROT_WRITE,
                   MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0);
    if (p != MAP_FAILED && (uint64_t)p == want)
      return p;
    if (p != MAP_FAILED)
      munmap(p, MONITOR_PAGE);
    uint64_t lo, hi;
    if (!monitor_mapping_of(want, &lo, &hi))
      want += dir < 0 ? -MONITOR_PAGE : MONITOR_PAGE;
    else
      want = dir < 0 ? lo - MONITOR_PAGE : hi;
  }
  return NULL;
}

uint64_t monitor_fault_addr(const char *msg) {
  const char *p = strstr(msg, ") at 0x");
  if (!p)
    p = strstr(msg, " at 0x");
  else
    p += 1;
  return p ? strtoull(p + 4, NULL, 16) : 0;
}
