/* libsidecar.h: sandboxed shared libraries as link inputs.
 *
 * A sandbox runs one module, so a program that a build links against a
 * library it built with `sfi-cc -shared` (giflib's tools and libgif.so,
 * brotli's and libbrotlicommon.so) gets that library linked in statically,
 * as with a static libc. For this, `sfi-cc -shared -o libX.so` leaves two
 * files next to its output:
 *   libX.so.sfi.a     the library's own objects (an archive)
 *   libX.so.sfi-link  a linker script: GROUP(that archive, the .sfi-link of
 *                     every sandboxed shared library it was linked with,
 *                     the archives it was linked with)
 * and a later link that names libX.so (a path, a symlink to it, or -lX with
 * no libX.a) reads libX.so.sfi-link in its place. Archive semantics keep a
 * library that two inputs share from being linked twice. */
#ifndef SFI_LIBSIDECAR_H
#define SFI_LIBSIDECAR_H

/* If path is an ELF shared object with a sidecar script next to its real
 * path, returns that script's path (malloc'ed) and, in *archive, the
 * archive it names first (malloc'ed; may be NULL). Else NULL. */
char *sfi_sidecar_of(const char *path, char **archive);

/* Calls fn on every archive a sidecar script names, directly or through
 * the scripts it names (each script once). Returns 0, or the first
 * non-zero value of fn, or -1 if a script is not exactly in the form
 * sfi_sidecar_write writes or names something that is not a regular
 * file. */
int sfi_sidecar_archives(const char *script, int (*fn)(const char *archive,
                                                        void *arg),
                         void *arg);

/* Writes out's sidecar from the link's inputs, in which every sandboxed
 * shared library has already been replaced by its sidecar script: objects
 * are copied into the archive with `ar` (llvm-ar), archives and scripts
 * are named by absolute path. Returns 0, or 1 after printing an error. */
int sfi_sidecar_write(const char *out, const char *ar, char *const *objs,
                      int nobjs);

#endif
