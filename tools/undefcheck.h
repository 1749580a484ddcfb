/* undefcheck.h: the undefined symbols of a linked module (its imports),
 * and whether an object file refers to a symbol, for sfi-cc's link-time
 * check that every import is the system interface, a libm binding or a
 * declared host import. */
#ifndef SFI_UNDEFCHECK_H
#define SFI_UNDEFCHECK_H

/* Calls fn(name, arg) for every undefined symbol in the .dynsym of the ELF
 * file at path. Returns 0, or -1 if the file is not a readable ELF64. */
int sfi_undefined_symbols(const char *path,
                          void (*fn)(const char *name, void *arg), void *arg);
/* 1 if the ELF object at path has an undefined .symtab reference to name
 * and defines it nowhere; 0 otherwise (also for archives and bitcode). */
int sfi_object_references(const char *path, const char *name);
/* 1 if name is a call of the runtime's system interface (__sfi_sys_*) or a
 * host libm binding (__sfi_libm_*) that the loader binds by itself. */
int sfi_builtin_import(const char *name);

#endif
