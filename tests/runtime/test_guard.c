/* test_guard.c: the sandbox native stack keeps a PROT_NONE guard of at least
 * SFI_NATIVE_FRAME_MAX + 4096 bytes below it (the code shape bounds native
 * frames and has no stack probes, so a frame set-up can never step over the
 * guard), seen from inside an import through /proc/self/maps.
 *   usage: test_guard tmod.so */
#include <stdint.h>

#include "sfi_abi.h"
#include "t.h"

static uint64_t guard_lo, guard_hi, stack_lo, seen_rsp;

/* Finds the mapping holding rsp and the one right below it. */
static void look(uint64_t rsp) {
  FILE *f = fopen("/proc/self/maps", "r");
  char line[512];
  unsigned long lo, hi;
  char perm[8];
  stack_lo = 0;
  while (f && fgets(line, sizeof line, f))
    if (sscanf(line, "%lx-%lx %7s", &lo, &hi, perm) == 3 && rsp >= lo &&
        rsp < hi && perm[0] == 'r' && perm[1] == 'w')
      stack_lo = lo;
  if (f)
    rewind(f);
  while (f && stack_lo && fgets(line, sizeof line, f))
    if (sscanf(line, "%lx-%lx %7s", &lo, &hi, perm) == 3 && hi == stack_lo &&
        strcmp(perm, "---p") == 0) {
      guard_lo = lo;
      guard_hi = hi;
    }
  if (f)
    fclose(f);
}

static long host_twice(long x) {
  seen_rsp = (uint64_t)__builtin_frame_address(0);
  look(seen_rsp);
  return 2 * x;
}
static long host_any(long x) { return x; }
T_TMOD_IMPORTS(imports, host_twice, host_any, host_any, host_any);

int main(int argc, char **argv) {
  if (argc < 2)
    return 2;
  sfi_module *m = sfi_module_load(argv[1], imports, NULL);
  sfi_instance *in = m ? sfi_instance_new(m, NULL) : NULL;
  CHECK(in != NULL);
  if (!in)
    return t_done("test_guard");
  sfi_val a = SFI_I64(20), r;
  CHECK_EQ(sfi_call(in, "call_host", "I:I", &a, &r), SFI_OK);
  CHECK_EQ(r.i64, 41);
  CHECK(stack_lo != 0);
  CHECK_EQ(guard_hi, stack_lo);
  if (guard_hi - guard_lo < SFI_NATIVE_FRAME_MAX + 4096)
    fprintf(stderr, "guard [0x%lx, 0x%lx) below the stack at 0x%lx\n",
            (unsigned long)guard_lo, (unsigned long)guard_hi,
            (unsigned long)stack_lo);
  CHECK(guard_hi - guard_lo >= SFI_NATIVE_FRAME_MAX + 4096);
  /* the import ran on that stack with the reserved headroom */
  CHECK(seen_rsp - stack_lo >= (120ULL << 10));
  sfi_instance_free(in);
  sfi_module_free(m);
  return t_done("test_guard");
}
