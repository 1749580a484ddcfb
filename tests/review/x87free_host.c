/* x87free_host.c: x87free.so (no x87/MMX instruction) leaves the host's
 * x87 state alone: after a call and after a trap (recovered with fninit,
 * then the host's control word put back) the host finds its own control
 * word (double precision, 0x27f, set after the load) and an empty x87
 * stack; inside an import, an empty stack and the control word host
 * functions run under (the loading thread's, 0x37f), directly and after
 * runtime code ran for the module (a system-interface call).
 *   usage: x87free_host x87free.so   exit 1 on a difference */
#include <stdint.h>
#include <stdio.h>
#include "sfi.h"
#include "x87_host.h"

static uint16_t import_fcw, import_ftw;

static int host_fcw(void) {
  struct x87env e = x87_env();
  import_fcw = e.fcw;
  import_ftw = e.ftw;
  return e.fcw;
}

static int check(const char *when, uint16_t want) {
  struct x87env e = x87_env();
  if (e.fcw != want || (e.ftw & 0xffff) != 0xffff || (e.fsw & 0x3800)) {
    printf("BAD (%s): FCW 0x%x (want 0x%x) FSW 0x%x FTW 0x%x\n", when, e.fcw,
           want, e.fsw, e.ftw);
    return 1;
  }
  return 0;
}

int main(int argc, char **argv) {
  if (argc != 2)
    return 2;
  const sfi_import imps[] = {{"host_fcw", ":i", (void *)host_fcw},
                             {NULL, NULL, NULL}};
  sfi_module *m = sfi_module_load(argv[1], imps, NULL);
  sfi_instance *in = m ? sfi_instance_new(m, NULL) : NULL;
  if (!in) {
    printf("load: %s\n", sfi_errmsg());
    return 1;
  }
  uint16_t cw = 0x27f; /* the host's own, set after the load */
  __asm__ volatile("fldcw %0" ::"m"(cw));
  int bad = 0;
  sfi_val a = SFI_I32(5), r;
  if (sfi_call(in, "plain", "i:i", &a, &r) != SFI_OK || r.i32 != 16) {
    printf("plain: %s\n", sfi_errmsg());
    return 1;
  }
  bad |= check("after a call", 0x27f);
  sfi_val d = SFI_F64(2.0);
  if (sfi_call(in, "scale", "d:d", &d, &r) != SFI_OK || r.f64 != 3.0) {
    printf("scale: %s\n", sfi_errmsg());
    return 1;
  }
  bad |= check("after a double call", 0x27f);
  if (sfi_call(in, "via_host", ":i", NULL, &r) != SFI_OK) {
    printf("via_host: %s\n", sfi_errmsg());
    return 1;
  }
  if (import_fcw != 0x37f || import_ftw != 0xffff) {
    printf("BAD (inside the import): FCW 0x%x FTW 0x%x\n", import_fcw,
           import_ftw);
    bad = 1;
  }
  bad |= check("after an import", 0x27f);
  if (sfi_call(in, "via_sys_host", ":i", NULL, &r) != SFI_OK || r.i32 < 0) {
    printf("via_sys_host: %s\n", sfi_errmsg());
    return 1;
  }
  if (import_fcw != 0x37f || import_ftw != 0xffff) {
    printf("BAD (inside an import after runtime code): FCW 0x%x FTW 0x%x\n",
           import_fcw, import_ftw);
    bad = 1;
  }
  bad |= check("after runtime code and an import", 0x27f);
  int rc = sfi_call(in, "crash", "i:i", &a, &r);
  if (rc == SFI_OK) {
    printf("crash: no trap\n");
    return 1;
  }
  printf("trap: %s\n", sfi_errmsg());
  bad |= check("after a trap", 0x27f);
  sfi_instance_free(in);
  sfi_module_free(m);
  if (!bad)
    printf("x87free: host x87 state kept\n");
  return bad;
}
