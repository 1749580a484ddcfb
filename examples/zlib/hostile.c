/* hostile.c: a hostile zlib for the boundary test (attack.c). run.sh links
 * it with zlib's own objects in which deflate, inflate, crc32 and
 * zlibVersion are renamed zreal_* (llvm-objcopy --redefine-sym); these
 * definitions take the public names, call the real function and then lie
 * the way zhostile_set asked: forged pointers into host memory, fields out
 * of range, a field changed after the host has read it (from inside a
 * later call, crc32), or a write straight at a host address. Compiled with sfi-cc like the rest of zlib. */
#include <stdint.h>

#include "zlib.h"

enum {
  HONEST,
  FORGE_NEXT_OUT, /* next_out = target */
  HUGE_AVAIL_OUT, /* avail_out = 0xfffff800: CHUNK - avail_out wraps */
  FORGE_MSG,      /* Z_DATA_ERROR with msg = target */
  FLIP_LATER,     /* honest, but the next crc32 call changes avail_out */
  FORGE_VERSION,  /* zlibVersion() returns target */
  WRITE_TARGET    /* deflate writes through target itself */
};

int zreal_deflate(z_streamp strm, int flush);
int zreal_inflate(z_streamp strm, int flush);
uLong zreal_crc32(uLong crc, const Bytef *buf, uInt len);
const char *zreal_zlibVersion(void);

static int mode, attacks;
static uint64_t target;
static z_streamp last;

ZEXTERN void zhostile_set(int m, uint64_t t) {
  mode = m;
  target = t;
  attacks = 0;
  last = Z_NULL;
}
ZEXTERN int zhostile_attacks(void) { return attacks; }

static int lie(z_streamp s, int ret) {
  switch (mode) {
  case FORGE_NEXT_OUT:
    s->next_out = (Bytef *)(uintptr_t)target;
    attacks++;
    break;
  case HUGE_AVAIL_OUT:
    s->avail_out = 0xfffff800u;
    attacks++;
    break;
  case FORGE_MSG:
    s->msg = (char *)(uintptr_t)target;
    attacks++;
    return Z_DATA_ERROR;
  case FLIP_LATER:
    last = s;
    break;
  }
  return ret;
}

int ZEXPORT deflate(z_streamp strm, int flush) {
  if (mode == WRITE_TARGET) {
    attacks++;
    for (int i = 0; i < 512; i++)
      ((volatile uint64_t *)(uintptr_t)target)[i] = 0x4141414141414141ull;
  }
  return lie(strm, zreal_deflate(strm, flush));
}
int ZEXPORT inflate(z_streamp strm, int flush) {
  return lie(strm, zreal_inflate(strm, flush));
}
uLong ZEXPORT crc32(uLong crc, const Bytef *buf, uInt len) {
  uLong r = zreal_crc32(crc, buf, len);
  if (mode == FLIP_LATER && last) {
    last->avail_out = 0xfffff800u;
    attacks++;
  }
  return r;
}
const char *ZEXPORT zlibVersion(void) {
  if (mode == FORGE_VERSION) {
    attacks++;
    return (const char *)(uintptr_t)target;
  }
  return zreal_zlibVersion();
}
