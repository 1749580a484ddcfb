/* monitor.h: what the containment monitors (tests/escape/escape.c and
 * tests/stress/stress.c) share: finding host pages right next to a
 * sandbox region for canaries that a module must never change, and
 * reading the fault address out of a trap message. */
#ifndef SFI_TESTS_MONITOR_H
#define SFI_TESTS_MONITOR_H
#include <stdint.h>

#define MONITOR_PAGE 4096ULL

/* The mapping of /proc/self/maps that contains a, as [lo, hi); 0 when a
 * is in none. */
int monitor_mapping_of(uint64_t a, uint64_t *lo, uint64_t *hi);

/* A fresh read-write page at want, or else the nearest free page below
 * (dir < 0) or above (dir > 0) it; NULL after 256 tries. */
void *monitor_page_near(uint64_t want, int dir);

/* The fault address in a trap message of the runtime ("... (...) at 0x..."
 * or "... at 0x..."), the only place it reports one; 0 if none. */
uint64_t monitor_fault_addr(const char *msg);
#endif
