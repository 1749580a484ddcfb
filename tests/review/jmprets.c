/* jmprets.c (sfi-cc -shared): attack() recurses 4000 frames deep and then
 * calls setjmp on 256 different jmp_bufs. For each live context the
 * runtime (sys/setjmp.c record_rets) mallocs a 64 KiB host array and
 * records every return address above the frame: 256 x 4000 x 16 bytes =
 * 16 MB of host memory, kept until the instance is freed, whatever the
 * instance's mem_limit (L1: the limit counts what the instance can make
 * resident). See jmprets_host.c. */
#include <setjmp.h>

static jmp_buf bufs[256];

__attribute__((noinline)) static int deep(int n) {
  if (n)
    return deep(n - 1) + 1;
  int s = 0;
  for (int i = 0; i < 256; i++)
    s += setjmp(bufs[i]);
  return s;
}

int attack(void) { return deep(4000); }
