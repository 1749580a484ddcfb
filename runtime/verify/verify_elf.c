/* verify_elf.c: reads the verifier's inputs (verify.h) out of a module file,
 * treating every field as hostile: bounds and overflow are checked before
 * any use, and the result only points into buffers it owns. */
#include <elf.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sfi_abi.h"
#include "verify.h"

#define PH_MAX 64
#define SH_MAX 4096
#define CB_SLOTS_MAX 4096

struct er {
  const uint8_t *f;
  size_t size;
  char *why;
  size_t cap;
  struct sfi_verify_elf *out;
  const Elf64_Shdr *sh; /* section headers (copied), or NULL */
  size_t nsh;
  size_t nslots, slot_cap;
  uint64_t cb_slots, cb_size; /* __sfi_cb_slots */
  uint64_t jt_lo, jt_hi;      /* __start_/__stop_sfi_jt */
  int have_lo, have_hi;
};

__attribute__((format(printf, 2, 3))) static int bad(struct er *e,
                                                     const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  if (e->cap)
    vsnprintf(e->why, e->cap, fmt, ap);
  va_end(ap);
  return -1;
}

/* [off, off+len) inside [0, limit) without overflow */
static int fits(uint64_t off, uint64_t len, uint64_t limit) {
  return off <= limit && len <= limit - off;
}

static int by_u64(const void *a, const void *b) {
  uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
  return x < y ? -1 : x > y;
}

static int check_ehdr(struct er *e, Elf64_Ehdr *h) {
  if (e->size < sizeof *h)
    return bad(e, "file too small for an ELF header");
  memcpy(h, e->f, sizeof *h);
  if (memcmp(h->e_ident, ELFMAG, SELFMAG) || h->e_ident[EI_CLASS] != ELFCLASS64 ||
      h->e_ident[EI_DATA] != ELFDATA2LSB || h->e_machine != EM_X86_64 ||
      h->e_type != ET_DYN)
    return bad(e, "not an ELF64 little-endian x86-64 shared object");
  if (h->e_phentsize != sizeof(Elf64_Phdr) || h->e_phnum == 0 ||
      h->e_phnum > PH_MAX ||
      !fits(h->e_phoff, (uint64_t)h->e_phnum * sizeof(Elf64_Phdr), e->size))
    return bad(e, "program headers malformed or outside the file");
  return 0;
}

static void read_note(struct er *e, const Elf64_Phdr *ph) {
  if (!fits(ph->p_offset, ph->p_filesz, e->size))
    return;
  const uint8_t *n = e->f + ph->p_offset;
  uint64_t left = ph->p_filesz;
  while (left >= 12) {
    uint32_t nsz, dsz, type;
    memcpy(&nsz, n, 4);
    memcpy(&dsz, n + 4, 4);
    memcpy(&type, n + 8, 4);
    uint64_t nl = ((uint64_t)nsz + 3) & ~3ULL, dl = ((uint64_t)dsz + 3) & ~3ULL;
    if (!fits(12 + nl, dl, left))
      return;
    if (nsz >= 7 && memcmp(n + 12, SFI_NOTE_NAME, 7) == 0 &&
        type == SFI_NOTE_TYPE && dsz == 16) {
      uint32_t mode;
      memcpy(&mode, n + 12 + nl + 4, 4);
      if (mode == SFI_MODE_STORES)
        e->out->in.stores_only = 1; /* the weakest object decides */
    }
    n += 12 + nl + dl;
    left -= 12 + nl + dl;
  }
}

static int read_segments(struct er *e, const Elf64_Ehdr *h) {
  Elf64_Phdr ph[PH_MAX];
  uint64_t image_size = 0, prev_end = 0;
  size_t nexec = 0;
  for (int i = 0; i < h->e_phnum; i++) {
    memcpy(&ph[i], e->f + h->e_phoff + (uint64_t)i * sizeof *ph, sizeof *ph);
    if (ph[i].p_type == PT_NOTE)
      read_note(e, &ph[i]);
    if (ph[i].p_type != PT_LOAD)
      continue;
    if (ph[i].p_filesz > ph[i].p_memsz ||
        !fits(ph[i].p_offset, ph[i].p_filesz, e->size) ||
        !fits(ph[i].p_vaddr, ph[i].p_memsz, SFI_IMAGE_MAX))
      return bad(e, "PT_LOAD %d outside the file or the image space", i);
    if (ph[i].p_vaddr < prev_end)
      return bad(e, "PT_LOAD %d unsorted or overlapping", i);
    prev_end = ph[i].p_vaddr + ph[i].p_memsz;
    if (ph[i].p_vaddr + ph[i].p_memsz > image_size)
      image_size = ph[i].p_vaddr + ph[i].p_memsz;
    nexec += (ph[i].p_flags & PF_X) && ph[i].p_memsz;
  }
  struct sfi_verify_elf *o = e->out;
  o->image = calloc(image_size ? image_size : 1, 1);
  o->code = calloc(nexec ? nexec : 1, sizeof *o->code);
  if (!o->image || !o->code)
    return bad(e, "out of memory for a 0x%llx-byte image",
               (unsigned long long)image_size);
  size_t k = 0;
  for (int i = 0; i < h->e_phnum; i++) {
    if (ph[i].p_type != PT_LOAD)
      continue;
    memcpy(o->image + ph[i].p_vaddr, e->f + ph[i].p_offset, ph[i].p_filesz);
    if ((ph[i].p_flags & PF_X) && ph[i].p_memsz)
      o->code[k++] = (struct sfi_verify_range){
          ph[i].p_vaddr, ph[i].p_vaddr + ph[i].p_memsz};
  }
  for (size_t i = 1; i < k; i++)
    if (o->code[i].start < o->code[i - 1].end)
      return bad(e, "executable segments unsorted or overlapping");
  o->in.image = o->image;
  o->in.image_size = image_size;
  o->in.code = o->code;
  o->in.ncode = k;
  return 0;
}

static int read_shdrs(struct er *e, const Elf64_Ehdr *h) {
  if (!h->e_shoff || !h->e_shnum)
    return 0;
  if (h->e_shentsize != sizeof(Elf64_Shdr) || h->e_shnum > SH_MAX ||
      !fits(h->e_shoff, (uint64_t)h->e_shnum * sizeof(Elf64_Shdr), e->size))
    return bad(e, "section headers malformed or outside the file");
  Elf64_Shdr *sh = malloc(h->e_shnum * sizeof *sh);
  if (!sh)
    return bad(e, "out of memory");
  memcpy(sh, e->f + h->e_shoff, h->e_shnum * sizeof *sh);
  e->sh = sh;
  e->nsh = h->e_shnum;
  return 0;
}

/* The string table of section i, NUL-terminated, or NULL. */
static const char *strtab(const struct er *e, uint32_t i, uint64_t *size) {
  if (i >= e->nsh || e->sh[i].sh_type != SHT_STRTAB || !e->sh[i].sh_size ||
      !fits(e->sh[i].sh_offset, e->sh[i].sh_size, e->size) ||
      e->f[e->sh[i].sh_offset + e->sh[i].sh_size - 1] != 0)
    return NULL;
  *size = e->sh[i].sh_size;
  return (const char *)e->f + e->sh[i].sh_offset;
}

/* Symbol table section i: its entries and string table, or 0. */
static uint64_t symtab(const struct er *e, uint32_t i, const uint8_t **syms,
                       const char **str, uint64_t *strsz) {
  if (i >= e->nsh || (e->sh[i].sh_type != SHT_SYMTAB &&
                      e->sh[i].sh_type != SHT_DYNSYM) ||
      e->sh[i].sh_entsize != sizeof(Elf64_Sym) ||
      !fits(e->sh[i].sh_offset, e->sh[i].sh_size, e->size) ||
      !(*str = strtab(e, e->sh[i].sh_link, strsz)))
    return 0;
  *syms = e->f + e->sh[i].sh_offset;
  return e->sh[i].sh_size / sizeof(Elf64_Sym);
}

static int in_code(const struct sfi_verify_elf *o, uint64_t v) {
  for (size_t i = 0; i < o->in.ncode; i++)
    if (v >= o->code[i].start && v < o->code[i].end)
      return 1;
  return 0;
}

static void special_symbol(struct er *e, const Elf64_Sym *s, const char *n) {
  if (strcmp(n, "__start_" SFI_JT_SECTION) == 0)
    e->jt_lo = s->st_value, e->have_lo = 1;
  else if (strcmp(n, "__stop_" SFI_JT_SECTION) == 0)
    e->jt_hi = s->st_value, e->have_hi = 1;
  else if (strcmp(n, "__sfi_cb_slots") == 0)
    e->cb_slots = s->st_value, e->cb_size = s->st_size;
}

struct fsym {
  uint64_t v;
  uint64_t name; /* offset into strs */
};

static int by_fsym(const void *a, const void *b) {
  const struct fsym *x = a, *y = b;
  return x->v < y->v ? -1 : x->v > y->v;
}

/* Function starts and names from .symtab (else .dynsym). */
static int read_functions(struct er *e) {
  uint32_t best = ~0u;
  for (uint32_t i = 0; i < e->nsh; i++)
    if (e->sh[i].sh_type == SHT_SYMTAB ||
        (e->sh[i].sh_type == SHT_DYNSYM && best == ~0u))
      best = i;
  const uint8_t *syms;
  const char *str;
  uint64_t strsz, n = best == ~0u ? 0 : symtab(e, best, &syms, &str, &strsz);
  if (!n)
    return 0;
  struct sfi_verify_elf *o = e->out;
  struct fsym *fs = calloc(n, sizeof *fs);
  o->strs = malloc(strsz);
  if (!fs || !o->strs) {
    free(fs);
    return bad(e, "out of memory");
  }
  memcpy(o->strs, str, strsz);
  size_t k = 0;
  for (uint64_t i = 1; i < n; i++) {
    Elf64_Sym s;
    memcpy(&s, syms + i * sizeof s, sizeof s);
    if (s.st_name >= strsz)
      continue;
    special_symbol(e, &s, str + s.st_name);
    if (ELF64_ST_TYPE(s.st_info) == STT_FUNC && s.st_shndx != SHN_UNDEF &&
        in_code(o, s.st_value))
      fs[k++] = (struct fsym){s.st_value, s.st_name};
  }
  qsort(fs, k, sizeof *fs, by_fsym);
  o->funcs = calloc(k ? k : 1, sizeof *o->funcs);
  o->names = calloc(k ? k : 1, sizeof *o->names);
  if (!o->funcs || !o->names) {
    free(fs);
    return bad(e, "out of memory");
  }
  size_t m = 0;
  for (size_t i = 0; i < k; i++) {
    if (m && o->funcs[m - 1] == fs[i].v)
      continue;
    o->funcs[m] = fs[i].v;
    o->names[m++] = o->strs + fs[i].name;
  }
  free(fs);
  o->in.func_starts = o->funcs;
  o->in.func_names = o->names;
  o->in.nfuncs = m;
  return 0;
}

static int add_slot(struct er *e, uint64_t v) {
  struct sfi_verify_elf *o = e->out;
  if (e->nslots == e->slot_cap) {
    size_t cap = e->slot_cap ? 2 * e->slot_cap : 64;
    uint64_t *s = realloc(o->slots, cap * sizeof *s);
    if (!s)
      return bad(e, "out of memory");
    o->slots = s;
    e->slot_cap = cap;
  }
  o->slots[e->nslots++] = v;
  return 0;
}

/* GLOB_DAT / JUMP_SLOT relocations against undefined symbols. */
static int read_relocs(struct er *e, uint32_t i) {
  const Elf64_Shdr *s = &e->sh[i];
  const uint8_t *syms;
  const char *str;
  uint64_t strsz, nsym = symtab(e, s->sh_link, &syms, &str, &strsz);
  if (s->sh_entsize != sizeof(Elf64_Rela) ||
      !fits(s->sh_offset, s->sh_size, e->size))
    return bad(e, "relocation section %u malformed", i);
  for (uint64_t k = 0; k < s->sh_size / sizeof(Elf64_Rela); k++) {
    Elf64_Rela r;
    Elf64_Sym sym;
    memcpy(&r, e->f + s->sh_offset + k * sizeof r, sizeof r);
    uint32_t type = ELF64_R_TYPE(r.r_info), si = ELF64_R_SYM(r.r_info);
    if ((type != R_X86_64_GLOB_DAT && type != R_X86_64_JUMP_SLOT) || !si ||
        si >= nsym)
      continue;
    memcpy(&sym, syms + (uint64_t)si * sizeof sym, sizeof sym);
    if (sym.st_shndx == SHN_UNDEF && add_slot(e, r.r_offset))
      return -1;
  }
  return 0;
}

static int read_slots(struct er *e) {
  for (uint32_t i = 0; i < e->nsh; i++)
    if (e->sh[i].sh_type == SHT_RELA && read_relocs(e, i))
      return -1;
  if (e->cb_size % 8 || e->cb_size / 8 > CB_SLOTS_MAX)
    return bad(e, "__sfi_cb_slots size 0x%llx", (unsigned long long)e->cb_size);
  for (uint64_t k = 0; k < e->cb_size / 8; k++)
    if (add_slot(e, e->cb_slots + 8 * k))
      return -1;
  struct sfi_verify_elf *o = e->out;
  if (!e->nslots)
    return 0;
  qsort(o->slots, e->nslots, sizeof *o->slots, by_u64);
  size_t m = 1;
  for (size_t k = 1; k < e->nslots; k++)
    if (o->slots[k] != o->slots[m - 1])
      o->slots[m++] = o->slots[k];
  o->in.import_slots = o->slots;
  o->in.nimport_slots = m;
  return 0;
}

/* The table: section sfi_jt, else the __start_/__stop_ symbols. */
static void read_table(struct er *e, const Elf64_Ehdr *h) {
  uint64_t shstrsz;
  const char *shstr = strtab(e, h->e_shstrndx, &shstrsz);
  struct sfi_verify_input *in = &e->out->in;
  for (uint32_t i = 0; shstr && i < e->nsh; i++)
    if (e->sh[i].sh_name < shstrsz &&
        strcmp(shstr + e->sh[i].sh_name, SFI_JT_SECTION) == 0) {
      in->jt_start = e->sh[i].sh_addr;
      in->jt_size = e->sh[i].sh_size;
      return;
    }
  if (e->have_lo && e->have_hi && e->jt_hi >= e->jt_lo) {
    in->jt_start = e->jt_lo;
    in->jt_size = e->jt_hi - e->jt_lo;
  }
}

int sfi_verify_elf_read(const uint8_t *file, size_t size,
                        struct sfi_verify_elf *out, char *why, size_t cap) {
  struct er e = {.f = file, .size = size, .why = why, .cap = cap, .out = out};
  Elf64_Ehdr h;
  memset(out, 0, sizeof *out);
  if (cap)
    why[0] = 0;
  int rc = !file || check_ehdr(&e, &h) || read_segments(&e, &h) ||
           read_shdrs(&e, &h) || read_functions(&e) || read_slots(&e);
  if (!rc)
    read_table(&e, &h);
  free((void *)e.sh);
  if (rc) {
    if (!file)
      bad(&e, "no file");
    sfi_verify_elf_free(out);
    return -1;
  }
  return 0;
}

void sfi_verify_elf_free(struct sfi_verify_elf *v) {
  free(v->image);
  free(v->code);
  free(v->funcs);
  free(v->names);
  free(v->strs);
  free(v->slots);
  memset(v, 0, sizeof *v);
}

long sfi_verify_program(const uint8_t *file, size_t size, size_t *mod_size) {
  *mod_size = size;
  if (size < SFI_PROG_TRAILER_SIZE ||
      memcmp(file + size - SFI_PROG_TRAILER_SIZE, SFI_PROG_MAGIC, 8) != 0)
    return 0;
  return sfi_verify_program_trailer(file + size - SFI_PROG_TRAILER_SIZE, size,
                                    mod_size);
}

long sfi_verify_program_trailer(const uint8_t *trailer, size_t size,
                                size_t *mod_size) {
  uint64_t off, len;
  memcpy(&off, trailer + 8, 8);
  memcpy(&len, trailer + 16, 8);
  /* the module fills exactly the bytes between the launcher and the
   * trailer; the launcher is at least an ELF header */
  if (size < SFI_PROG_TRAILER_SIZE || len == 0 ||
      len > size - SFI_PROG_TRAILER_SIZE ||
      off != size - SFI_PROG_TRAILER_SIZE - len || off < 64 ||
      off % SFI_PROG_ALIGN != 0)
    return -1;
  *mod_size = (size_t)len;
  return (long)off;
}
