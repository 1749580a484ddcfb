/* monitor.h: the containment monitor of tests/escape/escape.c (attack
 * classes) and tests/stress/stress.c (random programs). Both run hostile
 * code in instance A next to a bystander instance B and, after every call,
 * check with these functions: every canary page (just below and just above
 * A's region, in B, in the host heap, an anonymous page, and what a harness
 * adds) is unchanged, B still answers add(20, 22) == 42, and an
 * out-of-bounds fault lies in A's region or the guard above it. */
#ifndef SFI_TESTS_MONITOR_H
#define SFI_TESTS_MONITOR_H
#include <stdint.h>

#include "sfi.h"

#define MONITOR_PAGE 4096ULL
#define MONITOR_CANARIES 8

struct monitor_canary {
  const char *name;
  uint64_t addr; /* host address, or B's sandbox address when in_b */
  int in_b;
  uint8_t want[MONITOR_PAGE];
};

struct monitor {
  const char *prefix; /* printed before each failure */
  int failures;
  sfi_instance *a, *b;
  uint64_t a_base;
  /* the contents of canary number id (called once per canary, in order) */
  void (*fill)(uint8_t *want, int id);
  int ncanaries;
  struct monitor_canary canaries[MONITOR_CANARIES];
};

/* Counts a failure and prints prefix, the message and a newline. */
void monitor_fail(struct monitor *m, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* Sets m up for A and B (prefix and fill set by the caller) and plants the
 * canaries below-region, above-region, instance-B, host-heap, host-mmap
 * (numbers 0-4). -1 with a failure counted if one cannot be placed. */
int monitor_init(struct monitor *m, sfi_instance *a, sfi_instance *b);
/* One more canary page at addr (a host address, or B's when in_b). */
int monitor_add_canary(struct monitor *m, const char *name, uint64_t addr,
                       int in_b);

/* Every canary compared (a change is a failure "ESCAPE: canary ...", the
 * page is then restored). */
void monitor_check_canaries(struct monitor *m, const char *what);
/* B answers add(20, 22) == 42. */
void monitor_check_bystander(struct monitor *m, const char *what);
/* Both. */
void monitor_check_world(struct monitor *m, const char *what);
/* An SFI_TRAP_OOB's message msg: 1 if its fault address is in A's region
 * or the guard above it; -1 for a general-protection fault, which carries
 * no address (the kernel reports 0; nothing was accessed); else 0 with a
 * failure counted. */
int monitor_check_fault(struct monitor *m, const char *what, const char *msg);

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
