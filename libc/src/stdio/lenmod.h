/* lenmod.h: the length modifiers of printf and scanf (hh h l ll j z t L,
 * and glibc's q = ll and, for printf, Z = z), parsed once for vformat.c
 * (both passes) and vscan.c, in musl's table-driven style: a table maps a
 * modifier's letter to its length, and hh and ll double h and l.
 * lenmod_store is the one store of an integer through a length-modified
 * pointer (scanf's %d, printf's and scanf's %n). */
#ifndef SFI_LIBC_LENMOD_H
#define SFI_LIBC_LENMOD_H
#include <stddef.h>
#include <stdint.h>

enum { L_NONE, L_HH, L_H, L_L, L_LL, L_J, L_Z, L_T, L_LD };

#define LENMOD_Z 1 /* accept glibc's Z for z (printf; scanf has none) */

/* Sets *len to the modifier at p (L_NONE if there is none) and returns
 * how many characters it takes. */
static inline int lenmod_parse(const char *p, int opts, int *len) {
  static const unsigned char letter['z' - 'A' + 1] = {
      ['h' - 'A'] = L_H, ['l' - 'A'] = L_L,  ['q' - 'A'] = L_LL,
      ['j' - 'A'] = L_J, ['z' - 'A'] = L_Z,  ['Z' - 'A'] = L_Z,
      ['t' - 'A'] = L_T, ['L' - 'A'] = L_LD,
  };
  unsigned i = (unsigned)(unsigned char)*p - 'A';
  *len = L_NONE;
  if (i >= sizeof letter || !letter[i] || (*p == 'Z' && !(opts & LENMOD_Z)))
    return 0;
  *len = letter[i];
  if ((*p == 'h' || *p == 'l') && p[1] == *p) {
    *len = *p == 'h' ? L_HH : L_LL;
    return 2;
  }
  return 1;
}

/* *(type *)p = v, the type given by the length modifier (int without one;
 * L_LD, as glibc takes %Ln, like ll). */
static inline void lenmod_store(void *p, int len, uintmax_t v) {
  switch (len) {
  case L_HH:
    *(signed char *)p = (signed char)v;
    break;
  case L_H:
    *(short *)p = (short)v;
    break;
  case L_L:
    *(long *)p = (long)v;
    break;
  case L_LL:
  case L_LD:
    *(long long *)p = (long long)v;
    break;
  case L_J:
    *(intmax_t *)p = (intmax_t)v;
    break;
  case L_Z:
    *(size_t *)p = (size_t)v;
    break;
  case L_T:
    *(ptrdiff_t *)p = (ptrdiff_t)v;
    break;
  default:
    *(int *)p = (int)v;
    break;
  }
}
#endif
