#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <Zydis/Zydis.h>
#include "verify.h"
static uint64_t s = 0x1234567;
static uint32_t rnd(void) { s ^= s << 13; s ^= s >> 7; s ^= s << 17; return (uint32_t)s; }
/* prologue: sub $256,%rsp; mov %rdi -> rax rbx rcx rdx rsi rbp r8..r15 */
static const uint8_t pro[] = {0x48,0x81,0xec,0x00,0x01,0x00,0x00,
 0x48,0x89,0xf8, 0x48,0x89,0xfb, 0x48,0x89,0xf9, 0x48,0x89,0xfa, 0x48,0x89,0xfe, 0x48,0x89,0xfd,
 0x49,0x89,0xf8, 0x49,0x89,0xf9, 0x49,0x89,0xfa, 0x49,0x89,0xfb, 0x49,0x89,0xfc, 0x49,0x89,0xfd, 0x49,0x89,0xfe, 0x49,0x89,0xff};
static const uint8_t epi[] = {0x48,0x81,0xc4,0x00,0x01,0x00,0x00,0xc3};
int main(int argc, char **argv) {
  int n = atoi(argv[1]);
  s ^= (uint64_t)atoi(argv[2]) * 0x9e3779b97f4a7c15ULL;
  static const uint8_t pfx[] = {0x66, 0xf2, 0xf3, 0xf0, 0x40, 0x41, 0x48, 0x4c, 0x44, 0x49, 0x4a, 0x4b};
  ZydisDecoder dec;
  ZydisDecoderInit(&dec, ZYDIS_MACHINE_MODE_LONG_64, ZYDIS_STACK_WIDTH_64);
  uint8_t img[256];
  int found = 0;
  for (int it = 0; it < n && found < 3000; it++) {
    uint8_t b[16];
    int k = 0;
    int form = rnd() % 3; /* 0: gs32, 1: rsp frame, 2: rip */
    if (form == 0) { b[k++] = 0x65; b[k++] = 0x67; }
    int np = rnd() % 2;
    for (int i = 0; i < np; i++) b[k++] = pfx[rnd() % sizeof pfx];
    int r = rnd() % 8;
    if (r < 3) b[k++] = 0x0f;
    if (r == 3) { b[k++] = 0x0f; b[k++] = 0x38; }
    if (r == 4) { b[k++] = 0x0f; b[k++] = 0x3a; }
    int vex = r == 5 ? 0xc5 : r == 6 ? 0x62 : 0;
    if (vex == 0xc5) { b[k++] = 0xc5; b[k++] = (uint8_t)rnd(); }
    if (vex == 0x62) { b[k++] = 0x62; b[k++] = (uint8_t)(rnd() | 0x10) & ~0x0c; b[k++] = (uint8_t)rnd() | 4; b[k++] = (uint8_t)rnd(); }
    b[k++] = (uint8_t)rnd(); /* opcode */
    uint8_t reg = rnd() & 0x38;
    if (form == 1) { b[k++] = 0x44 | reg | ((rnd() & 1) << 7); b[k++] = 0x24; b[k++] = (uint8_t)(rnd() % 0x90); if (b[k-3] & 0x80) { b[k++] = 0; b[k++] = 0; b[k++] = 0; } }
    else if (form == 2) { b[k++] = 0x05 | reg; b[k++] = 0x00; b[k++] = 0x01; b[k++] = 0; b[k++] = 0; }
    else { b[k++] = (uint8_t)((rnd() & 0xc7) & ~0xc0) | reg | 0x40; b[k++] = (uint8_t)rnd(); }
    while (k < 16) b[k++] = (uint8_t)rnd();
    ZydisDecodedInstruction d;
    ZydisDecodedOperand ops[ZYDIS_MAX_OPERAND_COUNT];
    if (!ZYAN_SUCCESS(ZydisDecoderDecodeFull(&dec, b, 15, &d, ops))) continue;
    int mem = 0;
    for (int i = 0; i < d.operand_count; i++)
      if (ops[i].type == ZYDIS_OPERAND_TYPE_MEMORY && ops[i].visibility == ZYDIS_OPERAND_VISIBILITY_EXPLICIT && d.mnemonic != ZYDIS_MNEMONIC_LEA && d.mnemonic != ZYDIS_MNEMONIC_NOP) mem = 1;
    if (!mem) continue;
    memset(img, 0xcc, sizeof img);
    size_t at = 0;
    memcpy(img, pro, sizeof pro); at = sizeof pro;
    memcpy(img + at, b, d.length); at += d.length;
    memcpy(img + at, epi, sizeof epi); at += sizeof epi;
    struct sfi_verify_range cr = {0, 128};
    uint64_t f = 0;
    struct sfi_verify_input in = {.image = img, .image_size = 256, .code = &cr, .ncode = 1, .func_starts = &f, .nfuncs = 1};
    struct sfi_verify_error e;
    if (sfi_verify(&in, &e) == 0) {
      for (int i = 0; i < d.length; i++) printf("%02x", b[i]);
      printf("\n");
      found++;
    }
  }
  return 0;
}
