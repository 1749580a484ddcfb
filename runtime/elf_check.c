/* elf_check.c: validation of a module file, treated as hostile. Every field
 * is checked before it is used; errors name the file and the offending
 * value. Nothing here maps memory: the loader maps only what passed. */
#include <elf.h>
#include <stdlib.h>
#include <string.h>

#include "sfi_elf.h"

#define BAD(...) sfi__err(SFI_ERR_BADMODULE, __VA_ARGS__)

/* a + b <= limit without overflow */
static int fits(uint64_t a, uint64_t b, uint64_t limit) {
  return a <= limit && b <= limit - a;
}

/* The file bytes backing image range [vaddr, vaddr+len), or NULL when the
 * range is not entirely inside the file part of one segment. */
static const uint8_t *at_vaddr(const struct sfi_elf *e, uint64_t vaddr,
                               uint64_t len) {
  for (int i = 0; i < e->nsegs; i++) {
    const struct sfi_seg *s = &e->segs[i];
    if (vaddr >= s->vaddr && fits(vaddr - s->vaddr, len, s->filesz))
      return e->data + s->offset + (vaddr - s->vaddr);
  }
  return NULL;
}

static const struct sfi_seg *seg_of(const struct sfi_elf *e, uint64_t vaddr,
                                    uint64_t len) {
  for (int i = 0; i < e->nsegs; i++) {
    const struct sfi_seg *s = &e->segs[i];
    if (vaddr >= s->vaddr && fits(vaddr - s->vaddr, len, s->memsz))
      return s;
  }
  return NULL;
}

static int check_ehdr(struct sfi_elf *e, const Elf64_Ehdr *h) {
  const char *p = e->path;
  if (e->size < sizeof *h)
    return BAD("%s: file too small for an ELF header (%zu bytes)", p, e->size);
  if (memcmp(h->e_ident, ELFMAG, SELFMAG) != 0)
    return BAD("%s: not an ELF file (bad magic)", p);
  if (h->e_ident[EI_CLASS] != ELFCLASS64)
    return BAD("%s: EI_CLASS %u is not ELFCLASS64", p, h->e_ident[EI_CLASS]);
  if (h->e_ident[EI_DATA] != ELFDATA2LSB)
    return BAD("%s: EI_DATA %u is not little-endian", p, h->e_ident[EI_DATA]);
  if (h->e_ident[EI_VERSION] != EV_CURRENT || h->e_version != EV_CURRENT)
    return BAD("%s: ELF version %u/%u is not 1", p, h->e_ident[EI_VERSION],
               h->e_version);
  if (h->e_type != ET_DYN)
    return BAD("%s: e_type %u is not ET_DYN (a shared object)", p, h->e_type);
  if (h->e_machine != EM_X86_64)
    return BAD("%s: e_machine %u is not EM_X86_64", p, h->e_machine);
  if (h->e_ehsize != sizeof(Elf64_Ehdr))
    return BAD("%s: e_ehsize %u is not %zu", p, h->e_ehsize,
               sizeof(Elf64_Ehdr));
  if (h->e_phentsize != sizeof(Elf64_Phdr))
    return BAD("%s: e_phentsize %u is not %zu", p, h->e_phentsize,
               sizeof(Elf64_Phdr));
  if (h->e_phnum == 0 || h->e_phnum > PHNUM_MAX)
    return BAD("%s: e_phnum %u outside [1, %d]", p, h->e_phnum, PHNUM_MAX);
  if (h->e_phoff % 8 ||
      !fits(h->e_phoff, (uint64_t)h->e_phnum * sizeof(Elf64_Phdr), e->size))
    return BAD("%s: program headers at e_phoff 0x%llx (%u entries) past end "
               "of file (size 0x%zx) or misaligned",
               p, (unsigned long long)h->e_phoff, h->e_phnum, e->size);
  return SFI_OK;
}

static int check_load(struct sfi_elf *e, int i, const Elf64_Phdr *ph) {
  const char *p = e->path;
  if (e->nsegs == SEG_MAX)
    return BAD("%s: more than %d PT_LOAD segments", p, SEG_MAX);
  if ((ph->p_flags & PF_W) && (ph->p_flags & PF_X))
    return BAD("%s: program header %d: segment is writable and executable "
               "(p_flags 0x%x)",
               p, i, ph->p_flags);
  /* The runtime reads code (traps, callbacks) and data through the same
   * mappings the sandbox uses: a segment it cannot read (flags 0, or
   * execute-only under PKU) would fault in host code (review). */
  if (!(ph->p_flags & PF_R))
    return BAD("%s: program header %d: segment is not readable (p_flags 0x%x)",
               p, i, ph->p_flags);
  if (ph->p_filesz > ph->p_memsz)
    return BAD("%s: program header %d: p_filesz 0x%llx > p_memsz 0x%llx", p, i,
               (unsigned long long)ph->p_filesz,
               (unsigned long long)ph->p_memsz);
  /* Zero-fill past the file bytes only where the sandbox may write (bss):
   * a read-only one would be resident memory outside every limit. */
  if (!(ph->p_flags & PF_W) && ph->p_memsz > PAGE_UP(ph->p_filesz) + SFI_PAGE)
    return BAD("%s: program header %d: read-only segment with 0x%llx bytes "
               "of zero fill",
               p, i, (unsigned long long)(ph->p_memsz - ph->p_filesz));
  if (!fits(ph->p_offset, ph->p_filesz, e->size))
    return BAD("%s: program header %d: p_offset 0x%llx + p_filesz 0x%llx past "
               "end of file (size 0x%zx)",
               p, i, (unsigned long long)ph->p_offset,
               (unsigned long long)ph->p_filesz, e->size);
  if (!fits(ph->p_vaddr, ph->p_memsz, IMAGE_MAX) || ph->p_memsz == 0)
    return BAD("%s: program header %d: p_vaddr 0x%llx + p_memsz 0x%llx "
               "outside the image space [0, 0x%llx) or empty",
               p, i, (unsigned long long)ph->p_vaddr,
               (unsigned long long)ph->p_memsz, IMAGE_MAX);
  if ((ph->p_offset ^ ph->p_vaddr) & (SFI_PAGE - 1))
    return BAD("%s: program header %d: p_offset 0x%llx and p_vaddr 0x%llx "
               "differ modulo the page size",
               p, i, (unsigned long long)ph->p_offset,
               (unsigned long long)ph->p_vaddr);
  struct sfi_seg *s = &e->segs[e->nsegs];
  s->vaddr = ph->p_vaddr;
  s->memsz = ph->p_memsz;
  s->filesz = ph->p_filesz;
  s->offset = ph->p_offset;
  s->start = PAGE_DOWN(ph->p_vaddr);
  s->file_end = PAGE_UP(ph->p_vaddr + ph->p_filesz);
  s->end = PAGE_UP(ph->p_vaddr + ph->p_memsz);
  s->prot = ((ph->p_flags & PF_R) ? 1 : 0) | ((ph->p_flags & PF_W) ? 2 : 0) |
            ((ph->p_flags & PF_X) ? 4 : 0); /* PROT_READ/WRITE/EXEC */
  if (e->nsegs > 0 && s->start < e->segs[e->nsegs - 1].end)
    return BAD("%s: program header %d: segment at 0x%llx overlaps or precedes "
               "the previous one (ends 0x%llx)",
               p, i, (unsigned long long)ph->p_vaddr,
               (unsigned long long)e->segs[e->nsegs - 1].end);
  e->nsegs++;
  e->image_size = s->end;
  return SFI_OK;
}

static int check_notes(struct sfi_elf *e, int i, const Elf64_Phdr *ph,
                       int *found) {
  const char *p = e->path;
  if (!fits(ph->p_offset, ph->p_filesz, e->size))
    return BAD("%s: program header %d (PT_NOTE): p_offset 0x%llx + p_filesz "
               "0x%llx past end of file (size 0x%zx)",
               p, i, (unsigned long long)ph->p_offset,
               (unsigned long long)ph->p_filesz, e->size);
  const uint8_t *n = e->data + ph->p_offset;
  uint64_t left = ph->p_filesz;
  for (int k = 0; left > 0; k++) {
    if (k == NOTE_MAX)
      return BAD("%s: PT_NOTE %d: more than %d notes", p, i, NOTE_MAX);
    if (left < 12)
      return BAD("%s: PT_NOTE %d: truncated note header", p, i);
    uint32_t namesz, descsz, type;
    memcpy(&namesz, n, 4);
    memcpy(&descsz, n + 4, 4);
    memcpy(&type, n + 8, 4);
    uint64_t nlen = ((uint64_t)namesz + 3) & ~3ULL;
    uint64_t dlen = ((uint64_t)descsz + 3) & ~3ULL;
    if (!fits(12 + nlen, dlen, left))
      return BAD("%s: PT_NOTE %d: note %d namesz 0x%x descsz 0x%x past the "
                 "segment",
                 p, i, k, namesz, descsz);
    const uint8_t *name = n + 12, *desc = n + 12 + nlen;
    int is_sfi = (namesz == 7 || namesz == 8) &&
                 memcmp(name, "libsfi", 6) == 0 && name[6] == 0 &&
                 (namesz == 7 || name[7] == 0);
    if (is_sfi) {
      if (type != SFI_NOTE_TYPE || descsz != 16)
        return BAD("%s: libsfi note with type 0x%x and descsz %u (want 0x%x, "
                   "16)",
                   p, type, descsz, SFI_NOTE_TYPE);
      uint32_t d[4];
      memcpy(d, desc, 16);
      if (d[0] != SFI_PASS_VERSION)
        return BAD("%s: libsfi note: pass version %u, runtime expects %u", p,
                   d[0], SFI_PASS_VERSION);
      if (d[3] != SFI_ABI_VERSION)
        return BAD("%s: libsfi note: ABI version %u, runtime expects %u", p,
                   d[3], SFI_ABI_VERSION);
      if (d[1] > SFI_MODE_STORES || d[2] > SFI_SCHEME_ANCHOR)
        return BAD("%s: libsfi note: unknown mode %u or scheme %u", p, d[1],
                   d[2]);
      /* 0 means "any" (the crt's own note). Objects of different modes
       * and schemes may be linked together (a full-mode libc in a
       * stores-only program, an anchor-scheme object beside %gs ones: each
       * is safe on its own, and the runtime always sets %gs); the module is
       * only as strong as its weakest object, so stores-only wins. */
      if (d[1] == SFI_MODE_STORES || (d[1] && !e->mode))
        e->mode = d[1];
      if (d[2] && !e->scheme)
        e->scheme = d[2];
      *found = 1;
    }
    n += 12 + nlen + dlen;
    left -= 12 + nlen + dlen;
  }
  return SFI_OK;
}

static int check_phdrs(struct sfi_elf *e, const Elf64_Ehdr *h) {
  const char *p = e->path;
  const Elf64_Phdr *dyn = NULL, *relro = NULL;
  int marker = 0, rc;
  for (int i = 0; i < h->e_phnum; i++) {
    Elf64_Phdr ph;
    memcpy(&ph, e->data + h->e_phoff + (uint64_t)i * sizeof ph, sizeof ph);
    switch (ph.p_type) {
    case PT_LOAD:
      if ((rc = check_load(e, i, &ph)))
        return rc;
      break;
    case PT_DYNAMIC:
      if (dyn)
        return BAD("%s: program header %d: second PT_DYNAMIC", p, i);
      dyn =
          (const Elf64_Phdr *)(e->data + h->e_phoff + (uint64_t)i * sizeof ph);
      break;
    case PT_NOTE:
      if ((rc = check_notes(e, i, &ph, &marker)))
        return rc;
      break;
    case PT_TLS:
      return BAD("%s: program header %d: PT_TLS (thread-local storage) is "
                 "not supported in a sandbox",
                 p, i);
    case PT_INTERP:
      return BAD("%s: program header %d: PT_INTERP: a module is a shared "
                 "object, not an executable",
                 p, i);
    case PT_GNU_RELRO:
      if (relro)
        return BAD("%s: program header %d: second PT_GNU_RELRO", p, i);
      relro =
          (const Elf64_Phdr *)(e->data + h->e_phoff + (uint64_t)i * sizeof ph);
      break;
    case PT_GNU_STACK:
      if (ph.p_flags & PF_X)
        return BAD("%s: program header %d: executable stack requested", p, i);
      break;
    default: /* PT_PHDR, PT_GNU_EH_FRAME, PT_GNU_PROPERTY...: not used */
      break;
    }
  }
  if (!e->nsegs)
    return BAD("%s: no PT_LOAD segment", p);
  if (!marker)
    return BAD("%s: no libsfi marker note (.note.sfi): the module was not "
               "built by the libsfi toolchain",
               p);
  if (!dyn)
    return BAD("%s: no PT_DYNAMIC", p);
  if (relro) {
    Elf64_Phdr r;
    memcpy(&r, relro, sizeof r);
    const struct sfi_seg *s = seg_of(e, r.p_vaddr, r.p_memsz);
    if (!s || !(s->prot & 2) || r.p_memsz == 0)
      return BAD("%s: PT_GNU_RELRO 0x%llx+0x%llx not inside one writable "
                 "segment",
                 p, (unsigned long long)r.p_vaddr,
                 (unsigned long long)r.p_memsz);
    e->relro_start = PAGE_DOWN(r.p_vaddr);
    e->relro_end = PAGE_DOWN(r.p_vaddr + r.p_memsz);
    if (e->relro_start < s->start)
      e->relro_start = s->start;
  }
  Elf64_Phdr d;
  memcpy(&d, dyn, sizeof d);
  if (d.p_filesz % sizeof(Elf64_Dyn) || !at_vaddr(e, d.p_vaddr, d.p_filesz))
    return BAD("%s: PT_DYNAMIC 0x%llx+0x%llx not inside a loaded segment's "
               "file data",
               p, (unsigned long long)d.p_vaddr,
               (unsigned long long)d.p_filesz);
  return SFI_OK;
}

/* Number of dynamic symbols from DT_GNU_HASH: the highest index reached by
 * any bucket chain, plus one. */
static int gnu_hash_count(struct sfi_elf *e, uint64_t vaddr, uint32_t *out) {
  const uint8_t *h = at_vaddr(e, vaddr, 16);
  if (!h)
    return BAD("%s: DT_GNU_HASH 0x%llx outside the file", e->path,
               (unsigned long long)vaddr);
  uint32_t nb, symoff, bloom;
  memcpy(&nb, h, 4);
  memcpy(&symoff, h + 4, 4);
  memcpy(&bloom, h + 8, 4);
  uint64_t buckets = vaddr + 16 + (uint64_t)bloom * 8;
  const uint8_t *b = at_vaddr(e, buckets, (uint64_t)nb * 4);
  if (!b || nb > SYM_MAX || bloom > SYM_MAX)
    return BAD("%s: DT_GNU_HASH: %u buckets / %u bloom words outside the file",
               e->path, nb, bloom);
  uint32_t max = 0;
  for (uint32_t i = 0; i < nb; i++) {
    uint32_t v;
    memcpy(&v, b + 4 * (uint64_t)i, 4);
    if (v > max)
      max = v;
  }
  if (max == 0) {
    *out = symoff;
    return SFI_OK;
  }
  if (max < symoff || max > SYM_MAX)
    return BAD("%s: DT_GNU_HASH: bucket value %u invalid", e->path, max);
  uint64_t chains = buckets + (uint64_t)nb * 4;
  for (;;) {
    const uint8_t *c = at_vaddr(e, chains + 4ULL * (max - symoff), 4);
    if (!c || max > SYM_MAX)
      return BAD("%s: DT_GNU_HASH chain runs outside the file", e->path);
    uint32_t v;
    memcpy(&v, c, 4);
    if (v & 1)
      break;
    max++;
  }
  *out = max + 1;
  return SFI_OK;
}

static int check_sym(const struct sfi_elf *e, const char *what,
                     const uint8_t *tab, uint64_t idx, const char *str,
                     uint64_t strsz, Elf64_Sym *out) {
  memcpy(out, tab + idx * sizeof(Elf64_Sym), sizeof *out);
  /* A table that ends in NUL terminates every name inside it: O(1) per
   * symbol (review2: a memchr per symbol over a huge table was quadratic). */
  if (out->st_name >= strsz ||
      (str[strsz - 1] != 0 &&
       !memchr(str + out->st_name, 0, strsz - out->st_name)))
    return BAD("%s: %s symbol %llu: name offset 0x%x outside the string "
               "table (size 0x%llx)",
               e->path, what, (unsigned long long)idx, out->st_name,
               (unsigned long long)strsz);
  int type = ELF64_ST_TYPE(out->st_info);
  if (type == STT_TLS || type == STT_GNU_IFUNC)
    return BAD("%s: %s symbol '%s': type %d (TLS/IFUNC) not supported", e->path,
               what, str + out->st_name, type);
  if (out->st_shndx != SHN_UNDEF && out->st_shndx != SHN_ABS && idx != 0 &&
      type != STT_SECTION && type != STT_FILE && out->st_value > e->image_size)
    return BAD("%s: %s symbol '%s': value 0x%llx outside the image (size "
               "0x%llx)",
               e->path, what, str + out->st_name,
               (unsigned long long)out->st_value,
               (unsigned long long)e->image_size);
  return SFI_OK;
}

/* What the dynamic section says, for check_dynamic. */
struct dyn_tags {
  uint64_t strtab, strsz, symtab, syment, rela, relasz, relaent, jmprel, pltsz,
      pltrel, hash, gnuhash, init, initsz;
  int have_strtab, have_symtab, have_init;
};

/* Reads the PT_DYNAMIC entries up to DT_NULL into *t, refusing the tags a
 * module may not have. */
static int read_dynamic(struct sfi_elf *e, const Elf64_Ehdr *h,
                        struct dyn_tags *t) {
  const char *p = e->path;
  Elf64_Phdr d;
  for (int i = 0; i < h->e_phnum; i++) {
    memcpy(&d, e->data + h->e_phoff + (uint64_t)i * sizeof d, sizeof d);
    if (d.p_type == PT_DYNAMIC)
      break;
  }
  const uint8_t *dyn = at_vaddr(e, d.p_vaddr, d.p_filesz);
  uint64_t n = d.p_filesz / sizeof(Elf64_Dyn);
  *t = (struct dyn_tags){.relaent = sizeof(Elf64_Rela), .pltrel = DT_RELA};
  for (uint64_t k = 0; k < n; k++) {
    if (k == DYN_MAX)
      return BAD("%s: more than %d dynamic entries", p, DYN_MAX);
    Elf64_Dyn de;
    memcpy(&de, dyn + k * sizeof de, sizeof de);
    uint64_t v = de.d_un.d_val;
    switch (de.d_tag) {
    case DT_NULL:
      return SFI_OK;
    case DT_NEEDED:
      return BAD("%s: dynamic entry %llu: DT_NEEDED: a module may not depend "
                 "on other shared libraries",
                 p, (unsigned long long)k);
    case DT_TEXTREL:
      return BAD("%s: dynamic entry %llu: DT_TEXTREL (text relocations)", p,
                 (unsigned long long)k);
    case DT_FLAGS:
      if (v & DF_TEXTREL)
        return BAD("%s: dynamic entry %llu: DF_TEXTREL (text relocations)", p,
                   (unsigned long long)k);
      break;
    case DT_INIT:
      return BAD("%s: dynamic entry %llu: DT_INIT is not supported (use "
                 "DT_INIT_ARRAY)",
                 p, (unsigned long long)k);
    case DT_STRTAB:
      t->strtab = v;
      t->have_strtab = 1;
      break;
    case DT_STRSZ:
      t->strsz = v;
      break;
    case DT_SYMTAB:
      t->symtab = v;
      t->have_symtab = 1;
      break;
    case DT_SYMENT:
      t->syment = v;
      break;
    case DT_RELA:
      t->rela = v;
      break;
    case DT_RELASZ:
      t->relasz = v;
      break;
    case DT_RELAENT:
      t->relaent = v;
      break;
    case DT_JMPREL:
      t->jmprel = v;
      break;
    case DT_PLTRELSZ:
      t->pltsz = v;
      break;
    case DT_PLTREL:
      t->pltrel = v;
      break;
    case DT_HASH:
      t->hash = v;
      break;
    case DT_GNU_HASH:
      t->gnuhash = v;
      break;
    case DT_INIT_ARRAY:
      t->init = v;
      t->have_init = 1;
      break;
    case DT_INIT_ARRAYSZ:
      t->initsz = v;
      break;
    case DT_REL:
    case DT_RELSZ:
    case DT_RELR:
    case DT_RELRSZ:
      return BAD("%s: dynamic entry %llu: tag 0x%llx (REL/RELR relocations) "
                 "not supported",
                 p, (unsigned long long)k, (unsigned long long)de.d_tag);
    default:
      break; /* DT_FLAGS_1, DT_RELACOUNT, DT_FINI_ARRAY...: unused */
    }
  }
  return BAD("%s: dynamic section not terminated by DT_NULL", p);
}

/* The dynamic string and symbol tables, sized by DT_HASH or DT_GNU_HASH:
 * sets e->dynstr, dynstrsz, dynsym, ndynsym. */
static int check_dyn_symtab(struct sfi_elf *e, const struct dyn_tags *t) {
  const char *p = e->path;
  uint64_t strtab = t->strtab, strsz = t->strsz, symtab = t->symtab;
  if (!t->have_strtab || !t->have_symtab)
    return BAD("%s: DT_STRTAB or DT_SYMTAB missing", p);
  if (t->syment != sizeof(Elf64_Sym))
    return BAD("%s: DT_SYMENT %llu is not %zu", p,
               (unsigned long long)t->syment, sizeof(Elf64_Sym));
  if (t->relaent != sizeof(Elf64_Rela))
    return BAD("%s: DT_RELAENT %llu is not %zu", p,
               (unsigned long long)t->relaent, sizeof(Elf64_Rela));
  if (t->pltrel != DT_RELA)
    return BAD("%s: DT_PLTREL %llu is not DT_RELA", p,
               (unsigned long long)t->pltrel);
  if (strsz == 0 || !(e->dynstr = (const char *)at_vaddr(e, strtab, strsz)) ||
      e->dynstr[strsz - 1] != 0)
    return BAD("%s: DT_STRTAB 0x%llx + DT_STRSZ 0x%llx outside the file or "
               "not NUL-terminated",
               p, (unsigned long long)strtab, (unsigned long long)strsz);
  e->dynstrsz = strsz;
  uint32_t nsym = 0;
  if (t->hash) {
    const uint8_t *hh = at_vaddr(e, t->hash, 8);
    if (!hh)
      return BAD("%s: DT_HASH 0x%llx outside the file", p,
                 (unsigned long long)t->hash);
    memcpy(&nsym, hh + 4, 4);
  } else if (t->gnuhash) {
    int rc = gnu_hash_count(e, t->gnuhash, &nsym);
    if (rc)
      return rc;
  } else {
    return BAD("%s: neither DT_HASH nor DT_GNU_HASH: cannot size the dynamic "
               "symbol table",
               p);
  }
  if (nsym > SYM_MAX ||
      !(e->dynsym = at_vaddr(e, symtab, (uint64_t)nsym * sizeof(Elf64_Sym))))
    return BAD("%s: dynamic symbol table 0x%llx with %u symbols outside the "
               "file (max %u)",
               p, (unsigned long long)symtab, nsym, SYM_MAX);
  e->ndynsym = nsym;
  return SFI_OK;
}

/* The relocation tables and DT_INIT_ARRAY: sets e->rela, jmprel, nrela,
 * njmprel, init_array, init_array_n. */
static int check_dyn_relocs(struct sfi_elf *e, const struct dyn_tags *t) {
  const char *p = e->path;
  uint64_t relasz = t->relasz, pltsz = t->pltsz;
  if (relasz % sizeof(Elf64_Rela) || pltsz % sizeof(Elf64_Rela) ||
      relasz / sizeof(Elf64_Rela) + pltsz / sizeof(Elf64_Rela) > RELOC_MAX)
    return BAD("%s: DT_RELASZ 0x%llx / DT_PLTRELSZ 0x%llx not a multiple of "
               "%zu or too many relocations (max %u)",
               p, (unsigned long long)relasz, (unsigned long long)pltsz,
               sizeof(Elf64_Rela), RELOC_MAX);
  if (relasz && !(e->rela = at_vaddr(e, t->rela, relasz)))
    return BAD("%s: DT_RELA 0x%llx + 0x%llx outside the file", p,
               (unsigned long long)t->rela, (unsigned long long)relasz);
  if (pltsz && !(e->jmprel = at_vaddr(e, t->jmprel, pltsz)))
    return BAD("%s: DT_JMPREL 0x%llx + 0x%llx outside the file", p,
               (unsigned long long)t->jmprel, (unsigned long long)pltsz);
  e->nrela = relasz / sizeof(Elf64_Rela);
  e->njmprel = pltsz / sizeof(Elf64_Rela);
  uint64_t init = t->init, initsz = t->initsz;
  if (t->have_init && initsz) {
    const struct sfi_seg *s = seg_of(e, init, initsz);
    if (initsz % 8 || initsz / 8 > INIT_MAX || init % 8 || !s)
      return BAD("%s: DT_INIT_ARRAY 0x%llx size 0x%llx misaligned, too big "
                 "or outside the image",
                 p, (unsigned long long)init, (unsigned long long)initsz);
    e->init_array = init;
    e->init_array_n = initsz / 8;
  }
  return SFI_OK;
}

/* Every dynamic symbol must be well formed; undefined ones are imports
 * (e->undefs), functions only. */
static int check_dyn_symbols(struct sfi_elf *e) {
  const char *p = e->path;
  uint32_t nsym = e->ndynsym;
  e->undefs = calloc(nsym ? nsym : 1, sizeof *e->undefs);
  if (!e->undefs)
    return sfi__err(SFI_ERR_NOMEM, "%s: out of memory", p);
  for (uint32_t i = 1; i < nsym; i++) {
    Elf64_Sym s;
    int rc = check_sym(e, "dynamic", e->dynsym, i, e->dynstr, e->dynstrsz, &s);
    if (rc)
      return rc;
    if (s.st_shndx == SHN_UNDEF) {
      const char *name = e->dynstr + s.st_name;
      int type = ELF64_ST_TYPE(s.st_info);
      if (type == STT_OBJECT || type == STT_COMMON)
        return BAD("%s: undefined data symbol '%s': data imports are not "
                   "allowed, only functions",
                   p, name);
      if (!*name)
        return BAD("%s: dynamic symbol %u: undefined with an empty name", p, i);
      e->undefs[e->nundefs++] = (struct sfi_undef){i, name, -1};
    }
  }
  return SFI_OK;
}

static int check_dynamic(struct sfi_elf *e, const Elf64_Ehdr *h) {
  struct dyn_tags t;
  int rc = read_dynamic(e, h, &t);
  if (!rc)
    rc = check_dyn_symtab(e, &t);
  if (!rc)
    rc = check_dyn_relocs(e, &t);
  if (!rc)
    rc = check_dyn_symbols(e);
  return rc;
}

static int by_str(const void *a, const void *b) {
  return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* names: the imports' names, sorted (review2: a linear scan per symbol was
 * quadratic in the number of symbols). */
static int is_import(const char **names, uint32_t n, const char *name) {
  return bsearch(&name, names, n, sizeof *names, by_str) != NULL;
}

/* The loader checks constructors, jump-table targets and undefined symbols
 * against .symtab (function starts), and so will the binary verifier: a
 * module without one (linked with -s, or stripped) is refused. */
static int no_symtab(const struct sfi_elf *e) {
  return BAD("%s: module has no symbol table: rebuild without -s (the "
             "loader needs .symtab to check function starts)",
             e->path);
}

static int check_symtab(struct sfi_elf *e, const Elf64_Ehdr *h) {
  const char *p = e->path;
  if (h->e_shoff == 0 || h->e_shnum == 0)
    return no_symtab(e);
  if (h->e_shentsize != sizeof(Elf64_Shdr) || h->e_shnum > SHNUM_MAX ||
      h->e_shoff % 8 ||
      !fits(h->e_shoff, (uint64_t)h->e_shnum * sizeof(Elf64_Shdr), e->size))
    return BAD("%s: section headers at e_shoff 0x%llx (%u of %u bytes) "
               "outside the file (size 0x%zx) or malformed",
               p, (unsigned long long)h->e_shoff, h->e_shnum, h->e_shentsize,
               e->size);
  for (unsigned i = 0; i < h->e_shnum; i++) {
    Elf64_Shdr s, l;
    memcpy(&s, e->data + h->e_shoff + i * sizeof s, sizeof s);
    if (s.sh_type != SHT_SYMTAB)
      continue;
    if (s.sh_entsize != sizeof(Elf64_Sym) || s.sh_link >= h->e_shnum ||
        !fits(s.sh_offset, s.sh_size, e->size) ||
        s.sh_size % sizeof(Elf64_Sym) ||
        s.sh_size / sizeof(Elf64_Sym) > SYM_MAX)
      return BAD("%s: section %u (.symtab): offset 0x%llx size 0x%llx "
                 "entsize %llu link %u invalid",
                 p, i, (unsigned long long)s.sh_offset,
                 (unsigned long long)s.sh_size,
                 (unsigned long long)s.sh_entsize, s.sh_link);
    memcpy(&l, e->data + h->e_shoff + s.sh_link * sizeof l, sizeof l);
    if (l.sh_type != SHT_STRTAB || l.sh_size == 0 ||
        !fits(l.sh_offset, l.sh_size, e->size) ||
        e->data[l.sh_offset + l.sh_size - 1] != 0)
      return BAD("%s: section %u: string table of .symtab (offset 0x%llx size "
                 "0x%llx) invalid",
                 p, s.sh_link, (unsigned long long)l.sh_offset,
                 (unsigned long long)l.sh_size);
    e->symtab = e->data + s.sh_offset;
    e->nsymtab = s.sh_size / sizeof(Elf64_Sym);
    e->symstr = (const char *)e->data + l.sh_offset;
    e->symstrsz = l.sh_size;
    const char **names = malloc(sizeof *names * (e->nundefs + 1));
    if (!names)
      return sfi__err(SFI_ERR_NOMEM, "%s: out of memory", p);
    for (uint32_t u = 0; u < e->nundefs; u++)
      names[u] = e->undefs[u].name;
    qsort(names, e->nundefs, sizeof *names, by_str);
    int rc = SFI_OK;
    for (uint64_t k = 1; k < e->nsymtab && rc == SFI_OK; k++) {
      Elf64_Sym sym;
      rc = check_sym(e, ".symtab", e->symtab, k, e->symstr, e->symstrsz, &sym);
      if (rc)
        break;
      /* An undefined symbol that is not an import (a hidden or local weak
       * reference) was resolved by the linker to address 0 with no
       * relocation: a pointer outside the region. */
      const char *name = e->symstr + sym.st_name;
      if (sym.st_shndx == SHN_UNDEF && *name &&
          !is_import(names, e->nundefs, name))
        rc = BAD("%s: symbol '%s' is undefined and not an import (an "
                 "undefined weak or hidden reference resolves to address "
                 "0, outside the sandbox)",
                 p, name);
    }
    free(names);
    if (rc)
      return rc;
    break;
  }
  return e->symtab ? SFI_OK : no_symtab(e);
}

int sfi__elf_parse(struct sfi_elf *e) {
  Elf64_Ehdr h;
  if (e->size > FILE_MAX)
    return BAD("%s: file too big (%zu bytes, max %llu)", e->path, e->size,
               FILE_MAX);
  if (e->size < sizeof h)
    return BAD("%s: file too small for an ELF header (%zu bytes)", e->path,
               e->size);
  memcpy(&h, e->data, sizeof h);
  int rc;
  if ((rc = check_ehdr(e, &h)) || (rc = check_phdrs(e, &h)) ||
      (rc = check_dynamic(e, &h)) || (rc = check_symtab(e, &h)))
    return rc;
  return SFI_OK;
}

const struct sfi_undef *sfi__elf_undef(const struct sfi_elf *e, uint32_t idx) {
  /* undefs are in increasing symbol order: binary search */
  uint32_t lo = 0, hi = e->nundefs;
  while (lo < hi) {
    uint32_t mid = (lo + hi) / 2;
    if (e->undefs[mid].symidx == idx)
      return &e->undefs[mid];
    if (e->undefs[mid].symidx < idx)
      lo = mid + 1;
    else
      hi = mid;
  }
  return NULL;
}

/* A relocated value image + v must stay inside the region, so that no
 * pointer the loader writes (a GOT entry may be a call target) leads out. */
static int in_region(const struct sfi_elf *e, const char *table, uint64_t k,
                     uint64_t v) {
  int64_t sv = (int64_t)v;
  if (sv < -(int64_t)SFI_IMAGE_OFFSET ||
      sv >= (int64_t)(SFI_REGION_SIZE - SFI_IMAGE_OFFSET))
    return BAD("%s: %s relocation %llu: value image%+lld outside the region",
               e->path, table, (unsigned long long)k, (long long)sv);
  return SFI_OK;
}

static int one_reloc(struct sfi_elf *e, const char *table, uint64_t k,
                     const Elf64_Rela *r, const uint64_t *import_off,
                     struct sfi_reloc *out, int *skip) {
  const char *p = e->path;
  uint32_t type = ELF64_R_TYPE(r->r_info), sym = ELF64_R_SYM(r->r_info);
  *skip = 0;
  if (type == R_X86_64_NONE) {
    *skip = 1;
    return SFI_OK;
  }
  if (type != R_X86_64_RELATIVE && type != R_X86_64_64 &&
      type != R_X86_64_GLOB_DAT && type != R_X86_64_JUMP_SLOT)
    return BAD("%s: %s relocation %llu: type %u not supported (only RELATIVE, "
               "64, GLOB_DAT, JUMP_SLOT)",
               p, table, (unsigned long long)k, type);
  const struct sfi_seg *s = seg_of(e, r->r_offset, 8);
  if (!s || !(s->prot & 2))
    return BAD("%s: %s relocation %llu: target 0x%llx not inside a writable "
               "segment",
               p, table, (unsigned long long)k,
               (unsigned long long)r->r_offset);
  /* Inside RELRO or outside it, never across its start or end: a reused
   * region relocates only the part outside RELRO (instance.c), and a write
   * spilling into read-only RELRO would fault in the host (review life4). */
  if (e->relro_end > e->relro_start && r->r_offset < e->relro_end &&
      r->r_offset + 8 > e->relro_start &&
      (r->r_offset < e->relro_start || r->r_offset + 8 > e->relro_end))
    return BAD("%s: %s relocation %llu: target 0x%llx straddles the RELRO "
               "boundary",
               p, table, (unsigned long long)k,
               (unsigned long long)r->r_offset);
  /* GOT entries are call targets: they must be read-only for the sandbox. */
  if ((type == R_X86_64_GLOB_DAT || type == R_X86_64_JUMP_SLOT) &&
      (r->r_offset < e->relro_start || r->r_offset + 8 > e->relro_end))
    return BAD("%s: %s relocation %llu: GOT entry 0x%llx not inside RELRO "
               "(link with -z relro -z now)",
               p, table, (unsigned long long)k,
               (unsigned long long)r->r_offset);
  out->off = r->r_offset;
  if (type == R_X86_64_RELATIVE) {
    if (sym != 0)
      return BAD("%s: %s relocation %llu: RELATIVE with symbol %u", p, table,
                 (unsigned long long)k, sym);
    out->kind = RK_BASE;
    out->v = (uint64_t)r->r_addend;
    return in_region(e, table, k, out->v);
  }
  if (sym == 0 || sym >= e->ndynsym)
    return BAD("%s: %s relocation %llu: symbol index %u outside the dynamic "
               "symbol table (%u symbols)",
               p, table, (unsigned long long)k, sym, e->ndynsym);
  Elf64_Sym st;
  memcpy(&st, e->dynsym + (uint64_t)sym * sizeof st, sizeof st);
  const char *name = e->dynstr + st.st_name;
  if (st.st_shndx == SHN_UNDEF) {
    if (type == R_X86_64_64)
      return BAD("%s: %s relocation %llu: R_X86_64_64 against import '%s': "
                 "imports may only be called, not used as data",
                 p, table, (unsigned long long)k, name);
    if (r->r_addend != 0)
      return BAD("%s: %s relocation %llu: addend %lld on import '%s' (must "
                 "be 0: an import is called at its thunk's entry)",
                 p, table, (unsigned long long)k, (long long)r->r_addend, name);
    const struct sfi_undef *u = sfi__elf_undef(e, sym);
    if (!u || u->import < 0)
      return sfi__err(SFI_ERR_IMPORT, "%s: import '%s' not resolved", p, name);
    /* The region's import stub for it (see loader.c), never a host
     * address: a GOT entry misused as a data pointer stays in the region. */
    out->kind = RK_BASE;
    out->v = import_off[u->import];
    return SFI_OK;
  }
  if (st.st_shndx == SHN_ABS)
    return BAD("%s: %s relocation %llu: against absolute symbol '%s'", p, table,
               (unsigned long long)k, name);
  out->kind = RK_BASE;
  out->v = st.st_value + (uint64_t)r->r_addend;
  return in_region(e, table, k, out->v);
}

static int by_reloc_off(const void *a, const void *b) {
  uint64_t x = ((const struct sfi_reloc *)a)->off;
  uint64_t y = ((const struct sfi_reloc *)b)->off;
  return x < y ? -1 : x > y;
}

int sfi__elf_relocs(struct sfi_elf *e, const uint64_t *import_off,
                    struct sfi_reloc **out, size_t *nout) {
  uint64_t total = e->nrela + e->njmprel;
  struct sfi_reloc *v = calloc(total ? total : 1, sizeof *v);
  if (!v)
    return sfi__err(SFI_ERR_NOMEM, "%s: out of memory", e->path);
  size_t n = 0;
  for (int t = 0; t < 2; t++) {
    const uint8_t *tab = t ? e->jmprel : e->rela;
    uint64_t cnt = t ? e->njmprel : e->nrela;
    for (uint64_t k = 0; k < cnt; k++) {
      Elf64_Rela r;
      int skip, rc;
      memcpy(&r, tab + k * sizeof r, sizeof r);
      if ((rc = one_reloc(e, t ? "PLT" : "dynamic", k, &r, import_off, &v[n],
                          &skip))) {
        free(v);
        return rc;
      }
      n += !skip;
    }
  }
  /* Each 8-byte slot gets at most one relocation and slots never overlap:
   * what the verifier reads (one value per slot) is what instances get
   * (review: two relocations on a table bound). */
  qsort(v, n, sizeof *v, by_reloc_off);
  for (size_t i = 1; i < n; i++)
    if (v[i].off < v[i - 1].off + 8) {
      uint64_t a = v[i - 1].off, b = v[i].off;
      free(v);
      return sfi__err(SFI_ERR_BADMODULE,
                      "%s: relocations at 0x%llx and 0x%llx overlap",
                      e->path, (unsigned long long)a, (unsigned long long)b);
    }
  *out = v;
  *nout = n;
  return SFI_OK;
}

void sfi__elf_free(struct sfi_elf *e) {
  free(e->undefs);
  e->undefs = NULL;
}
