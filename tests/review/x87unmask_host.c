/* x87unmask_host.c: the host keeps the default x87 control word (all
 * exceptions masked) and runs x87flags.so's then_import(): the module
 * (x87-free) formats a signaling NaN through the system interface (IE set
 * in the FSW under a masked control word, so the plain thunk changes
 * nothing and the host-import thunk, seeing the host's control word, skips
 * its fnclex), then calls the granted host import host_ld, which enables
 * FE_INVALID for its own computation (feenableexcept) and does long double
 * arithmetic: the sandbox-made IE flag is now pending, SIGFPE in host code.
 * The same holds for an x87 module that sets IE itself (fld of an SNaN):
 * the host-import thunks clear the flags only when they reload the control
 * word. Run in a child; killed by SIGFPE is BAD.
 *   usage: x87unmask_host x87flags.so   exit 1 if the host died */
#include "x87_unmask.h"

int main(int argc, char **argv) {
  if (argc != 2)
    return 2;
  const sfi_import imps[] = {{"host_ld", ":i", (void *)host_ld},
                             {NULL, NULL, NULL}};
  return x87_unmask_run("x87unmask", argv[1], imps, "then_import");
}
