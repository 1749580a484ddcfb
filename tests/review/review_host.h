/* review_host.h: the start the review's hosts share. A module or instance
 * the runtime refuses is a safe outcome: the host prints why ("load
 * refused: ...", "instance refused: ...") and exits 0. */
#ifndef REVIEW_HOST_H
#define REVIEW_HOST_H
#include <stdio.h>
#include <stdlib.h>

#include "sfi.h"

static inline sfi_module *review_load(const char *path,
                                      const sfi_import *imports) {
  sfi_module *m = sfi_module_load(path, imports, NULL);
  if (!m) {
    printf("load refused: %s\n", sfi_errmsg());
    exit(0);
  }
  return m;
}

static inline sfi_instance *review_instance(sfi_module *m,
                                            const sfi_instance_options *o) {
  sfi_instance *in = sfi_instance_new(m, o);
  if (!in) {
    printf("instance refused: %s\n", sfi_errmsg());
    exit(0);
  }
  return in;
}
#endif
