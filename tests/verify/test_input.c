/* test_input.c: sfi_verify refuses malformed inputs (rule "input" or
 * "jump-table") instead of reading out of bounds, and accepts a minimal
 * well-formed one. Runs under the sanitizers when built with SFI_SANITIZE. */
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "verify.h"

static int failures;

static void expect(const char *what, const struct sfi_verify_input *in,
                   const char *rule) {
  struct sfi_verify_error err;
  int rc = sfi_verify(in, &err);
  int ok = rule ? rc != 0 && strcmp(err.rule, rule) == 0 : rc == 0;
  char line[512] = "accepted";
  if (rc)
    sfi_verify_format(&err, line, sizeof line);
  printf("%s %s: %s\n", ok ? "ok  " : "FAIL", what, line);
  failures += !ok;
}

int main(void) {
  static uint8_t image[4096];
  memset(image, 0xcc, sizeof image);
  image[0x100] = 0xc3; /* f: ret */
  struct sfi_verify_range code = {0x100, 0x200}, bad = {0x300, 0x2000};
  uint64_t funcs[] = {0x100, 0x180}, unsorted[] = {0x180, 0x100};
  uint64_t slots[] = {0x800}, far_slot[] = {4090};
  struct sfi_verify_input ok = {.image = image, .image_size = sizeof image,
                                .code = &code, .ncode = 1,
                                .func_starts = funcs, .nfuncs = 2,
                                .import_slots = slots, .nimport_slots = 1};
  expect("well formed", &ok, NULL);
  struct sfi_verify_input in = ok;
  in.code = &bad;
  expect("code range past the image", &in, "input");
  in = ok;
  in.image_size = 1ULL << 40;
  expect("huge image", &in, "input");
  in = ok;
  in.image = NULL;
  expect("NULL image", &in, "input");
  in = ok;
  in.func_starts = unsorted;
  expect("unsorted function starts", &in, "input");
  in = ok;
  funcs[1] = 0x280;
  expect("function start outside the code", &in, "input");
  funcs[1] = 0x180;
  in.import_slots = far_slot;
  expect("import slot past the image", &in, "input");
  in = ok;
  in.jt_start = 0x1c0;
  in.jt_size = 0x80;
  expect("table past its code range", &in, "jump-table");
  in.jt_size = 0x30;
  in.jt_start = 0x1c0;
  expect("table size not a power of two", &in, "jump-table");
  in.jt_size = 0x20;
  in.jt_start = 0x1c8;
  expect("table not 16-aligned", &in, "jump-table");
  in.jt_start = 0x1e0;
  expect("int3 table at the range end", &in, NULL);
  struct sfi_verify_range two[] = {{0x100, 0x200}, {0x180, 0x300}};
  in = ok;
  in.code = two;
  in.ncode = 2;
  expect("overlapping code ranges", &in, "input");

  /* Code at the very end of the image, right before an unmapped page: no
   * decoder (the fast path reads ahead before it checks the length) may
   * read past the image. Instructions of 14 prefixes and a long body, and
   * truncated ones, end exactly at the image end. */
  long pg = sysconf(_SC_PAGESIZE);
  uint8_t *edge = mmap(NULL, 2 * (size_t)pg, PROT_READ | PROT_WRITE,
                       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (edge == MAP_FAILED || mprotect(edge + pg, (size_t)pg, PROT_NONE)) {
    printf("FAIL mmap\n");
    return 1;
  }
  static const uint8_t tails[][16] = {
      /* 14 x 66, then 0f 1f: a nop too long, its modrm past the end */
      {0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66,
       0x66, 0x66, 0x66, 0x0f, 0x1f},
      /* 13 x 65, REX.W, mov imm64 (b8): its immediate past the end */
      {0x65, 0x65, 0x65, 0x65, 0x65, 0x65, 0x65, 0x65, 0x65, 0x65, 0x65,
       0x65, 0x65, 0x65, 0x48, 0xb8},
      /* prefixes, then a VEX c4 whose payload is past the end */
      {0x90, 0x90, 0x90, 0x90, 0x90, 0x90, 0x90, 0x90, 0x90, 0x90, 0x90,
       0x90, 0x90, 0x65, 0x67, 0xc4},
      /* a modrm with SIB and disp32 cut off */
      {0x90, 0x90, 0x90, 0x90, 0x90, 0x90, 0x90, 0x90, 0x90, 0x90, 0x90,
       0x65, 0x67, 0x8b, 0x84, 0x24},
  };
  for (size_t k = 0; k < sizeof tails / sizeof *tails; k++) {
    memset(edge, 0xcc, (size_t)pg);
    memcpy(edge + pg - 16, tails[k], 16);
    struct sfi_verify_range end = {(uint64_t)pg - 16, (uint64_t)pg};
    uint64_t fs[] = {(uint64_t)pg - 16};
    struct sfi_verify_input e = {.image = edge, .image_size = (uint64_t)pg,
                                 .code = &end, .ncode = 1,
                                 .func_starts = fs, .nfuncs = 1};
    char what[64];
    snprintf(what, sizeof what, "code ending at the image end (%zu)", k);
    expect(what, &e, "decode");
  }
  munmap(edge, 2 * (size_t)pg);
  return failures ? 1 : 0;
}
