/* loader.c: sfi_module_load. Validates the file (elf_check.c), binds every
 * import to a thunk, keeps the image in a memfd laid out by virtual address
 * so that instances map it (code shared, data copy-on-write), and indexes
 * the exports and function symbols. One cleanup path for every failure. */
#include <elf.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "sfi_elf.h"
#include "verify.h"

static int by_name(const void *a, const void *b) {
  return strcmp(((const struct sfi_sym *)a)->name,
                ((const struct sfi_sym *)b)->name);
}

static int by_value(const void *a, const void *b) {
  uint64_t x = ((const struct sfi_sym *)a)->value;
  uint64_t y = ((const struct sfi_sym *)b)->value;
  return x < y ? -1 : x > y;
}

static int by_u64(const void *a, const void *b) {
  uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
  return x < y ? -1 : x > y;
}

void sfi__sig_count(const char *sig, int *ng, int *nx) {
  *ng = *nx = 0;
  for (const char *s = sig; *s && *s != ':'; s++)
    if (*s == 'f' || *s == 'd')
      ++*nx;
    else
      ++*ng;
}

int sfi__valid_sig(const char *sig) {
  const char *c = strchr(sig, ':');
  if (!c || c - sig > SFI_MAX_ARGS || strchr(c + 1, ':'))
    return 0;
  for (const char *s = sig; s < c; s++)
    if (!strchr("iIpfd", *s))
      return 0;
  int ng, nx;
  sfi__sig_count(sig, &ng, &nx);
  /* Imports take their arguments in registers only: the sandbox passes
   * nothing on the native stack, so a host function with stack arguments
   * would read above the sandbox's frames (review). */
  if (ng > 6 || nx > 8)
    return 0;
  return c[1] && !c[2] && strchr("iIpfdv", c[1]);
}

static int resolve_imports(sfi_module *m, struct sfi_elf *e,
                           const sfi_import *imports, void ***fns) {
  void **v = calloc(e->nundefs ? e->nundefs : 1, sizeof *v);
  if (!v)
    return sfi__err(SFI_ERR_NOMEM, "%s: out of memory", m->name);
  for (const sfi_import *im = imports; im && im->name; im++)
    if (!im->fn || !im->sig || !sfi__valid_sig(im->sig) ||
        strncmp(im->name, "__sfi_", 6) == 0) {
      free(v);
      return sfi__err(SFI_ERR_INVALID,
                      "import '%s': NULL function, bad "
                      "signature '%s' or reserved __sfi_ name",
                      im->name, im->sig ? im->sig : "(null)");
    }
  for (uint32_t i = 0; i < e->nundefs; i++) {
    const char *n = e->undefs[i].name;
    void *fn = NULL;
    if (strncmp(n, SFI_SYS_PREFIX, strlen(SFI_SYS_PREFIX)) == 0)
      fn = sfi__sys_lookup(n + strlen(SFI_SYS_PREFIX));
    else if (strncmp(n, "__sfi_libm_", 11) == 0)
      fn = sfi__libm_lookup(n + 11);
    else
      for (const sfi_import *im = imports; im && im->name; im++)
        if (strcmp(im->name, n) == 0) {
          fn = im->fn;
          break;
        }
    if (!fn) {
      free(v);
      return sfi__err(SFI_ERR_IMPORT,
                      "%s: import '%s' is not granted by the "
                      "host nor part of the system interface",
                      m->name, n);
    }
    v[i] = fn;
    e->undefs[i].import = (int)i;
  }
  *fns = v;
  return SFI_OK;
}

static const struct sfi_seg *mseg(const sfi_module *m, uint64_t off,
                                  uint64_t len) {
  for (int i = 0; i < m->nsegs; i++)
    if (off >= m->segs[i].vaddr && len <= m->segs[i].memsz &&
        off - m->segs[i].vaddr <= m->segs[i].memsz - len)
      return &m->segs[i];
  return NULL;
}

static int index_symbols(sfi_module *m, struct sfi_elf *e) {
  size_t dl = e->dynstrsz, sl = e->symstrsz;
  m->strs = malloc(dl + sl + 1);
  m->exports = calloc(e->ndynsym ? e->ndynsym : 1, sizeof *m->exports);
  uint64_t nf = e->symtab ? e->nsymtab : e->ndynsym;
  m->funcs = calloc(nf ? nf : 1, sizeof *m->funcs);
  if (!m->strs || !m->exports || !m->funcs)
    return sfi__err(SFI_ERR_NOMEM, "%s: out of memory", m->name);
  memcpy(m->strs, e->dynstr, dl);
  if (sl)
    memcpy(m->strs + dl, e->symstr, sl);
  for (uint32_t i = 1; i < e->ndynsym; i++) {
    Elf64_Sym s;
    memcpy(&s, e->dynsym + (uint64_t)i * sizeof s, sizeof s);
    int bind = ELF64_ST_BIND(s.st_info), type = ELF64_ST_TYPE(s.st_info);
    if (s.st_shndx == SHN_UNDEF || s.st_shndx == SHN_ABS ||
        (bind != STB_GLOBAL && bind != STB_WEAK) ||
        (type != STT_FUNC && type != STT_OBJECT && type != STT_NOTYPE))
      continue;
    m->exports[m->nexports++] =
        (struct sfi_sym){s.st_value, s.st_size, m->strs + s.st_name};
  }
  qsort(m->exports, m->nexports, sizeof *m->exports, by_name);
  const uint8_t *tab = e->symtab ? e->symtab : e->dynsym;
  const char *base = e->symtab ? m->strs + dl : m->strs;
  for (uint64_t i = 1; i < nf; i++) {
    Elf64_Sym s;
    memcpy(&s, tab + i * sizeof s, sizeof s);
    if (ELF64_ST_TYPE(s.st_info) != STT_FUNC || s.st_shndx == SHN_UNDEF)
      continue;
    const struct sfi_seg *sg = mseg(m, s.st_value, 1);
    if (!sg || !(sg->prot & 4))
      continue;
    m->funcs[m->nfuncs++] =
        (struct sfi_sym){s.st_value, s.st_size, base + s.st_name};
  }
  qsort(m->funcs, m->nfuncs, sizeof *m->funcs, by_value);
  m->efuncs = calloc(m->nexports ? m->nexports : 1, sizeof *m->efuncs);
  if (!m->efuncs)
    return sfi__err(SFI_ERR_NOMEM, "%s: out of memory", m->name);
  /* The host enters a module only at a function start the verifier began
   * a unit at (an exported const array placed in .text could hide code
   * behind an instruction the verifier decoded differently: review). */
  for (size_t i = 0; i < m->nexports; i++) {
    const struct sfi_seg *sg = mseg(m, m->exports[i].value, 1);
    if (sg && (sg->prot & 4) && sfi__is_func_start(m, m->exports[i].value))
      m->efuncs[m->nefuncs++] = m->exports[i].value;
  }
  qsort(m->efuncs, m->nefuncs, sizeof *m->efuncs, by_u64);
  return SFI_OK;
}

/* The crt's and the pass's module-level symbols, checked to lie where the
 * runtime will write or read them. */
/* *off = export name's offset, an 8-byte variable in a writable segment
 * outside RELRO; else the loader's error. */
static int writable_var(sfi_module *m, const char *name, uint64_t *off) {
  const struct sfi_sym *s = sfi__export(m, name);
  const struct sfi_seg *sg;
  if (!s || !(sg = mseg(m, s->value, 8)) || !(sg->prot & 2) ||
      (s->value + 8 > m->relro_start && s->value < m->relro_end))
    return sfi__err(SFI_ERR_BADMODULE,
                    "%s: export %s missing or not an "
                    "8-byte writable variable (link the libsfi crt first)",
                    m->name, name);
  *off = s->value;
  return SFI_OK;
}

static int find_specials(sfi_module *m) {
  const struct sfi_sym *s;
  int rc;
  if ((rc = writable_var(m, SFI_SYM_SSP, &m->ssp_off)) != SFI_OK ||
      (rc = writable_var(m, SFI_SYM_SSP_LIMIT, &m->ssp_limit_off)) != SFI_OK)
    return rc;
  s = sfi__export(m, SFI_SYM_JT_BOUNDS);
  if (!s || !mseg(m, s->value, 16))
    return sfi__err(SFI_ERR_BADMODULE,
                    "%s: export %s missing or outside "
                    "the image (link the libsfi crt first)",
                    m->name, SFI_SYM_JT_BOUNDS);
  m->jt_bounds_off = s->value;
  s = sfi__export(m, SFI_SYM_CB_SLOTS);
  if (s) {
    uint64_t len = 8 * SFI_CALLBACK_SLOTS;
    if (!mseg(m, s->value, len) || s->value < m->relro_start ||
        s->value + len > m->relro_end || (s->value & 7))
      return sfi__err(SFI_ERR_BADMODULE,
                      "%s: %s at 0x%llx is not inside the "
                      "RELRO segment",
                      m->name, SFI_SYM_CB_SLOTS, (unsigned long long)s->value);
    m->cb_slots_off = s->value;
  }
  s = sfi__export(m, SFI_SYM_START);
  if (s && sfi__is_func_start(m, s->value))
    m->start_off = s->value;
  return SFI_OK;
}

/* The import thunks live in the region, mapped read+exec after the image
 * in every instance (one shared memfd page): thunk i checks the native
 * stack headroom and jumps to host function i (see thunk.c). GOT entries
 * point at them, so every pointer the loader gives the sandbox lies inside
 * its region, and a call out costs one indirect jump more than a native
 * call through a pointer. Their place is fixed first (relocations point at
 * them); their code is written once the verifier has said which state the
 * module's code can touch (emit_stubs). */
/* A runtime import that returns a long double on the x87 stack (the
 * module pops it): libm's long double variants, strtold. A module
 * importing one gets the x87 handling of the transitions even without x87
 * code of its own (review call4). */
static int returns_long_double(const char *name) {
  if (strncmp(name, "__sfi_libm_", 11) == 0)
    return sfi__libm_x87(name + 11);
  return strcmp(name, SFI_SYS_PREFIX "strtold") == 0;
}

static int place_stubs(sfi_module *m, uint32_t n) {
  m->stub_off = m->image_size;
  if (!n)
    return SFI_OK;
  m->stub_size = PAGE_UP(SFI_STUB_SIZE * (uint64_t)n + 8);
  m->stubs = malloc(m->stub_size);
  if (!m->stubs)
    return SFI_ERR_NOMEM;
  memset(m->stubs, 0xcc, m->stub_size);
  m->image_size += m->stub_size;
  return SFI_OK;
}

static void emit_stubs(sfi_module *m, void *const *fns,
                       const struct sfi_undef *undefs, uint32_t n) {
  if (!n)
    return;
  uint64_t consts = m->stub_size - 8; /* the host's FP control values */
  int x87 = (m->uses & SFI_USES_X87) != 0;
  sfi__thunk_consts(m->stubs + consts);
  for (uint32_t i = 0; i < n; i++) {
    uint8_t *t = m->stubs + SFI_STUB_SIZE * (uint64_t)i;
    /* Host-granted imports get the host's FP environment; the system
     * interface and libm run under the sandbox's, as natively. */
    if (strncmp(undefs[i].name, "__sfi_", 6) == 0)
      sfi__thunk_emit_plain(t, fns[i], x87);
    else
      sfi__thunk_emit(t, fns[i],
                      (int64_t)(consts - SFI_STUB_SIZE * (uint64_t)i), x87);
  }
}

int sfi__is_func_start(const sfi_module *m, uint64_t off) {
  size_t lo = 0, hi = m->nfuncs;
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    if (m->funcs[mid].value == off)
      return 1;
    if (m->funcs[mid].value < off)
      lo = mid + 1;
    else
      hi = mid;
  }
  return 0;
}

static int make_memfd(sfi_module *m, const struct sfi_elf *e) {
  int fd = memfd_create("sfi-module", MFD_CLOEXEC | MFD_ALLOW_SEALING);
  if (fd < 0)
    return sfi__err(SFI_ERR_NOMEM, "%s: memfd_create: %s", m->name,
                    strerror(errno));
  /* Never 0, 1 or 2: a host started with stdio closed would otherwise
   * hand the image to the sandbox as its stdout. */
  m->memfd = fd < 3 ? fcntl(fd, F_DUPFD_CLOEXEC, 3) : fd;
  if (fd < 3)
    close(fd);
  if (m->memfd < 0)
    return sfi__err(SFI_ERR_NOMEM, "%s: memfd: %s", m->name, strerror(errno));
  if (ftruncate(m->memfd, (off_t)m->image_size) != 0)
    return sfi__err(SFI_ERR_NOMEM, "%s: ftruncate memfd: %s", m->name,
                    strerror(errno));
  for (int i = 0; i < m->nsegs; i++) {
    const struct sfi_seg *s = &m->segs[i];
    const uint8_t *src = e->data + s->offset;
    uint64_t done = 0;
    while (done < s->filesz) {
      ssize_t w = pwrite(m->memfd, src + done, s->filesz - done,
                         (off_t)(s->vaddr + done));
      if (w <= 0)
        return sfi__err(SFI_ERR_NOMEM, "%s: writing memfd: %s", m->name,
                        strerror(errno));
      done += (uint64_t)w;
    }
  }
  return SFI_OK;
}

/* After verification (which reads the image below stub_off only): the
 * stubs' code into the memfd, then the seals. */
static int seal_memfd(sfi_module *m) {
  if (m->stub_size && pwrite(m->memfd, m->stubs, m->stub_size,
                             (off_t)m->stub_off) != (ssize_t)m->stub_size)
    return sfi__err(SFI_ERR_NOMEM, "%s: writing memfd: %s", m->name,
                    strerror(errno));
  /* The image is final: no write(2) or shared writable mapping can change
   * it any more (private copy-on-write mappings stay possible). */
  if (fcntl(m->memfd, F_ADD_SEALS,
            F_SEAL_SHRINK | F_SEAL_GROW | F_SEAL_FUTURE_WRITE | F_SEAL_SEAL) !=
      0)
    return sfi__err(SFI_ERR_NOMEM, "%s: sealing memfd: %s", m->name,
                    strerror(errno));
  return SFI_OK;
}

sfi_module *sfi_module_load_mem(const void *data, size_t size,
                                const sfi_import *imports,
                                const sfi_module_options *opts) {
  return sfi__module_load_named(data, size, imports, opts, "(memory)");
}

sfi_module *sfi__module_load_named(const void *data, size_t size,
                                   const sfi_import *imports,
                                   const sfi_module_options *opts,
                                   const char *name) {
  sfi__cpu_init(); /* before any instance can be called */
  struct sfi_elf e = {.path = name, .data = data, .size = size};
  void **fns = NULL;
  uint64_t *addrs = NULL;
  int rc;
  sfi_module *m = calloc(1, sizeof *m);
  if (!m || !(m->name = strdup(name))) {
    sfi__err(SFI_ERR_NOMEM, "%s: out of memory", name);
    goto err;
  }
  m->memfd = -1;
  m->mapfd = -1;
  m->relro_prot = PROT_READ;
  m->uses = SFI_USES_X87 | SFI_USES_AVX512; /* until verified */
  if (!data) {
    sfi__err(SFI_ERR_INVALID, "sfi_module_load_mem: NULL data");
    goto err;
  }
  if ((rc = sfi__elf_parse(&e)))
    goto err;
  if (opts && opts->require_full_mode && e.mode != SFI_MODE_FULL) {
    sfi__err(SFI_ERR_BADMODULE,
             "%s: built in mode %u, but the host requires "
             "full (load and store) sandboxing",
             name, e.mode);
    goto err;
  }
  m->nsegs = e.nsegs;
  memcpy(m->segs, e.segs, sizeof e.segs);
  m->image_size = e.image_size;
  m->relro_start = e.relro_start;
  m->relro_end = e.relro_end;
  m->mode = e.mode;
  m->scheme = e.scheme;
  m->init_array = e.init_array;
  m->init_array_n = e.init_array_n;
  if ((rc = resolve_imports(m, &e, imports, &fns)))
    goto err;
  addrs = calloc(e.nundefs ? e.nundefs : 1, sizeof *addrs);
  if (!addrs || place_stubs(m, e.nundefs) != SFI_OK) {
    sfi__err(SFI_ERR_NOMEM, "%s: out of memory", name);
    goto err;
  }
  for (uint32_t i = 0; i < e.nundefs; i++)
    addrs[i] = m->stub_off + SFI_STUB_SIZE * (uint64_t)i;
  if ((rc = sfi__elf_relocs(&e, addrs, &m->relocs, &m->nrelocs)) ||
      (rc = index_symbols(m, &e)) || (rc = find_specials(m)) ||
      (rc = make_memfd(m, &e)) || (rc = sfi__verify_module(m)))
    goto err;
  /* x87-free system-interface thunks mark the thread through %fs:disp32
   * (thunk.c): without that, treat the module as an x87 one. */
  int64_t dirty = sfi__thread_tpoff(&sfi__thread_state.x87_dirty);
  if (dirty != (int32_t)dirty)
    m->uses |= SFI_USES_X87;
  for (uint32_t i = 0; i < e.nundefs; i++)
    if (returns_long_double(e.undefs[i].name))
      m->uses |= SFI_USES_X87;
  emit_stubs(m, fns, e.undefs, e.nundefs);
  if ((rc = seal_memfd(m)) || (rc = sfi__layout_prepare(m)))
    goto err;
  free(fns);
  free(addrs);
  sfi__elf_free(&e);
  sfi__debug_keep(m, data, size);
  return m;
err:
  free(fns);
  free(addrs);
  sfi__elf_free(&e);
  sfi_module_free(m);
  return NULL;
}

sfi_module *sfi_module_load(const char *path, const sfi_import *imports,
                            const sfi_module_options *opts) {
  if (!path) {
    sfi__err(SFI_ERR_INVALID, "sfi_module_load: NULL path");
    return NULL;
  }
  int fd = open(path, O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    sfi__err(SFI_ERR_IO, "%s: %s", path, strerror(errno));
    return NULL;
  }
  struct stat st;
  if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) ||
      (uint64_t)st.st_size > FILE_MAX) {
    sfi__err(SFI_ERR_IO, "%s: not a regular file or larger than %llu bytes",
             path, FILE_MAX);
    close(fd);
    return NULL;
  }
  /* A program sfi-cc linked: its module sits before a trailer at the
   * file's end (SFI_PROG_MAGIC); read only the module. */
  size_t fsize = (size_t)st.st_size, size = fsize;
  long skip = 0;
  uint8_t tr[SFI_PROG_TRAILER_SIZE];
  if (fsize >= sizeof tr &&
      pread(fd, tr, sizeof tr, (off_t)(fsize - sizeof tr)) == sizeof tr &&
      memcmp(tr, SFI_PROG_MAGIC, 8) == 0) {
    skip = sfi_verify_program_trailer(tr, fsize, &size);
    if (skip < 0) {
      sfi__err(SFI_ERR_BADMODULE,
               "%s: a program whose trailer does not describe its module "
               "(offset or size out of the file)",
               path);
      close(fd);
      return NULL;
    }
  }
  uint8_t *buf = malloc(size ? size : 1);
  size_t got = 0;
  while (buf && got < size) {
    ssize_t r = pread(fd, buf + got, size - got, (off_t)((size_t)skip + got));
    if (r <= 0)
      break;
    got += (size_t)r;
  }
  close(fd);
  if (!buf || got != size) {
    sfi__err(buf ? SFI_ERR_IO : SFI_ERR_NOMEM, "%s: cannot read file", path);
    free(buf);
    return NULL;
  }
  sfi_module *m =
      sfi__module_load_named(buf, size, imports, opts, path);
  free(buf);
  return m;
}

void sfi_module_free(sfi_module *m) {
  if (!m)
    return;
  if (m->ninstances) {
    sfi__err(SFI_ERR_INVALID,
             "%s: sfi_module_free with %d live instances; "
             "module leaked",
             m->name, m->ninstances);
    return;
  }
  sfi__warm_drop_module(m);
  if (m->memfd >= 0)
    close(m->memfd);
  if (m->mapfd >= 0)
    close(m->mapfd);
  free(m->data_init);
  sfi__debug_free(m);
  free(m->relocs);
  free(m->stubs);
  free(m->exports);
  free(m->funcs);
  free(m->efuncs);
  free(m->strs);
  free(m->name);
  free(m);
}
