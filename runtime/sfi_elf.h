/* elf.h: the parsed, validated form of a module file (elf_check.c) that the
 * loader (loader.c) turns into an sfi_module. */
#ifndef SFI_ELF_H
#define SFI_ELF_H

#include <stddef.h>
#include <stdint.h>

#include "internal.h"

/* Limits on hostile input. */
#define PHNUM_MAX 64
#define SHNUM_MAX 4096
#define SEG_MAX 16
#define DYN_MAX 512
#define SYM_MAX (1u << 20)
#define RELOC_MAX (1u << 22)
#define INIT_MAX 4096
#define NOTE_MAX 256
#define IMAGE_MAX SFI_IMAGE_MAX /* segments must lie in [0, 1 GiB) */
#define FILE_MAX (1ULL << 30)

struct sfi_undef {
  uint32_t symidx;
  const char *name;
  int import; /* index into the thunk table, filled by the resolver */
};

struct sfi_elf {
  const char *path;
  const uint8_t *data;
  size_t size;
  /* outputs */
  struct sfi_seg segs[SEG_MAX];
  int nsegs;
  uint64_t image_size;
  uint64_t relro_start, relro_end;
  uint32_t mode, scheme;
  const char *dynstr;
  uint64_t dynstrsz;
  const uint8_t *dynsym; /* Elf64_Sym[ndynsym] inside data */
  uint32_t ndynsym;
  const uint8_t *rela, *jmprel;
  uint64_t nrela, njmprel;
  uint64_t init_array, init_array_n;
  const uint8_t *symtab; /* .symtab, optional */
  uint64_t nsymtab;
  const char *symstr;
  uint64_t symstrsz;
  struct sfi_undef *undefs;
  uint32_t nundefs;
};

/* Validates headers, segments, dynamic section, notes and symbol tables.
 * On failure returns SFI_ERR_BADMODULE with sfi_errmsg() naming the value. */
int sfi__elf_parse(struct sfi_elf *e);
/* Validates every relocation and produces the per-instance list; undefined
 * symbols must already be resolved (undefs[i].import >= 0). import_off
 * gives the image offset of each import's stub. */
int sfi__elf_relocs(struct sfi_elf *e, const uint64_t *import_off,
                    struct sfi_reloc **out, size_t *nout);
void sfi__elf_free(struct sfi_elf *e);
/* Returns the undefined-symbol record for a symbol index, or NULL. */
const struct sfi_undef *sfi__elf_undef(const struct sfi_elf *e, uint32_t idx);

#endif
