/* atomics.c: atomic read-modify-write, exchange, compare-exchange and
 * atomic stores on host addresses; atomics are masked like plain accesses. */
#include "common.h"
PING
long attack(u64 t, long k) {
  long *p = (long *)t, e = 0;
  switch (k) {
  case 0: return __atomic_fetch_add(p, 1, __ATOMIC_SEQ_CST);
  case 1: return __atomic_exchange_n(p, 0x4141, __ATOMIC_SEQ_CST);
  case 2: __atomic_compare_exchange_n(p, &e, 0x4141, 0, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST); return e;
  case 3: __atomic_store_n(p, 0x4141, __ATOMIC_RELEASE); return 0;
  case 4: return __sync_fetch_and_or((int *)p, 0x41);
  default: return __atomic_load_n(p, __ATOMIC_ACQUIRE);
  }
}
