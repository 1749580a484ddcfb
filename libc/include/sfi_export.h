/* sfi_export.h: marking what a sandboxed library exports.
 *
 * sfi-cc compiles with -fvisibility=hidden (its default
 * -fsfi-exports=marked) and hides the sandbox libc's symbols, so a module
 * exports only the functions and variables marked SFI_EXPORT: those are
 * what the host can find with sfi_lookup / sfi_call, nothing else.
 *
 *   #include <sfi_export.h>
 *   SFI_EXPORT int decode(const unsigned char *in, long n, void *out);
 *   static int helper(int x);            // never visible to the host
 *   int internal(void);                  // not exported either
 *
 * Also works in native builds (plain clang or gcc): there it is only a
 * visibility attribute. */
#ifndef SFI_EXPORT_H
#define SFI_EXPORT_H
#define SFI_EXPORT __attribute__((visibility("default")))
#endif
