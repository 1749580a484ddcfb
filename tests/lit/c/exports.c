// Controlled exports: by default (-fsfi-exports=marked) a module exports
// only what its author marks SFI_EXPORT; the libc's symbols and unmarked
// globals are not reachable by name, the reserved __sfi_ names are the
// runtime's private channel (sfi_malloc/sfi_free and the flush at free
// still work through them) and never found by sfi_lookup.
// RUN: %bindir/sfi-cc -O2 -shared %S/Inputs/libexports.c -o %t.marked.so
// RUN: %bindir/sfi-cc -O2 -shared -fsfi-exports=all %S/Inputs/libexports.c -o %t.all.so
// RUN: %clang -O1 -I%srcroot/runtime/include %s %bindir/../lib/libsfirt.a -lZydis -lpthread -lm -o %t.host
// RUN: %t.host %t.marked.so marked | %FileCheck %s --check-prefix=MARKED
// RUN: %t.host %t.all.so all | %FileCheck %s --check-prefix=ALL
// RUN: not %bindir/sfi-cc -fsfi-exports=some -shared %S/Inputs/libexports.c -o %t.bad.so 2>&1 | %FileCheck %s --check-prefix=BADFLAG
// BADFLAG: -fsfi-exports must be 'marked' or 'all', not 'some'
//
// MARKED: api: found
// MARKED-NEXT: internal: not found (no exported function 'internal')
// MARKED-NEXT: helper: not found
// MARKED-NEXT: malloc: not found
// MARKED-NEXT: free: not found
// MARKED-NEXT: printf: not found
// MARKED-NEXT: fflush: not found
// MARKED-NEXT: __sfi_rt_malloc: not found
// MARKED-NEXT: __sfi_start: not found
// MARKED-NEXT: __sfi_ssp: not found
// MARKED-NEXT: call api: rc=0 ret=23
// MARKED-NEXT: call internal: rc=-6
// MARKED-NEXT: sfi_malloc: ok, writable
// MARKED-NEXT: api(7) = 23
//
// ALL: api: found
// ALL: internal: found
// ALL-NEXT: helper: not found
// ALL-NEXT: malloc: found
// ALL-NEXT: free: found
// ALL-NEXT: printf: found
// ALL-NEXT: fflush: found
// ALL-NEXT: __sfi_rt_malloc: not found
// ALL-NEXT: __sfi_start: not found
// ALL-NEXT: __sfi_ssp: not found
// ALL-NEXT: call api: rc=0 ret=23
// ALL-NEXT: call internal: rc=0
// ALL-NEXT: sfi_malloc: ok, writable
#include <stdio.h>
#include <string.h>
#include "sfi.h"
int main(int argc, char **argv) {
  (void)argc;
  sfi_module *m = sfi_module_load(argv[1], NULL, NULL);
  if (!m)
    return 1;
  sfi_instance *in = sfi_instance_new(m, NULL);
  if (!in)
    return 1;
  const char *names[] = {"api",    "internal", "helper",
                         "malloc", "free",    "printf",   "fflush",
                         "__sfi_rt_malloc", "__sfi_start", "__sfi_ssp"};
  for (unsigned i = 0; i < sizeof names / sizeof *names; i++) {
    uint64_t f = sfi_lookup(in, names[i]);
    int rc = f ? SFI_OK : sfi_call(in, names[i], ":v", NULL, NULL);
    if (f)
      printf("%s: found\n", names[i]);
    else if (!strcmp(names[i], "internal"))
      printf("%s: not found (%s)\n", names[i],
             strstr(sfi_errmsg(), "no exported function 'internal'")
                 ? "no exported function 'internal'"
                 : sfi_errmsg());
    else
      printf("%s: %s\n", names[i], rc == SFI_ERR_NOTFOUND ? "not found" : "?");
  }
  sfi_val a = SFI_I32(7), r;
  int rc = sfi_call(in, "api", "i:i", &a, &r);
  printf("call api: rc=%d ret=%d\n", rc, r.i32);
  rc = sfi_call(in, "internal", "i:i", &a, &r);
  printf("call internal: rc=%d\n", rc);
  uint64_t p = sfi_malloc(in, 64);
  printf("sfi_malloc: %s\n", p && sfi_ptr(in, p, 64, 1) ? "ok, writable" : "failed");
  sfi_free(in, p);
  fflush(stdout);
  sfi_instance_free(in);
  sfi_module_free(m);
  return 0;
}
