/* xonly_host.c: an honest host that loads a module and asks for a callback
 * pointer (sfi_callback_new). With a module whose code segment has PF_X but
 * not PF_R (xonly_patch.py), the loader maps it PROT_EXEC only, which on
 * this PKU machine is execute-only memory: callback.c entry_ok() reads the
 * table entry's bytes and the host dies of SIGSEGV (so do sfi_copy_out,
 * sfi_ptr users and sys functions on any code address).
 *   usage: xonly_host MODULE.so    exit 0 when the host survives */
#include <stdio.h>
#include <stdint.h>
#include "sfi.h"
static void cb(void) {}
int main(int c, char **v) {
  sfi_module *m = sfi_module_load(v[1], NULL, NULL);
  if (!m) { printf("%s\n", sfi_errmsg()); return 0; }
  sfi_instance *in = sfi_instance_new(m, NULL);
  if (!in) { printf("%s\n", sfi_errmsg()); return 0; }
  printf("instance ok\n"); fflush(stdout);
  uint64_t f = sfi_callback_new(in, ":v", (void *)cb);
  printf("callback 0x%llx %s\n", (unsigned long long)f, f ? "" : sfi_errmsg());
  printf("host survived\n");
  return 0;
}
