/* fuzz_exec.c: libFuzzer target over machine code with an execution oracle
 * (issue 13): every input overwrites the code of function `body` in a real
 * module (exec_template.c built by sfi-cc, path in SFI_EXEC_TEMPLATE); the
 * loader's verifier decides; code it accepts is RUN in a sandbox whose
 * arguments point at host canaries (a page right below the region, a host
 * heap page), with a time limit. Whatever the code does, the call must come
 * back (a result or a trap) and every canary must be unchanged; otherwise
 * the target aborts and libFuzzer saves the input. Built without ASan:
 * the sandbox's own fault handling is part of what is tested. */
#include <elf.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "sfi.h"

#define CANARY 0x5a
#define PAGE 4096

static uint8_t *tmpl;
static size_t tmpl_size, body_off, body_size;
static uint8_t *heap_canary;
static long accepted, ran, refused;

static int find_body(void) {
  const Elf64_Ehdr *eh = (const Elf64_Ehdr *)tmpl;
  if (tmpl_size < sizeof *eh || eh->e_shoff + (uint64_t)eh->e_shnum *
                                    sizeof(Elf64_Shdr) > tmpl_size)
    return -1;
  const Elf64_Shdr *sh = (const Elf64_Shdr *)(tmpl + eh->e_shoff);
  for (int i = 0; i < eh->e_shnum; i++) {
    if (sh[i].sh_type != SHT_SYMTAB || sh[i].sh_link >= eh->e_shnum)
      continue;
    const Elf64_Sym *sym = (const Elf64_Sym *)(tmpl + sh[i].sh_offset);
    const char *str = (const char *)(tmpl + sh[sh[i].sh_link].sh_offset);
    for (size_t k = 0; k < sh[i].sh_size / sizeof *sym; k++) {
      if (strcmp(str + sym[k].st_name, "body") != 0)
        continue;
      /* file offset of the symbol: find its section */
      const Elf64_Shdr *s = &sh[sym[k].st_shndx];
      body_off = s->sh_offset + (sym[k].st_value - s->sh_addr);
      body_size = sym[k].st_size;
      return body_off + body_size <= tmpl_size ? 0 : -1;
    }
  }
  return -1;
}

static void report(void) {
  fprintf(stderr, "fuzz_exec: %ld inputs accepted by the verifier and run, "
                  "%ld refused\n", ran, refused);
}

int LLVMFuzzerInitialize(int *argc, char ***argv) {
  (void)argc;
  (void)argv;
  const char *path = getenv("SFI_EXEC_TEMPLATE");
  FILE *f = path ? fopen(path, "rb") : NULL;
  if (!f) {
    fprintf(stderr, "fuzz_exec: set SFI_EXEC_TEMPLATE to exec_template.so\n");
    exit(2);
  }
  fseek(f, 0, SEEK_END);
  tmpl_size = (size_t)ftell(f);
  fseek(f, 0, SEEK_SET);
  tmpl = malloc(tmpl_size);
  if (!tmpl || fread(tmpl, 1, tmpl_size, f) != tmpl_size || find_body()) {
    fprintf(stderr, "fuzz_exec: %s: no function body\n", path);
    exit(2);
  }
  fclose(f);
  /* The seed: body's own code, written where the CI slice asks. */
  const char *seed = getenv("SFI_EXEC_SEED");
  FILE *sf = seed ? fopen(seed, "wb") : NULL;
  if (sf) {
    fwrite(tmpl + body_off, 1, body_size, sf);
    fclose(sf);
  }
  atexit(report);
  heap_canary = aligned_alloc(PAGE, PAGE);
  memset(heap_canary, CANARY, PAGE);
  return 0;
}

static int intact(const uint8_t *p) {
  for (int i = 0; i < PAGE; i++)
    if (p[i] != CANARY)
      return 0;
  return 1;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (size == 0)
    return 0;
  uint8_t *img = malloc(tmpl_size);
  memcpy(img, tmpl, tmpl_size);
  size_t n = size < body_size ? size : body_size;
  memcpy(img + body_off, data, n);
  sfi_module *m = sfi_module_load_mem(img, tmpl_size, NULL, NULL);
  free(img);
  if (!m) {
    if (getenv("SFI_EXEC_DEBUG"))
      fprintf(stderr, "%s\n", sfi_errmsg());
    refused++;
    return 0;
  }
  accepted++;
  sfi_instance_options o = {0};
  o.time_limit = 0.05;
  sfi_instance *in = sfi_instance_new(m, &o);
  if (!in) {
    sfi_module_free(m);
    return 0;
  }
  uint64_t base = sfi_region_base(in);
  uint8_t *below = mmap((void *)(base - PAGE), PAGE, PROT_READ | PROT_WRITE,
                        MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0);
  if (below == MAP_FAILED || (uint64_t)below != base - PAGE)
    below = NULL;
  if (below)
    memset(below, CANARY, PAGE);
  sfi_val args[2] = {SFI_PTR(below ? (uint64_t)below : base - PAGE),
                     SFI_PTR((uint64_t)heap_canary)},
          r;
  (void)sfi_call(in, "run", "pp:I", args, &r);
  ran++;
  if ((below && !intact(below)) || !intact(heap_canary)) {
    fprintf(stderr, "fuzz_exec: ESCAPE: accepted code changed a host "
                    "canary\n");
    abort();
  }
  if (below)
    munmap(below, PAGE);
  sfi_instance_free(in);
  sfi_module_free(m);
  return 0;
}
