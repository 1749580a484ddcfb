/* undefcheck.c: see undefcheck.h. */
#define _GNU_SOURCE
#include "undefcheck.h"

#include <elf.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "objcheck.h"
#include "sfi_libm.h"
#include "sfi_sys.h"

static int inside(size_t size, uint64_t off, uint64_t len) {
  return off <= size && len <= size - off;
}

/* Calls fn for each symbol of the first section of type `type`; stops and
 * returns the first non-zero fn result. -1 on a malformed file. */
static int each_symbol(const uint8_t *p, size_t size, uint32_t type,
                       int (*fn)(const Elf64_Sym *, const char *, void *),
                       void *arg) {
  Elf64_Ehdr eh;
  if (size < sizeof eh || memcmp(p, ELFMAG, SELFMAG) != 0 ||
      p[EI_CLASS] != ELFCLASS64)
    return -1;
  memcpy(&eh, p, sizeof eh);
  if (eh.e_shentsize != sizeof(Elf64_Shdr) ||
      !inside(size, eh.e_shoff, (uint64_t)eh.e_shnum * sizeof(Elf64_Shdr)))
    return -1;
  for (unsigned i = 0; i < eh.e_shnum; i++) {
    Elf64_Shdr sh, st;
    memcpy(&sh, p + eh.e_shoff + i * sizeof sh, sizeof sh);
    if (sh.sh_type != type)
      continue;
    if (sh.sh_link >= eh.e_shnum || sh.sh_entsize != sizeof(Elf64_Sym) ||
        !inside(size, sh.sh_offset, sh.sh_size))
      return -1;
    memcpy(&st, p + eh.e_shoff + sh.sh_link * sizeof st, sizeof st);
    if (!inside(size, st.sh_offset, st.sh_size) || st.sh_size == 0 ||
        p[st.sh_offset + st.sh_size - 1] != 0)
      return -1;
    const char *strs = (const char *)p + st.sh_offset;
    for (uint64_t k = 1; k < sh.sh_size / sizeof(Elf64_Sym); k++) {
      Elf64_Sym s;
      memcpy(&s, p + sh.sh_offset + k * sizeof s, sizeof s);
      if (s.st_name >= st.sh_size)
        return -1;
      int r = fn(&s, strs + s.st_name, arg);
      if (r)
        return r;
    }
    return 0;
  }
  return 0;
}

struct undef_cb {
  void (*fn)(const char *, void *);
  void *arg;
};
static int on_undef(const Elf64_Sym *s, const char *name, void *arg) {
  struct undef_cb *cb = arg;
  if (s->st_shndx == SHN_UNDEF && name[0])
    cb->fn(name, cb->arg);
  return 0;
}

int sfi_undefined_symbols(const char *path,
                          void (*fn)(const char *name, void *arg), void *arg) {
  size_t size;
  uint8_t *p = sfi_read_file(path, &size);
  if (!p)
    return -1;
  struct undef_cb cb = {fn, arg};
  int r = each_symbol(p, size, SHT_DYNSYM, on_undef, &cb);
  free(p);
  return r < 0 ? -1 : 0;
}

struct ref {
  const char *name;
  int undef, def;
};
static int on_ref(const Elf64_Sym *s, const char *name, void *arg) {
  struct ref *r = arg;
  if (strcmp(name, r->name) != 0 || ELF64_ST_BIND(s->st_info) == STB_LOCAL)
    return 0;
  if (s->st_shndx == SHN_UNDEF)
    r->undef = 1;
  else
    r->def = 1;
  return 0;
}

int sfi_object_references(const char *path, const char *name) {
  size_t size;
  uint8_t *p = sfi_read_file(path, &size);
  if (!p)
    return 0;
  struct ref r = {name, 0, 0};
  int rc = each_symbol(p, size, SHT_SYMTAB, on_ref, &r);
  free(p);
  return rc == 0 && r.undef && !r.def;
}

#define NAME1(n) #n,
static const char *const sys_names[] = {SFI_SYS_CALLS(NAME1)};
#define NAME3(n) #n, #n "f", #n "l",
static const char *const libm_names[] = {
    SFI_LIBM_F1(NAME3) SFI_LIBM_F1_EXTRA(NAME3) SFI_LIBM_F1_SIGNGAM(NAME3)
    SFI_LIBM_F2(NAME3) SFI_LIBM_F3(NAME3) SFI_LIBM_FI(NAME3)
    SFI_LIBM_FL(NAME3) SFI_LIBM_IF_EXTRA(NAME3) SFI_LIBM_RI(NAME3)
    SFI_LIBM_RL(NAME3) SFI_LIBM_RLL(NAME3) NAME3(nexttoward) NAME3(fabs)
    NAME3(copysign)};

int sfi_builtin_import(const char *name) {
  if (!strncmp(name, "__sfi_sys_", 10)) {
    for (size_t i = 0; i < sizeof sys_names / sizeof *sys_names; i++)
      if (!strcmp(name + 10, sys_names[i]))
        return 1;
  } else if (!strncmp(name, "__sfi_libm_", 11)) {
    for (size_t i = 0; i < sizeof libm_names / sizeof *libm_names; i++)
      if (!strcmp(name + 11, libm_names[i]))
        return 1;
  }
  return 0;
}
