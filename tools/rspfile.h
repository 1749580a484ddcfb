/* rspfile.h: expands @FILE response files in sfi-cc's arguments the way
 * clang would (GNU quoting), so that every argument in them is checked. */
#ifndef SFI_RSPFILE_H
#define SFI_RSPFILE_H

/* Replaces *argv (argv[0] kept) by a new NULL-terminated vector in which
 * every @FILE argument is replaced by the arguments in FILE, recursively.
 * Returns 0, or -1 with a message in why (an unreadable file, too deep). */
int sfi_expand_response_files(int *argc, char ***argv, char *why,
                              unsigned long whylen);

#endif
