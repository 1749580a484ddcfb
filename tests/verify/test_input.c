/* test_input.c: sfi_verify refuses malformed inputs (rule "input" or
 * "jump-table") instead of reading out of bounds, and accepts a minimal
 * well-formed one. Runs under the sanitizers when built with SFI_SANITIZE. */
#include <stdio.h>
#include <string.h>

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
  return failures ? 1 : 0;
}
