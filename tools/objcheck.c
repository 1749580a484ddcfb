/* objcheck.c: finds the .note.sfi marker in ELF relocatable objects and in
 * the members of ar archives. The input is untrusted: every offset and size
 * is checked against the file before use. */
#define _GNU_SOURCE
#include "objcheck.h"

#include <elf.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sfi_abi.h"


static int why_set(char *why, size_t n, const char *msg) {
  snprintf(why, n, "%s", msg);
  return -1;
}

/* Scans a note section for an sfi note; returns the mode or 0. */
static uint32_t find_note(const uint8_t *p, uint64_t size) {
  uint64_t off = 0;
  while (size - off >= 12) {
    uint32_t namesz, descsz, type;
    memcpy(&namesz, p + off, 4);
    memcpy(&descsz, p + off + 4, 4);
    memcpy(&type, p + off + 8, 4);
    uint64_t name_len = ((uint64_t)namesz + 3) & ~3ULL;
    uint64_t desc_len = ((uint64_t)descsz + 3) & ~3ULL;
    if (name_len > size - off - 12 || desc_len > size - off - 12 - name_len)
      return 0;
    const uint8_t *name = p + off + 12, *desc = name + name_len;
    if (type == SFI_NOTE_TYPE && namesz == 8 &&
        !memcmp(name, SFI_NOTE_NAME, sizeof(SFI_NOTE_NAME)) && descsz == 16) {
      uint32_t v[4];
      memcpy(v, desc, 16);
      if (v[0] == SFI_PASS_VERSION && v[3] == SFI_ABI_VERSION)
        return v[1];
    }
    off += 12 + name_len + desc_len;
  }
  return 0;
}

static int check_elf(const uint8_t *p, uint64_t size, uint32_t want,
                     char *why, size_t n) {
  if (size < sizeof(Elf64_Ehdr) || memcmp(p, ELFMAG, SELFMAG))
    return why_set(why, n, "not an ELF object (was it compiled by sfi-cc?)");
  Elf64_Ehdr eh;
  memcpy(&eh, p, sizeof eh);
  if (eh.e_ident[EI_CLASS] != ELFCLASS64 || eh.e_machine != EM_X86_64)
    return why_set(why, n, "not an x86-64 ELF64 object");
  if (eh.e_type != ET_REL)
    return why_set(why, n, "not a relocatable object (ET_REL)");
  if (eh.e_shentsize != sizeof(Elf64_Shdr) || eh.e_shnum == 0 ||
      eh.e_shoff > size ||
      (uint64_t)eh.e_shnum * sizeof(Elf64_Shdr) > size - eh.e_shoff)
    return why_set(why, n, "malformed section header table");
  uint32_t mode = 0;
  for (unsigned i = 0; i < eh.e_shnum; i++) {
    Elf64_Shdr sh;
    memcpy(&sh, p + eh.e_shoff + (uint64_t)i * sizeof sh, sizeof sh);
    if (sh.sh_type != SHT_NOTE)
      continue;
    if (sh.sh_offset > size || sh.sh_size > size - sh.sh_offset)
      return why_set(why, n, "note section outside the file");
    uint32_t m = find_note(p + sh.sh_offset, sh.sh_size);
    if (m) {
      if (!mode || m == SFI_MODE_STORES)
        mode = m;
    }
  }
  if (!mode)
    return why_set(why, n,
                   "not sandboxed: no libsfi marker (.note.sfi); compile it "
                   "with sfi-cc");
  /* A full-mode object is safe in a stores-only link, not the reverse. */
  if (mode != want && !(mode == SFI_MODE_FULL && want == SFI_MODE_STORES)) {
    snprintf(why, n, "built in %s mode, but this link is in %s mode",
             mode == SFI_MODE_FULL ? "full" : "stores-only",
             want == SFI_MODE_FULL ? "full" : "stores-only");
    return -1;
  }
  return 0;
}

static int check_archive(const uint8_t *p, uint64_t size, uint32_t want,
                         char *why, size_t n) {
  uint64_t off = 8;
  int members = 0;
  while (off + 60 <= size) {
    const char *hdr = (const char *)p + off;
    char sz[11];
    memcpy(sz, hdr + 48, 10);
    sz[10] = 0;
    char *end;
    unsigned long long msize = strtoull(sz, &end, 10);
    if (end == sz || msize > size - off - 60)
      return why_set(why, n, "malformed archive member header");
    const uint8_t *m = p + off + 60;
    /* Symbol tables ("/", "/SYM64/") and the long-name table ("//"). */
    if (hdr[0] != '/' || (hdr[1] != ' ' && hdr[1] != '/' && hdr[1] != 'S')) {
      char inner[256];
      if (check_elf(m, msize, want, inner, sizeof inner) != 0) {
        char name[17];
        memcpy(name, hdr, 16);
        name[16] = 0;
        for (int i = 15; i >= 0 && (name[i] == ' ' || name[i] == '/'); i--)
          name[i] = 0;
        snprintf(why, n, "member %s: %s", name, inner);
        return -1;
      }
      members++;
    }
    off += 60 + msize + (msize & 1);
  }
  (void)members;
  return 0;
}

int sfi_check_object(const char *path, const char *mode, char *why,
                     size_t whylen) {
  uint32_t want = strcmp(mode, "stores") ? SFI_MODE_FULL : SFI_MODE_STORES;
  FILE *f = fopen(path, "rb");
  if (!f)
    return why_set(why, whylen, "cannot open");
  uint8_t *buf = NULL;
  size_t size = 0, cap = 0;
  for (;;) {
    if (size == cap) {
      cap = cap ? cap * 2 : 1 << 16;
      uint8_t *nb = realloc(buf, cap);
      if (!nb) {
        free(buf);
        fclose(f);
        return why_set(why, whylen, "out of memory");
      }
      buf = nb;
    }
    size_t got = fread(buf + size, 1, cap - size, f);
    size += got;
    if (got == 0)
      break;
  }
  fclose(f);
  int rc;
  if (size >= 8 && !memcmp(buf, "!<arch>\n", 8))
    rc = check_archive(buf, size, want, why, whylen);
  else if (size >= 4 && !memcmp(buf, "BC\xc0\xde", 4))
    /* -flto: the pass marks the module with the flag "sfi.sandboxed"; its
     * name sits in the bitcode's metadata string blob. The link then runs
     * the pass's verifier after link-time optimization. */
    rc = memmem(buf, size, "sfi.sandboxed", 13)
             ? 0
             : why_set(why, whylen,
                       "not sandboxed: LLVM bitcode without the libsfi module "
                       "flag; compile it with sfi-cc");
  else
    rc = check_elf(buf, size, want, why, whylen);
  free(buf);
  return rc;
}
