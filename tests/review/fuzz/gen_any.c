#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <Zydis/Zydis.h>
#include "verify.h"
static uint64_t s = 0x1234567;
static uint32_t rnd(void) { s ^= s << 13; s ^= s >> 7; s ^= s << 17; return (uint32_t)s; }
int main(int argc, char **argv) {
  int n = atoi(argv[1]);
  s ^= (uint64_t)atoi(argv[2]) * 0x9e3779b97f4a7c15ULL;
  static const uint8_t pfx[] = {0x66, 0x67, 0xf2, 0xf3, 0xf0, 0x2e, 0x3e, 0x26, 0x36, 0x65, 0x64, 0x40, 0x41, 0x48, 0x4c, 0x44, 0x49};
  ZydisDecoder dec;
  ZydisDecoderInit(&dec, ZYDIS_MACHINE_MODE_LONG_64, ZYDIS_STACK_WIDTH_64);
  uint8_t img[64];
  for (int it = 0; it < n; it++) {
    uint8_t b[16];
    int k = 0, np = rnd() % 4;
    for (int i = 0; i < np; i++) b[k++] = pfx[rnd() % sizeof pfx];
    int r = rnd() % 10;
    if (r < 3) b[k++] = 0x0f;
    if (r == 3) { b[k++] = 0x0f; b[k++] = 0x38; }
    if (r == 4) { b[k++] = 0x0f; b[k++] = 0x3a; }
    if (r == 5) { b[k++] = 0xc4 + (rnd() & 1); }
    if (r == 6) { b[k++] = 0x62; }
    while (k < 16) b[k++] = (uint8_t)rnd();
    ZydisDecodedInstruction d;
    ZydisDecodedOperand ops[ZYDIS_MAX_OPERAND_COUNT];
    if (!ZYAN_SUCCESS(ZydisDecoderDecodeFull(&dec, b, 15, &d, ops))) continue;
    memset(img, 0xcc, sizeof img);
    memcpy(img, b, d.length);
    img[d.length] = 0xc3;
    struct sfi_verify_range cr = {0, 32};
    uint64_t f = 0;
    struct sfi_verify_input in = {.image = img, .image_size = 64, .code = &cr, .ncode = 1, .func_starts = &f, .nfuncs = 1};
    struct sfi_verify_error e;
    if (sfi_verify(&in, &e) == 0) {
      for (int i = 0; i < d.length; i++) printf("0x%02x ", b[i]);
      printf("# %d\n", d.length);
    }
  }
  return 0;
}
