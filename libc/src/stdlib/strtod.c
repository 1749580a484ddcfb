/* strtod.c: strtod/strtof/strtold/atof. The host converts (correctly
 * rounded, identical to glibc); we only hand it the token, so parsing a
 * long buffer number by number stays linear. */
#include <ctype.h>
#include <errno.h>
#include <stdlib.h>

#include "internal.h"

/* Length of leading space plus the longest run of characters that can
 * belong to a number ("1e+5", "0x1.8p3", "-inf", "nan(chars)"). */
static size_t token_len(const char *s) {
  const unsigned char *p = (const unsigned char *)s;
  while (isspace(*p))
    p++;
  while (isalnum(*p) || *p == '.' || *p == '+' || *p == '-' || *p == '(' ||
         *p == ')' || *p == '_')
    p++;
  return (size_t)(p - (const unsigned char *)s);
}

#define DEFINE_STRTO(name, type, sys)                                          \
  type name(const char *restrict s, char **restrict end) {                     \
    size_t used = 0;                                                           \
    int err = 0;                                                               \
    type v = sys(s, token_len(s), &used, &err);                                \
    if (end)                                                                   \
      *end = (char *)s + used;                                                 \
    if (err)                                                                   \
      errno = err;                                                             \
    return v;                                                                  \
  }

DEFINE_STRTO(strtod, double, __sfi_sys_strtod)
DEFINE_STRTO(strtof, float, __sfi_sys_strtof)
DEFINE_STRTO(strtold, long double, __sfi_sys_strtold)

double atof(const char *s) { return strtod(s, 0); }
