/* state_enum.c (review of call4): every legacy/0f/0f38/0f3a opcode x prefixes
 * (none/66/f2/f3, REX) x all 256 modrm values (+ %gs:(%eax) memory forms),
 * VEX (map, W, L, pp, vvvv, R) and XOP, each as a one-instruction function
 * through sfi_verify with and without the fast path/cache: prints the
 * accepted (mnemonic, isa_ext, category) kinds with their SFI_USES_* and any
 * fast/slow divergence. Build: cc -O2 -Iruntime/verify -Iinclude
 * -Iruntime/include state_enum.c runtime/verify/verify.c -lZydis */
#include <Zydis/Zydis.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "verify.h"

static ZydisDecoder dec;
static int verify_one(const uint8_t *ins, int len, int flags, unsigned *uses, char *why) {
  uint8_t img[64];
  memset(img, 0xcc, sizeof img);
  memcpy(img, ins, len);
  img[len] = 0xc3;
  struct sfi_verify_range code = {0, 64};
  uint64_t fs[1] = {0};
  struct sfi_verify_input in = {.image = img, .image_size = 64, .code = &code, .ncode = 1,
    .func_starts = fs, .nfuncs = 1, .stores_only = 1, .flags = flags, .uses = uses};
  struct sfi_verify_error err;
  int rc = sfi_verify(&in, &err);
  if (rc && why) sfi_verify_format(&err, why, 200);
  return rc;
}

#define MAXK 20000
static struct { char name[64]; unsigned uses; int ext; char ex[64]; } seen[MAXK];
static int nseen;
static long total_ok;

static void try(const uint8_t *b, int n) {
  ZydisDecodedInstruction d;
  ZydisDecodedOperand op[ZYDIS_MAX_OPERAND_COUNT];
  if (!ZYAN_SUCCESS(ZydisDecoderDecodeFull(&dec, b, n, &d, op))) return;
  unsigned u1 = 99, u2 = 99;
  int r1 = verify_one(b, d.length, 0, &u1, NULL);
  int r2 = verify_one(b, d.length, SFI_VERIFY_NO_FAST | SFI_VERIFY_NO_CACHE, &u2, NULL);
  if (r1 != r2 || (!r1 && u1 != u2)) {
    printf("DIVERGE");
    for (int i = 0; i < d.length; i++) printf(" %02x", b[i]);
    printf(" r %d/%d uses %u/%u\n", r1, r2, u1, u2);
  }
  if (r1) return;
  total_ok++;
  char key[64];
  snprintf(key, sizeof key, "%s/%s/%s", ZydisMnemonicGetString(d.mnemonic),
           ZydisISAExtGetString(d.meta.isa_ext), ZydisCategoryGetString(d.meta.category));
  for (int i = 0; i < nseen; i++)
    if (!strcmp(seen[i].name, key) && seen[i].uses == u1) return;
  if (nseen == MAXK) return;
  strcpy(seen[nseen].name, key);
  seen[nseen].uses = u1;
  char *e = seen[nseen].ex;
  for (int i = 0; i < d.length && i < 15; i++) e += sprintf(e, "%02x", b[i]);
  nseen++;
}

int main(void) {
  ZydisDecoderInit(&dec, ZYDIS_MACHINE_MODE_LONG_64, ZYDIS_STACK_WIDTH_64);
  uint8_t b[32];
  static const uint8_t pfx[][3] = {{0}, {1, 0x66}, {1, 0xf2}, {1, 0xf3}, {2, 0x66, 0xf3}, {2, 0x66, 0xf2}};
  static const uint8_t rexs[] = {0, 0x48, 0x41, 0x44, 0x4c};
  for (int gsm = 0; gsm < 2; gsm++)
  for (unsigned pi = 0; pi < sizeof pfx / sizeof pfx[0]; pi++)
  for (unsigned ri = 0; ri < sizeof rexs; ri++)
  for (int map = 0; map < 4; map++)
  for (int o = 0; o < 256; o++)
  for (int m = 0; m < 72; m++) {
    int n = 0;
    if (gsm) { b[n++] = 0x65; b[n++] = 0x67; }
    for (int k = 0; k < pfx[pi][0]; k++) b[n++] = pfx[pi][1 + k];
    if (rexs[ri]) b[n++] = rexs[ri];
    if (map == 0 && (o == 0x0f || o == 0x62 || o == 0xc4 || o == 0xc5 || o == 0x8f)) continue;
    if (map) b[n++] = 0x0f;
    if (map == 2) b[n++] = 0x38;
    if (map == 3) b[n++] = 0x3a;
    b[n++] = o;
    /* m < 8: mod 3 reg=m rm=m^3 ; m >= 8: mod 0 reg=m-8 rm=0 ([eax]/[rax]) */
    b[n++] = m < 64 ? (0xc0 | m) : ((m - 64) << 3);
    for (int k = 0; k < 12; k++) b[n + k] = 0;
    try(b, n + 12);
    if (map == 1 && o == 0x0f) /* 3DNow suffixes */
      for (int s = 1; s < 256; s++) { b[n] = s; try(b, n + 12); }
  }
  /* VEX */
  for (int gsm = 0; gsm < 2; gsm++)
  for (int map = 1; map < 4; map++)
  for (int W = 0; W < 2; W++)
  for (int L = 0; L < 2; L++)
  for (int pp = 0; pp < 4; pp++)
  for (int vv = 0; vv < 3; vv++)
  for (int R = 0; R < 2; R++)
  for (int o = 0; o < 256; o++)
  for (int m = 0; m < 72; m++) {
    int n = 0;
    if (gsm) { b[n++] = 0x65; b[n++] = 0x67; }
    int vvvv = vv == 0 ? 15 : vv == 1 ? 0 : 8;  /* encoded inverted: 15 = unused */
    b[n++] = 0xc4;
    b[n++] = (R ? 0 : 0x80) | 0x60 | map;
    b[n++] = W << 7 | vvvv << 3 | L << 2 | pp;
    b[n++] = o;
    b[n++] = m < 64 ? (0xc0 | m) : ((m - 64) << 3);
    for (int k = 0; k < 12; k++) b[n + k] = 0;
    try(b, n + 12);
  }
  /* XOP 8f */
  for (int map = 8; map < 11; map++)
  for (int W = 0; W < 2; W++)
  for (int L = 0; L < 2; L++)
  for (int o = 0; o < 256; o++)
  for (int m = 0; m < 72; m++) {
    int n = 0;
    b[n++] = 0x8f; b[n++] = 0xe0 | map; b[n++] = W << 7 | 0x78 | L << 2;
    b[n++] = o; b[n++] = m < 64 ? (0xc0 | m) : ((m - 64) << 3);
    for (int k = 0; k < 12; k++) b[n + k] = 0;
    try(b, n + 12);
  }
  fprintf(stderr, "accepted %ld, kinds %d\n", total_ok, nseen);
  for (int i = 0; i < nseen; i++)
    printf("%u %s %s\n", seen[i].uses, seen[i].name, seen[i].ex);
  return 0;
}
