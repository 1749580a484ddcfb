/* symbolize.c: export lookup by name and sandbox address to function name,
 * from the module's .symtab when present, else its .dynsym. */
#include <stdio.h>
#include <string.h>

#include "internal.h"

const struct sfi_sym *sfi__export(const sfi_module *m, const char *name) {
  size_t lo = 0, hi = m->nexports;
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    int c = strcmp(name, m->exports[mid].name);
    if (c == 0)
      return &m->exports[mid];
    if (c < 0)
      hi = mid;
    else
      lo = mid + 1;
  }
  return NULL;
}

/* Writes "name+0xoff" (or "0xoffset" when no symbol covers addr); returns 1
 * when a symbol was found. */
int sfi__symbolize(const sfi_instance *in, uint64_t addr, char *buf,
                   size_t cap) {
  const sfi_module *m = in->m;
  uint64_t off = addr - in->image;
  if (addr < in->image || off >= m->image_size) {
    snprintf(buf, cap, "0x%llx", (unsigned long long)addr);
    return 0;
  }
  size_t lo = 0, hi = m->nfuncs;
  while (lo < hi) { /* last symbol with value <= off */
    size_t mid = (lo + hi) / 2;
    if (m->funcs[mid].value <= off)
      lo = mid + 1;
    else
      hi = mid;
  }
  if (lo > 0) {
    const struct sfi_sym *s = &m->funcs[lo - 1];
    if (off - s->value < (s->size ? s->size : 4096)) {
      snprintf(buf, cap, "%s+0x%llx", s->name,
               (unsigned long long)(off - s->value));
      return 1;
    }
  }
  snprintf(buf, cap, "image+0x%llx", (unsigned long long)off);
  return 0;
}
