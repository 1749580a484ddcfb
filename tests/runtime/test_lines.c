/* test_lines.c: trap messages name file:line for every sandbox frame of a
 * module built with -g (libdw on the module's DWARF), func+0xoff without
 * -g, and a module whose DWARF is corrupted, truncated or lying still loads
 * (or is refused) and traps with a clean message: the host never crashes.
 *   test_lines lines.so lines_nog.so lines.c */
#include <elf.h>
#include <stdint.h>

#include "t.h"

static int marker_line(const char *src, const char *tag) {
  FILE *f = fopen(src, "r");
  char l[512], want[64];
  snprintf(want, sizeof want, "LINE:%s */", tag);
  int n = 0, found = 0;
  while (f && fgets(l, sizeof l, f)) {
    n++;
    if (strstr(l, want)) {
      found = n;
      break;
    }
  }
  if (f)
    fclose(f);
  return found;
}

/* Calls top(0x10): leaf faults on a load from the unmapped first page. */
static int trap_once(sfi_module *m) {
  sfi_instance *in = sfi_instance_new(m, NULL);
  if (!in)
    return SFI_ERR_NOMEM;
  sfi_val a[1] = {SFI_PTR(sfi_region_base(in) + 0x10)}, r;
  int rc = sfi_call(in, "top", "p:i", a, &r);
  sfi_instance_free(in);
  return rc;
}

static int libdw_mapped(void) {
  FILE *f = fopen("/proc/self/maps", "r");
  char l[512];
  int n = 0;
  while (f && fgets(l, sizeof l, f))
    n += strstr(l, "libdw") != NULL;
  if (f)
    fclose(f);
  return n > 0;
}

static int clean_message(const char *s) {
  for (; *s; s++)
    if (((unsigned char)*s < 0x20 && *s != '\n') || (unsigned char)*s >= 0x7f)
      return 0;
  return 1;
}

/* Frame line of the backtrace that names func, or NULL. */
static const char *frame_of(const char *msg, const char *func) {
  char want[64];
  snprintf(want, sizeof want, " %s+0x", func);
  const char *p = strstr(msg, "\n  #");
  return p ? strstr(p, want) : NULL;
}

static int line_has(const char *at, const char *what) {
  if (!at)
    return 0;
  const char *end = strchr(at, '\n');
  size_t n = end ? (size_t)(end - at) : strlen(at);
  char tmp[512];
  if (n >= sizeof tmp)
    n = sizeof tmp - 1;
  memcpy(tmp, at, n);
  tmp[n] = 0;
  return strstr(tmp, what) != NULL;
}

struct sec {
  uint64_t hdr; /* file offset of its Elf64_Shdr */
  Elf64_Shdr s;
};

/* The .debug_* sections of an ELF image. */
static int debug_sections(const uint8_t *d, size_t size, struct sec *out,
                          int max) {
  Elf64_Ehdr h;
  memcpy(&h, d, sizeof h);
  Elf64_Shdr str;
  memcpy(&str, d + h.e_shoff + h.e_shstrndx * sizeof str, sizeof str);
  int n = 0;
  for (int i = 0; i < h.e_shnum && n < max; i++) {
    uint64_t at = h.e_shoff + (uint64_t)i * sizeof(Elf64_Shdr);
    Elf64_Shdr s;
    memcpy(&s, d + at, sizeof s);
    const char *name = (const char *)d + str.sh_offset + s.sh_name;
    if (strncmp(name, ".debug_", 7) == 0 && s.sh_offset + s.sh_size <= size)
      out[n++] = (struct sec){at, s};
  }
  return n;
}

static uint64_t rng = 0x9e3779b97f4a7c15ULL;
static uint64_t rnd(void) {
  rng ^= rng << 13;
  rng ^= rng >> 7;
  rng ^= rng << 17;
  return rng;
}

int main(int argc, char **argv) {
  if (argc < 4) {
    fprintf(stderr, "usage: test_lines lines.so lines_nog.so lines.c\n");
    return 2;
  }
  int l_leaf = marker_line(argv[3], "leaf"), l_mid = marker_line(argv[3], "mid"),
      l_top = marker_line(argv[3], "top");
  CHECK(l_leaf > 0 && l_mid > 0 && l_top > 0);
  char leaf_at[64], mid_at[64], top_at[64];
  snprintf(leaf_at, sizeof leaf_at, "lines.c:%d", l_leaf);
  snprintf(mid_at, sizeof mid_at, "lines.c:%d", l_mid);
  snprintf(top_at, sizeof top_at, "lines.c:%d", l_top);

  /* 1. With -g: the head line and each frame name their source line. */
  sfi_module *m = sfi_module_load(argv[1], NULL, NULL);
  CHECK(m != NULL);
  if (m) {
    /* Lazy: loading and calling do not touch the DWARF (libdw is not even
     * loaded); the first trap does. */
    sfi_instance *in0 = sfi_instance_new(m, NULL);
    sfi_val a0 = SFI_I32(1), r0;
    CHECK(in0 && sfi_call(in0, "ok", "i:i", &a0, &r0) == SFI_OK);
    sfi_instance_free(in0);
    CHECK(!libdw_mapped());
    CHECK_EQ(trap_once(m), SFI_TRAP_OOB);
    CHECK(libdw_mapped());
    const char *msg = sfi_errmsg();
    fprintf(stderr, "with -g:\n%s\n", msg);
    char head[96];
    snprintf(head, sizeof head, "in leaf+0x");
    CHECK(strstr(msg, head) != NULL);
    const char *nl = strchr(msg, '\n');
    char first[512];
    size_t fl = nl ? (size_t)(nl - msg) : strlen(msg);
    snprintf(first, sizeof first, "%.*s", (int)fl, msg);
    CHECK(strstr(first, leaf_at) != NULL);
    CHECK(line_has(frame_of(msg, "leaf"), leaf_at));
    CHECK(line_has(frame_of(msg, "mid"), mid_at));
    CHECK(line_has(frame_of(msg, "top"), top_at));
    CHECK(clean_message(msg));
    /* A second trap reuses the cached DWARF and says the same. */
    char copy[2048];
    snprintf(copy, sizeof copy, "%s", msg);
    CHECK_EQ(trap_once(m), SFI_TRAP_OOB);
    CHECK(strcmp(copy, sfi_errmsg()) == 0);
    /* A call that does not trap still works. */
    sfi_instance *in = sfi_instance_new(m, NULL);
    /* The DWARF prototypes (sfi_check_signature). */
    CHECK_EQ(sfi_check_signature(in, "top", "p:i"), SFI_OK);
    CHECK_EQ(sfi_check_signature(in, "ok", "i:i"), SFI_OK);
    CHECK_EQ(sfi_check_signature(in, "ok", "I:i"), SFI_ERR_INVALID);
    CHECK_EQ(sfi_check_signature(in, "ok", "i:v"), SFI_ERR_INVALID);
    CHECK_EQ(sfi_check_signature(in, "ok", "ii:i"), SFI_ERR_INVALID);
    sfi_val a = SFI_I32(41), r;
    CHECK(in && sfi_call(in, "ok", "i:i", &a, &r) == SFI_OK && r.i32 == 42);
    sfi_instance_free(in);
    sfi_module_free(m);
  }

  /* 2. Without -g: func+0xoff, no file name. */
  m = sfi_module_load(argv[2], NULL, NULL);
  CHECK(m != NULL);
  if (m) {
    CHECK_EQ(trap_once(m), SFI_TRAP_OOB);
    fprintf(stderr, "without -g:\n%s\n", sfi_errmsg());
    CHECK_MSG("in leaf+0x");
    CHECK(frame_of(sfi_errmsg(), "mid") != NULL);
    CHECK(strstr(sfi_errmsg(), "lines.c") == NULL);
    sfi_module_free(m);
  }

  /* 3. Hostile DWARF: corrupted bytes, truncated or lying section headers.
   * Whatever libdw makes of it, the host survives, the trap is reported
   * with its function name, and the message holds no control bytes. */
  size_t size = 0;
  uint8_t *orig = t_read_file(argv[1], &size);
  CHECK(orig != NULL);
  struct sec secs[32];
  int nsec = orig ? debug_sections(orig, size, secs, 32) : 0;
  CHECK(nsec >= 3);
  uint8_t *img = malloc(size);
  int loaded = 0, traps = 0, named = 0, lines = 0, protos = 0;
  for (int it = 0; orig && it < 3000 && nsec; it++) {
    memcpy(img, orig, size);
    int nmut = 1 + (int)(rnd() % 4);
    for (int k = 0; k < nmut; k++) {
      struct sec *s = &secs[rnd() % nsec];
      Elf64_Shdr h = s->s;
      switch (rnd() % 6) {
      case 0: /* flip bytes */
      case 1:
        for (int j = 0; j < 1 + (int)(rnd() % 16) && h.sh_size; j++)
          img[h.sh_offset + rnd() % h.sh_size] ^= (uint8_t)(1 + rnd() % 255);
        break;
      case 2: /* truncate the section */
        h.sh_size = h.sh_size ? rnd() % h.sh_size : 0;
        break;
      case 3: /* a size that runs past the file or wraps */
        h.sh_size = rnd() % 2 ? ~0ULL - rnd() % 64 : size + rnd() % 4096;
        break;
      case 4: /* point it at other bytes of the file */
        h.sh_offset = rnd() % size;
        if (h.sh_offset + h.sh_size > size)
          h.sh_size = size - h.sh_offset;
        break;
      case 5: /* fill it with 0xff (huge lengths, bad opcodes) */
        memset(img + h.sh_offset, 0xff, h.sh_size < 64 ? h.sh_size : 64);
        break;
      }
      memcpy(img + s->hdr, &h, sizeof h);
    }
    sfi_module *fm = sfi_module_load_mem(img, size, NULL, NULL);
    if (!fm)
      continue; /* refused: fine, the point is not crashing */
    loaded++;
    /* The prototype walk on the same hostile DWARF: any answer but a
     * crash (or a wrong "yes" is possible: the DWARF is the module's). */
    sfi_instance *fi = sfi_instance_new(fm, NULL);
    if (fi) {
      int c = sfi_check_signature(fi, "top", "p:i");
      protos += c == SFI_OK;
      CHECK(c == SFI_OK || c == SFI_ERR_INVALID || c == SFI_ERR_NOTFOUND);
      sfi_instance_free(fi);
    }
    int rc = trap_once(fm);
    const char *msg = sfi_errmsg();
    traps += rc == SFI_TRAP_OOB;
    named += strstr(msg, "in leaf+0x") != NULL;
    lines += strstr(msg, leaf_at) != NULL;
    if (!clean_message(msg)) {
      CHECK(!"control bytes in a trap message");
      fprintf(stderr, "iteration %d: %s\n", it, msg);
    }
    sfi_module_free(fm);
  }
  fprintf(stderr,
          "hostile DWARF: %d loaded of 3000, %d trapped, %d named the "
          "function, %d still had the right line, %d prototypes still "
          "checked\n",
          loaded, traps, named, lines, protos);
  CHECK(loaded > 1500); /* debug sections are not the loader's business */
  CHECK_EQ(traps, loaded);
  CHECK_EQ(named, loaded);
  free(img);
  free(orig);
  return t_done("test_lines");
}
