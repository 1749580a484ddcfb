/* jmpbuf_forged.c: longjmp through jmp_bufs filled with host addresses, a
 * guessed handle, and a real handle with a bumped generation: the runtime
 * keeps the context, so every forgery must trap (SFI_TRAP_ABORT). k = 9 is
 * the legitimate use, which must keep working. */
#include <setjmp.h>
#include <string.h>
#include "common.h"
PING
static jmp_buf jb;
long attack(u64 v, long k) {
  switch (k) {
  case 0: for (size_t i = 0; i < sizeof jb / 8; i++) ((u64 *)jb)[i] = v; break;
  case 1: memset(jb, 0, sizeof jb); break;
  case 2: ((u64 *)jb)[0] = 1ULL << 32; break;
  case 3:
    if (setjmp(jb))
      return 1;
    ((u64 *)jb)[0] += 1ULL << 32;
    break;
  case 4:
    if (setjmp(jb))
      return 1;
    ((u64 *)jb)[0] += 1;
    break;
  default:
    if (setjmp(jb))
      return 99;
    break;
  }
  longjmp(jb, 1);
}
