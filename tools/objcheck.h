/* objcheck.h: does an object file (or every object in an archive) carry the
 * libsfi pass's marker note, for the expected mode? */
#ifndef SFI_OBJCHECK_H
#define SFI_OBJCHECK_H
#include <stddef.h>
#include <stdint.h>

/* Returns 0 if path is a marked ELF object or an archive of them, built in
 * `mode` ("full" or "stores"); else -1 with the reason in why. LLVM bitcode
 * (-flto) is accepted only if `own`: sfi-cc compiled it in this command. */
int sfi_check_object(const char *path, const char *mode, int own, char *why,
                     size_t whylen);

/* The whole file at path in a malloc'd buffer (its length in *size), or
 * NULL; also used by undefcheck.c. */
uint8_t *sfi_read_file(const char *path, size_t *size);

#endif
