/* debuginfo.c: source lines (file:line) for trap messages, from the
 * module's own DWARF (.debug_line) when it was built with -g.
 *
 * At load time the loader only asks sfi__debug_keep whether the file has a
 * .debug_line section (a bounded scan of the section headers); if so the
 * file's bytes are kept in a sealed memfd. Nothing else happens until a trap
 * message is formatted: then libdw (elfutils, opened with dlopen so hosts
 * need not link it, and a host without libdw.so.1 just gets func+0xoff)
 * reads that memfd once per module, and each frame's address is looked up
 * in the line table. Everything in the file is hostile: libdw does its own
 * bounds checks, lookups are serialized per module, the result is treated
 * as an untrusted string (control bytes replaced, length capped), and any
 * failure simply leaves the frame without a line. */
#include <dlfcn.h>
#include <elf.h>
#include <dwarf.h>
#include <elfutils/libdw.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "internal.h"

/* The few libdw entry points used, resolved once. */
static struct {
  Dwarf *(*begin)(int, Dwarf_Cmd);
  int (*end)(Dwarf *);
  Dwarf_Die *(*addrdie)(Dwarf *, Dwarf_Addr, Dwarf_Die *);
  Dwarf_Line *(*getsrc_die)(Dwarf_Die *, Dwarf_Addr);
  int (*lineno)(Dwarf_Line *, int *);
  const char *(*linesrc)(Dwarf_Line *, Dwarf_Word *, Dwarf_Word *);
  int (*nextcu)(Dwarf *, Dwarf_Off, Dwarf_Off *, size_t *, Dwarf_Off *,
                uint8_t *, uint8_t *);
  Dwarf_Die *(*offdie)(Dwarf *, Dwarf_Off, Dwarf_Die *);
  int (*haspc)(Dwarf_Die *, Dwarf_Addr);
  /* prototypes (sfi_check_signature) */
  int (*child)(Dwarf_Die *, Dwarf_Die *);
  int (*siblingof)(Dwarf_Die *, Dwarf_Die *);
  int (*tag)(Dwarf_Die *);
  int (*hasattr)(Dwarf_Die *, unsigned int);
  Dwarf_Attribute *(*attr_integrate)(Dwarf_Die *, unsigned int,
                                     Dwarf_Attribute *);
  Dwarf_Die *(*formref_die)(Dwarf_Attribute *, Dwarf_Die *);
  int (*formudata)(Dwarf_Attribute *, Dwarf_Word *);
  const char *(*diename)(Dwarf_Die *);
  int (*bytesize)(Dwarf_Die *);
  int ok, proto_ok;
} dw;
static pthread_once_t dw_once = PTHREAD_ONCE_INIT;

static void dw_open(void) {
  void *h = dlopen("libdw.so.1", RTLD_NOW | RTLD_LOCAL);
  if (!h)
    return;
  *(void **)&dw.begin = dlsym(h, "dwarf_begin");
  *(void **)&dw.end = dlsym(h, "dwarf_end");
  *(void **)&dw.addrdie = dlsym(h, "dwarf_addrdie");
  *(void **)&dw.getsrc_die = dlsym(h, "dwarf_getsrc_die");
  *(void **)&dw.lineno = dlsym(h, "dwarf_lineno");
  *(void **)&dw.linesrc = dlsym(h, "dwarf_linesrc");
  *(void **)&dw.nextcu = dlsym(h, "dwarf_nextcu");
  *(void **)&dw.offdie = dlsym(h, "dwarf_offdie");
  *(void **)&dw.haspc = dlsym(h, "dwarf_haspc");
  dw.ok = dw.begin && dw.end && dw.addrdie && dw.getsrc_die && dw.lineno &&
          dw.linesrc && dw.nextcu && dw.offdie && dw.haspc;
  *(void **)&dw.child = dlsym(h, "dwarf_child");
  *(void **)&dw.siblingof = dlsym(h, "dwarf_siblingof");
  *(void **)&dw.tag = dlsym(h, "dwarf_tag");
  *(void **)&dw.hasattr = dlsym(h, "dwarf_hasattr");
  *(void **)&dw.attr_integrate = dlsym(h, "dwarf_attr_integrate");
  *(void **)&dw.formref_die = dlsym(h, "dwarf_formref_die");
  *(void **)&dw.formudata = dlsym(h, "dwarf_formudata");
  *(void **)&dw.diename = dlsym(h, "dwarf_diename");
  *(void **)&dw.bytesize = dlsym(h, "dwarf_bytesize");
  dw.proto_ok = dw.ok && dw.child && dw.siblingof && dw.tag && dw.hasattr &&
                dw.attr_integrate && dw.formref_die && dw.formudata &&
                dw.diename && dw.bytesize;
}

/* Bounded read of a section header table: nonzero if some section is named
 * ".debug_line". Any inconsistency answers 0 (no lines, never an error:
 * the ELF checker has judged the file already). */
static int has_debug_line(const uint8_t *d, size_t size) {
  Elf64_Ehdr h;
  if (size < sizeof h)
    return 0;
  memcpy(&h, d, sizeof h);
  if (h.e_shentsize != sizeof(Elf64_Shdr) || h.e_shnum == 0 ||
      h.e_shstrndx >= h.e_shnum || h.e_shoff > size ||
      (size - h.e_shoff) / sizeof(Elf64_Shdr) < h.e_shnum)
    return 0;
  Elf64_Shdr str;
  memcpy(&str, d + h.e_shoff + (uint64_t)h.e_shstrndx * sizeof str,
         sizeof str);
  if (str.sh_offset > size || str.sh_size > size - str.sh_offset)
    return 0;
  static const char want[] = ".debug_line", z[] = ".zdebug";
  int found = 0;
  for (uint32_t i = 0; i < h.e_shnum; i++) {
    Elf64_Shdr s;
    memcpy(&s, d + h.e_shoff + (uint64_t)i * sizeof s, sizeof s);
    const char *nm = (const char *)d + str.sh_offset + s.sh_name;
    size_t room = s.sh_name < str.sh_size ? str.sh_size - s.sh_name : 0;
    /* Compressed sections would make libdw inflate them in the host, far
     * beyond the file's size (review4 dwzlib): no lines for such a file. */
    if ((s.sh_flags & SHF_COMPRESSED) ||
        (room >= sizeof z - 1 && memcmp(nm, z, sizeof z - 1) == 0))
      return 0;
    if (room >= sizeof want && memcmp(nm, want, sizeof want) == 0)
      found = 1;
  }
  return found;
}

void sfi__debug_keep(sfi_module *m, const void *data, size_t size) {
  m->dbgfd = -1;
  pthread_mutex_init(&m->dbglock, NULL);
  m->dbg_init = 1;
  if (!has_debug_line(data, size))
    return;
  int fd = memfd_create("sfi-debug", MFD_CLOEXEC | MFD_ALLOW_SEALING);
  if (fd < 0)
    return;
  if (fd < 3) { /* never a stdio number (see make_memfd) */
    int d = fcntl(fd, F_DUPFD_CLOEXEC, 3);
    close(fd);
    if ((fd = d) < 0)
      return;
  }
  size_t done = 0;
  while (done < size) {
    ssize_t w = pwrite(fd, (const uint8_t *)data + done, size - done,
                       (off_t)done);
    if (w <= 0) {
      close(fd);
      return; /* no lines: not worth failing the load for */
    }
    done += (size_t)w;
  }
  if (fcntl(fd, F_ADD_SEALS,
            F_SEAL_SHRINK | F_SEAL_GROW | F_SEAL_WRITE | F_SEAL_SEAL) != 0) {
    close(fd);
    return;
  }
  m->dbgfd = fd;
}

void sfi__debug_free(sfi_module *m) {
  if (!m->dbg_init)
    return;
  if (m->dbg && dw.ok)
    dw.end(m->dbg);
  m->dbg = NULL;
  if (m->dbgfd >= 0)
    close(m->dbgfd);
  m->dbgfd = -1;
  pthread_mutex_destroy(&m->dbglock);
}

int sfi__has_debug(const sfi_module *m) {
  return m->dbg_init && m->dbgfd >= 0;
}

/* Copies the untrusted file name, keeping its last part when long, with
 * control characters and non-ASCII bytes replaced by '?'. */
static void clean_name(char *out, size_t cap, const char *in) {
  size_t n = strnlen(in, 4096);
  const size_t keep = cap - 1 < 96 ? cap - 1 : 96;
  if (n > keep) {
    in += n - keep + 3;
    n = keep - 3;
    memcpy(out, "...", 3);
    out += 3;
  }
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)in[i];
    out[i] = c < 0x20 || c >= 0x7f ? '?' : (char)c;
  }
  out[n] = 0;
}

/* The compile unit covering addr: through .debug_aranges when the module
 * has them, else (clang emits none by default) by walking the units, at
 * most CU_MAX of them. */
#define CU_MAX 65536
static Dwarf_Die *find_cu(Dwarf *d, Dwarf_Addr addr, Dwarf_Die *cu) {
  if (dw.addrdie(d, addr, cu))
    return cu;
  Dwarf_Off at = 0, next;
  size_t hsize;
  for (int n = 0; n < CU_MAX &&
                  dw.nextcu(d, at, &next, &hsize, NULL, NULL, NULL) == 0;
       n++) {
    if (next <= at)
      break; /* no progress: a lying unit length */
    /* Only units with one low_pc/high_pc range: a DW_AT_ranges list can be
     * shared by every unit and walked once per unit (review4 dwranges);
     * clang gives a module's units (one .text) a single range. */
    if (dw.offdie(d, at + hsize, cu) && dw.hasattr &&
        !dw.hasattr(cu, DW_AT_ranges) && dw.haspc(cu, addr) > 0)
      return cu;
    at = next;
  }
  return NULL;
}

int sfi__srcline(const sfi_instance *in, uint64_t addr, int is_return,
                 char *buf, size_t cap) {
  sfi_module *m = in->m;
  buf[0] = 0;
  if (m->dbgfd < 0 || cap < 16 || addr < in->image)
    return 0;
  uint64_t off = addr - in->image;
  if (off >= m->image_size || (is_return && off == 0))
    return 0;
  if (is_return)
    off--; /* the call instruction, not the one after it */
  pthread_once(&dw_once, dw_open);
  if (!dw.ok)
    return 0;
  int found = 0;
  pthread_mutex_lock(&m->dbglock);
  if (!m->dbg && !m->dbg_failed) {
    m->dbg = dw.begin(m->dbgfd, DWARF_C_READ);
    m->dbg_failed = !m->dbg;
  }
  Dwarf_Die cu;
  Dwarf_Line *l;
  int line = 0;
  const char *src;
  /* The module is linked at address 0, so image offsets are DWARF
   * addresses. */
  if (m->dbg && find_cu(m->dbg, off, &cu) &&
      (l = dw.getsrc_die(&cu, off)) && dw.lineno(l, &line) == 0 &&
      line > 0 && (src = dw.linesrc(l, NULL, NULL))) {
    char name[128];
    clean_name(name, sizeof name, src);
    snprintf(buf, cap, "%s:%d", name, line);
    found = 1;
  }
  pthread_mutex_unlock(&m->dbglock);
  return found;
}

/* ---- prototypes: sfi_check_signature ---- */

/* The signature letter of a DWARF type (v when die is NULL: no type),
 * '?' for what a signature cannot express. Qualifiers and typedefs are
 * followed a bounded number of times (a hostile file may loop them). */
static char type_letter(Dwarf_Die *die) {
  Dwarf_Die mem, *t = die;
  for (int hops = 0; t && hops < 64; hops++) {
    Dwarf_Attribute a;
    Dwarf_Word enc = 0;
    int size;
    switch (dw.tag(t)) {
    case DW_TAG_typedef:
    case DW_TAG_const_type:
    case DW_TAG_volatile_type:
    case DW_TAG_restrict_type:
    case DW_TAG_atomic_type:
      if (!dw.attr_integrate(t, DW_AT_type, &a))
        return 'v';
      t = dw.formref_die(&a, &mem);
      continue;
    case DW_TAG_pointer_type:
      return 'p';
    case DW_TAG_enumeration_type:
      size = dw.bytesize(t);
      return size > 0 && size <= 4 ? 'i' : size == 8 ? 'I' : '?';
    case DW_TAG_base_type:
      size = dw.bytesize(t);
      if (!dw.attr_integrate(t, DW_AT_encoding, &a) ||
          dw.formudata(&a, &enc) != 0)
        return '?';
      if (enc == DW_ATE_float)
        return size == 4 ? 'f' : size == 8 ? 'd' : '?';
      if (enc == DW_ATE_signed || enc == DW_ATE_unsigned ||
          enc == DW_ATE_signed_char || enc == DW_ATE_unsigned_char ||
          enc == DW_ATE_boolean || enc == DW_ATE_UTF)
        return size > 0 && size <= 4 ? 'i' : size == 8 ? 'I' : '?';
      return '?';
    default:
      return '?';
    }
  }
  return '?';
}

static char result_letter(Dwarf_Die *fn) {
  Dwarf_Attribute a;
  Dwarf_Die mem;
  if (!dw.attr_integrate(fn, DW_AT_type, &a))
    return 'v';
  Dwarf_Die *t = dw.formref_die(&a, &mem);
  return t ? type_letter(t) : '?';
}

/* Writes the function's signature from DWARF into out; 0 on success. */
static int dwarf_sig(Dwarf_Die *fn, char *out, size_t cap) {
  size_t n = 0;
  Dwarf_Die c, next;
  if (dw.child(fn, &c) == 0) {
    for (int k = 0; k < 4096; k++) {
      int tag = dw.tag(&c);
      if (tag == DW_TAG_unspecified_parameters) {
        if (n + 1 >= cap)
          return -1;
        out[n++] = '.'; /* variadic: no signature fits */
      } else if (tag == DW_TAG_formal_parameter) {
        Dwarf_Attribute a;
        Dwarf_Die mem, *t = NULL;
        if (dw.attr_integrate(&c, DW_AT_type, &a))
          t = dw.formref_die(&a, &mem);
        if (n + 1 >= cap)
          return -1;
        out[n++] = t ? type_letter(t) : '?';
      }
      if (dw.siblingof(&c, &next) != 0)
        break;
      c = next;
    }
  }
  if (n + 3 > cap)
    return -1;
  out[n++] = ':';
  out[n++] = result_letter(fn);
  out[n] = 0;
  return 0;
}

/* The defining DW_TAG_subprogram of an external function name. */
static int find_subprogram(Dwarf *d, const char *name, Dwarf_Die *out) {
  Dwarf_Off at = 0, next;
  size_t hsize;
  for (int n = 0; n < CU_MAX &&
                  dw.nextcu(d, at, &next, &hsize, NULL, NULL, NULL) == 0;
       n++) {
    if (next <= at)
      break;
    Dwarf_Die cu, c, sib;
    if (dw.offdie(d, at + hsize, &cu) && dw.child(&cu, &c) == 0) {
      for (int k = 0; k < (1 << 20); k++) {
        const char *dn;
        if (dw.tag(&c) == DW_TAG_subprogram &&
            !dw.hasattr(&c, DW_AT_declaration) &&
            dw.hasattr(&c, DW_AT_external) && (dn = dw.diename(&c)) &&
            strcmp(dn, name) == 0) {
          *out = c;
          return 1;
        }
        if (dw.siblingof(&c, &sib) != 0)
          break;
        c = sib;
      }
    }
    at = next;
  }
  return 0;
}

int sfi_check_signature(sfi_instance *in, const char *name, const char *sig) {
  if (!in || !name || !sig)
    return sfi__err(SFI_ERR_INVALID, "sfi_check_signature: NULL argument");
  sfi_module *m = in->m;
  if (!sfi__has_debug(m))
    return sfi__err(SFI_ERR_NOTFOUND,
                    "%s: no debug info (-g): cannot check '%s'", m->name,
                    name);
  pthread_once(&dw_once, dw_open);
  if (!dw.proto_ok)
    return sfi__err(SFI_ERR_NOTFOUND,
                    "libdw.so.1 not available: cannot check '%s'", name);
  char have[80];
  int found = 0, ok = 0;
  pthread_mutex_lock(&m->dbglock);
  if (!m->dbg && !m->dbg_failed) {
    m->dbg = dw.begin(m->dbgfd, DWARF_C_READ);
    m->dbg_failed = !m->dbg;
  }
  Dwarf_Die fn;
  if (m->dbg && find_subprogram(m->dbg, name, &fn)) {
    found = 1;
    ok = dwarf_sig(&fn, have, sizeof have) == 0;
  }
  pthread_mutex_unlock(&m->dbglock);
  if (!found)
    return sfi__err(SFI_ERR_NOTFOUND,
                    "%s: the debug info does not define '%s'", m->name, name);
  if (!ok || strcmp(have, sig) != 0)
    return sfi__err(SFI_ERR_INVALID,
                    "%s: '%s' is \"%s\" in the module (from its debug info), "
                    "not \"%s\" as the caller's prototype says",
                    m->name, name, ok ? have : "(unreadable)", sig);
  return SFI_OK;
}
