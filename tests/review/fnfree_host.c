/* fnfree_host.c: a host that drops a binding from inside that binding's own
 * call (an import that unregisters the handler it was called through, then
 * allocates something of its own). call_fast (cd97cf4) reads the result type
 * from the sfi_fn (ps->res, &f->sig) only after the sandbox returned; call_core
 * copies it before entering (char res = ps->res). The freed sfi_fn is read
 * after the call: under valgrind "Invalid read of size 1 ... sfi_fn_call", and
 * here, with its chunk reused by the host's next malloc of the same size, the
 * result type read is the host's byte: the host's `ret` is never written
 * (it keeps the host's own stack/heap contents instead of the 42 returned).
 *   usage: fnfree_host fnfree.so     exit 1 if the result is not 42 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "review_host.h"
#include "sfi.h"

static sfi_fn *bound;
static void *mine;

static void host_unbind(void) {
  sfi_fn_free(bound); /* the binding is not needed any more */
  bound = NULL;
  /* The host's own allocation, same size class as struct sfi_fn (72 bytes
   * on x86-64): glibc hands back the chunk just freed. */
  mine = malloc(72);
  memset(mine, 'v', 72);
}

int main(int argc, char **argv) {
  if (argc != 2)
    return 2;
  const sfi_import imps[] = {{"host_unbind", ":v", (void *)host_unbind},
                             {NULL, NULL, NULL}};
  sfi_module *m = review_load(argv[1], imps);
  sfi_instance *in = review_instance(m, NULL);
  bound = sfi_fn_new(in, sfi_lookup(in, "work"), ":i");
  if (!bound) {
    printf("sfi_fn_new: %s\n", sfi_errmsg());
    return 2;
  }
  /* an earlier call on this thread (the usual case: call_fast wants a
   * thread that has called in before) */
  if (sfi_call(in, "nop", ":i", NULL, NULL) != SFI_OK) {
    printf("nop: %s\n", sfi_errmsg());
    return 2;
  }
  sfi_val r;
  r.i64 = 0x1111111111111111LL; /* stands for whatever the host had there */
  int rc = sfi_fn_call(bound, NULL, &r);
  printf("sfi_fn_call rc %d, result %d (0x%llx), want 42\n", rc, r.i32,
         (unsigned long long)r.i64);
  free(mine);
  sfi_instance_free(in);
  return !(rc == SFI_OK && r.i32 == 42);
}
