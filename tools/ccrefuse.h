/* ccrefuse.h: which arguments, input files and linker options sfi-cc
 * refuses, and why (the command line is the attacker's, see README.md). */
#ifndef SFI_CCREFUSE_H
#define SFI_CCREFUSE_H

/* Each returns NULL if the argument is allowed, else why it is refused. */

/* A clang option (anything starting with '-', except -Wl, -l, -L, -o and
 * sfi-cc's own -fsfi-* options, which sfi-cc handles itself). */
const char *sfi_refused_flag(const char *arg);

/* The language named by -x LANG, -xLANG or --language=LANG. */
const char *sfi_refused_language(const char *lang);

/* An input file, by its suffix, when no -x names its language. */
const char *sfi_refused_input(const char *path);

/* One linker option from -Wl,a,b,c (split at the commas) and, for options
 * that take a value, the next one (NULL at the end). *used is set to the
 * number of tokens the option consumes (1 or 2). */
const char *sfi_refused_ldflag(const char *tok, const char *next, int *used);

/* Environment variables clang reads as extra options or tool paths
 * (CCC_OVERRIDE_OPTIONS can add -Xclang -disable-llvm-passes); sfi-cc
 * removes them before running anything. */
void sfi_scrub_environment(void);

#endif
