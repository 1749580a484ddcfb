/* lines.c: the module of test_lines (source lines in trap messages). The
 * host finds the expected line numbers from the LINE: markers below, so
 * edits above them do not break the test. */
#include <stdint.h>

__attribute__((noinline)) int leaf(volatile int *p) {
  return *p + 1; /* LINE:leaf */
}

__attribute__((noinline)) int mid(volatile int *p) {
  int r = leaf(p); /* LINE:mid */
  return r * 2 + (int)(intptr_t)p;
}

int top(volatile int *p) {
  int r = mid(p); /* LINE:top */
  return r + 3;
}

int ok(int x) { return x + 1; }
