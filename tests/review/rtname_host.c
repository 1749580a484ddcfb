/* rtname_host.c (review4): sfi.h says names starting with __sfi_ "are
 * reserved for the runtime's private use and never found"; sfi_lookup
 * refuses them, but sfi_call by name looks them up with the private
 * sfi__export (call.c), so a host (or a name the host takes from input)
 * reaches __sfi_rt_malloc, __sfi_rt_fflush, __sfi_start.
 *   usage: rtname_host MODULE.so   exit 1 if sfi_call found a __sfi_ name */
#include <stdio.h>

#include "sfi.h"

int main(int argc, char **argv) {
  if (argc != 2)
    return 2;
  sfi_module *m = sfi_module_load(argv[1], NULL, NULL);
  sfi_instance *in = m ? sfi_instance_new(m, NULL) : NULL;
  if (!in)
    return printf("refused: %s\n", sfi_errmsg()), 0;
  sfi_val a = SFI_I64(100), r = {0};
  printf("sfi_lookup(\"__sfi_rt_malloc\") = %#llx\n",
         (unsigned long long)sfi_lookup(in, "__sfi_rt_malloc"));
  int rc = sfi_call(in, "__sfi_rt_malloc", "I:p", &a, &r);
  printf("sfi_call(\"__sfi_rt_malloc\") = %d, result %#llx\n", rc,
         (unsigned long long)r.ptr);
  return rc == SFI_OK;
}
