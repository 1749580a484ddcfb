/* objcheck.c: checks the .note.sfi marker of ELF relocatable objects and of
 * the members of ar archives (and which bitcode objects a link may take).
 * The input is untrusted: every offset and size is checked before use. */
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

/* One note of a .note.sfi section, at p[0..avail): its size (header, name
 * and desc, each padded to 4 bytes) into *len, its mode into *mode. */
static int parse_note(const uint8_t *p, uint64_t avail, uint64_t *len,
                      uint32_t *mode, char *why, size_t n) {
  uint32_t h[3], d[4];
  static const char name[8] = SFI_NOTE_NAME;
  if (avail < 12 + sizeof name + sizeof d)
    return why_set(why, n, "malformed marker: truncated note in .note.sfi");
  memcpy(h, p, sizeof h);
  if (h[0] != sizeof name || h[1] != sizeof d || h[2] != SFI_NOTE_TYPE ||
      memcmp(p + 12, name, sizeof name))
    return why_set(why, n, "malformed marker: a note in .note.sfi is not "
                           "libsfi's (name, type or sizes differ)");
  memcpy(d, p + 12 + sizeof name, sizeof d);
  if (d[0] != SFI_PASS_VERSION || d[3] != SFI_ABI_VERSION) {
    snprintf(why, n, "marker from another libsfi (pass version %u, ABI %u; "
             "this sfi-cc expects %u, %u): rebuild it", d[0], d[3],
             SFI_PASS_VERSION, SFI_ABI_VERSION);
    return -1;
  }
  if ((d[1] != SFI_MODE_FULL && d[1] != SFI_MODE_STORES) ||
      (d[2] != SFI_SCHEME_GS && d[2] != SFI_SCHEME_ANCHOR))
    return why_set(why, n, "malformed marker: unknown mode or scheme");
  *len = 12 + sizeof name + sizeof d;
  *mode = d[1];
  return 0;
}

/* The ELF file's section headers, with extended numbering. */
struct elf {
  const uint8_t *p;
  uint64_t size, shoff, shnum, shstrndx;
};

static void shdr(const struct elf *e, uint64_t i, Elf64_Shdr *sh) {
  memcpy(sh, e->p + e->shoff + i * sizeof *sh, sizeof *sh);
}

static int in_file(const struct elf *e, uint64_t off, uint64_t len) {
  return off <= e->size && len <= e->size - off;
}

/* Section i's name, or NULL if it does not lie in the string table. */
static const char *section_name(const struct elf *e, const Elf64_Shdr *sh) {
  Elf64_Shdr st;
  shdr(e, e->shstrndx, &st);
  if (st.sh_type != SHT_STRTAB || !in_file(e, st.sh_offset, st.sh_size) ||
      sh->sh_name >= st.sh_size)
    return NULL;
  const char *s = (const char *)e->p + st.sh_offset + sh->sh_name;
  return memchr(s, 0, st.sh_size - sh->sh_name) ? s : NULL;
}

static int read_headers(struct elf *e, char *why, size_t n) {
  Elf64_Ehdr eh;
  memcpy(&eh, e->p, sizeof eh);
  if (eh.e_ident[EI_CLASS] != ELFCLASS64 || eh.e_ident[EI_DATA] != ELFDATA2LSB ||
      eh.e_machine != EM_X86_64)
    return why_set(why, n, "not an x86-64 ELF64 object");
  if (eh.e_type != ET_REL)
    return why_set(why, n, "not a relocatable object (ET_REL)");
  e->shoff = eh.e_shoff;
  e->shnum = eh.e_shnum;
  e->shstrndx = eh.e_shstrndx;
  if (eh.e_shentsize != sizeof(Elf64_Shdr) ||
      !in_file(e, e->shoff, sizeof(Elf64_Shdr)))
    return why_set(why, n, "malformed section header table");
  Elf64_Shdr sh0;
  shdr(e, 0, &sh0);
  if (e->shnum == 0)
    e->shnum = sh0.sh_size;
  if (e->shstrndx == SHN_XINDEX)
    e->shstrndx = sh0.sh_link;
  if (e->shnum == 0 || e->shnum > e->size / sizeof(Elf64_Shdr) ||
      !in_file(e, e->shoff, e->shnum * sizeof(Elf64_Shdr)) ||
      e->shstrndx >= e->shnum)
    return why_set(why, n, "malformed section header table");
  return 0;
}

/* A .note.sfi section: SHT_NOTE, allocated, read-only, not code, and
 * nothing in it but well-formed libsfi notes. */
static int check_note_section(const struct elf *e, const Elf64_Shdr *sh,
                              uint32_t *mode, char *why, size_t n) {
  if (sh->sh_type != SHT_NOTE || !(sh->sh_flags & SHF_ALLOC) ||
      (sh->sh_flags & (SHF_WRITE | SHF_EXECINSTR)) || sh->sh_size == 0)
    return why_set(why, n, "malformed marker: .note.sfi is not a read-only "
                           "allocated SHT_NOTE section");
  if (!in_file(e, sh->sh_offset, sh->sh_size))
    return why_set(why, n, "note section outside the file");
  const uint8_t *p = e->p + sh->sh_offset;
  for (uint64_t off = 0; off < sh->sh_size;) {
    uint64_t len;
    uint32_t m;
    if (parse_note(p + off, sh->sh_size - off, &len, &m, why, n) != 0)
      return -1;
    /* Objects merged with ld -r: the weakest mode counts. */
    if (!*mode || m == SFI_MODE_STORES)
      *mode = m;
    off += len;
  }
  return 0;
}

static int check_elf(const uint8_t *p, uint64_t size, uint32_t want,
                     char *why, size_t n) {
  if (size < sizeof(Elf64_Ehdr) || memcmp(p, ELFMAG, SELFMAG))
    return why_set(why, n, "not an ELF object (was it compiled by sfi-cc?)");
  struct elf e = {.p = p, .size = size};
  if (read_headers(&e, why, n) != 0)
    return -1;
  uint32_t mode = 0;
  for (uint64_t i = 1; i < e.shnum; i++) {
    Elf64_Shdr sh;
    shdr(&e, i, &sh);
    const char *name = section_name(&e, &sh);
    if (!name)
      return why_set(why, n, "malformed section name");
    if (!strcmp(name, SFI_NOTE_SECTION) &&
        check_note_section(&e, &sh, &mode, why, n) != 0)
      return -1;
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

/* Raw bitcode or the bitcode wrapper. */
static int is_bitcode(const uint8_t *p, uint64_t size) {
  return size >= 4 && (!memcmp(p, "BC\xc0\xde", 4) ||
                       !memcmp(p, "\xde\xc0\x17\x0b", 4));
}

/* Bitcode (-flto) is accepted only from sfi-cc's own compile in the same
 * command (own != 0): the pass ran on it there, with the link's mode, and
 * lld runs the IR verifier on the merged module. Bitcode from elsewhere is
 * refused: a hand-made module can carry the flag that makes the pass skip
 * it, and neither the refusals nor the verifier's checks of pass-generated
 * functions run on it again. */
static int check_bitcode(const uint8_t *p, uint64_t size, int own, char *why,
                         size_t n) {
  if (!own)
    return why_set(why, n,
                   "LLVM bitcode (an -flto object) made outside this sfi-cc "
                   "command, which sfi-cc cannot re-check: for -flto, "
                   "compile and link in one sfi-cc command");
  if (!memmem(p, size, "sfi.sandboxed", 13))
    return why_set(why, n, "not sandboxed: LLVM bitcode without the libsfi "
                           "module flag");
  return 0;
}

/* The archive's own tables, which the linker does not link: the symbol
 * table first ("/" or "/SYM64/"), then the long-name table ("//"). Under
 * any other position such a name is a member like the others (the symbol
 * table can point the linker at it). */
static int is_table(const char *hdr, int index) {
  if (index == 0 && (!memcmp(hdr, "/               ", 16) ||
                     !memcmp(hdr, "/SYM64/         ", 16)))
    return 1;
  return index <= 1 && !memcmp(hdr, "//              ", 16);
}

static int check_member(const char *hdr, const uint8_t *m, uint64_t msize,
                        uint32_t want, char *why, size_t n) {
  char inner[256];
  int bad = is_bitcode(m, msize)
                ? check_bitcode(m, msize, 0, inner, sizeof inner)
                : check_elf(m, msize, want, inner, sizeof inner);
  if (!bad)
    return 0;
  char name[17];
  memcpy(name, hdr, 16);
  name[16] = 0;
  for (int i = 15; i > 0 && (name[i] == ' ' || name[i] == '/'); i--)
    name[i] = 0;
  snprintf(why, n, "member %s: %s", name, inner);
  return -1;
}

static int check_archive(const uint8_t *p, uint64_t size, uint32_t want,
                         char *why, size_t n) {
  uint64_t off = 8;
  for (int index = 0; off + 60 <= size; index++) {
    const char *hdr = (const char *)p + off;
    char sz[11];
    memcpy(sz, hdr + 48, 10);
    sz[10] = 0;
    char *end;
    unsigned long long msize = strtoull(sz, &end, 10);
    if (end == sz || msize > size - off - 60)
      return why_set(why, n, "malformed archive member header");
    if (!is_table(hdr, index) &&
        check_member(hdr, p + off + 60, msize, want, why, n) != 0)
      return -1;
    off += 60 + msize + (msize & 1);
  }
  return 0;
}

uint8_t *sfi_read_file(const char *path, size_t *size) {
  FILE *f = fopen(path, "rb");
  if (!f)
    return NULL;
  uint8_t *buf = NULL;
  size_t cap = 0;
  *size = 0;
  for (;;) {
    if (*size == cap) {
      cap = cap ? cap * 2 : 1 << 16;
      uint8_t *nb = realloc(buf, cap);
      if (!nb) {
        free(buf);
        fclose(f);
        return NULL;
      }
      buf = nb;
    }
    size_t got = fread(buf + *size, 1, cap - *size, f);
    *size += got;
    if (got == 0)
      break;
  }
  fclose(f);
  return buf;
}

int sfi_check_object(const char *path, const char *mode, int own, char *why,
                     size_t whylen) {
  uint32_t want = strcmp(mode, "stores") ? SFI_MODE_FULL : SFI_MODE_STORES;
  size_t size;
  uint8_t *buf = sfi_read_file(path, &size);
  if (!buf)
    return why_set(why, whylen, "cannot open");
  int rc;
  if (size >= 8 && !memcmp(buf, "!<arch>\n", 8))
    rc = check_archive(buf, size, want, why, whylen);
  else if (is_bitcode(buf, size))
    rc = check_bitcode(buf, size, own, why, whylen);
  else
    rc = check_elf(buf, size, want, why, whylen);
  free(buf);
  return rc;
}
