/* exports.c: which of a module's symbols the host may reach, and how the
 * runtime reaches the few it needs itself. The public exports are the
 * module's .dynsym definitions minus the reserved __sfi_ names: those are
 * the runtime's private channel (the crt's variables, __sfi_start and the
 * __sfi_rt_ entry points of sfi_rtentry.o), never found by sfi_lookup or
 * called by name by the host. */
#include <stdio.h>
#include <string.h>

#include "internal.h"

const struct sfi_sym *sfi__public_export(const sfi_module *m,
                                         const char *name) {
  if (strncmp(name, "__sfi_", 6) == 0)
    return NULL;
  return sfi__export(m, name);
}

uint64_t sfi__rt_fn(const sfi_module *m, const char *what) {
  char priv[64];
  snprintf(priv, sizeof priv, "__sfi_rt_%s", what);
  const struct sfi_sym *s = sfi__export(m, priv);
  /* Modules linked before sfi_rtentry.o existed export the libc's own. */
  if (!s)
    s = sfi__export(m, what);
  return s && sfi__is_func_start(m, s->value) ? s->value : 0;
}
