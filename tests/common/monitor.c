/* monitor.c: see monitor.h. */
#define _GNU_SOURCE
#include "monitor.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

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
