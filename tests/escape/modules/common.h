/* common.h: what every attack module shares: fixed-width types and the
 * imports the harness grants (pointers cross as integers on purpose). */
#ifndef ESCAPE_COMMON_H
#define ESCAPE_COMMON_H
#include <stddef.h>
#include <stdint.h>
typedef uint64_t u64;
long host_sum(u64 p, long n);
long host_str(u64 p);
long host_copy(u64 dst, u64 src, long n);
long host_fill(u64 dst, long n, int byte);
long host_reenter(int how);
long host_twice(long x);
long host_ld(long x);
/* Every module answers ping so the harness can check it after a reset. */
long ping(long x);
#define PING long ping(long x) { return x + 1; }
/* A hand-made libsfi marker note, as the pass puts in every object it
 * produced (include/sfi_abi.h, SFI_NOTE_*): FORGED_MARKER(sym) defines one
 * named sym, for the attacks that forge the marker. */
struct forged_note {
  unsigned namesz, descsz, type;
  char name[8];
  unsigned desc[4];
};
#define FORGED_MARKER(sym)                                                     \
  __attribute__((section(".note.sfi"), used, aligned(4)))                      \
  const struct forged_note sym = {8, 16, 0x53464931u, "libsfi", {1, 1, 1, 1}}
#endif
