/* strtod.c: __sfi_sys_strtod/strtof/strtold on a copy of s[0..len) (at most
 * STRTOD_MAX bytes) in host memory, NUL-terminated. */
#include <stdlib.h>
#include <string.h>

#include "sys.h"

#define STRTOD_MAX 4096

/* Copies the input; returns NULL if any pointer is bad. */
static const char *prep(uint64_t s, uint64_t len, uint64_t end, uint64_t err,
                        char *tmp, uint64_t **pend, int **perr) {
  sfi_instance *in = sfi_current();
  if (len > STRTOD_MAX)
    len = STRTOD_MAX;
  const char *p = sfi_ptr(in, s, len, 0);
  *pend = sfi_ptr(in, end, 8, 1);
  *perr = sfi_ptr(in, err, sizeof(int), 1);
  if (!p || !*pend || !*perr)
    return NULL;
  memcpy(tmp, p, len);
  tmp[len] = 0;
  errno = 0;
  return tmp;
}

double sfi__sys_strtod(uint64_t s, uint64_t len, uint64_t end, uint64_t err) {
  char tmp[STRTOD_MAX + 1], *e;
  uint64_t *pe;
  int *pr;
  if (!prep(s, len, end, err, tmp, &pe, &pr))
    return 0;
  double v = strtod(tmp, &e);
  *pr = errno;
  *pe = (uint64_t)(e - tmp);
  return v;
}

float sfi__sys_strtof(uint64_t s, uint64_t len, uint64_t end, uint64_t err) {
  char tmp[STRTOD_MAX + 1], *e;
  uint64_t *pe;
  int *pr;
  if (!prep(s, len, end, err, tmp, &pe, &pr))
    return 0;
  float v = strtof(tmp, &e);
  *pr = errno;
  *pe = (uint64_t)(e - tmp);
  return v;
}

long double sfi__sys_strtold(uint64_t s, uint64_t len, uint64_t end,
                             uint64_t err) {
  char tmp[STRTOD_MAX + 1], *e;
  uint64_t *pe;
  int *pr;
  if (!prep(s, len, end, err, tmp, &pe, &pr))
    return 0;
  long double v = strtold(tmp, &e);
  *pr = errno;
  *pe = (uint64_t)(e - tmp);
  return v;
}
