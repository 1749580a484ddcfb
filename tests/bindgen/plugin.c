/* plugin.c: the sandboxed library behind plugin.h (built with sfi-cc,
 * exports marked). */
#include <sfi_export.h>
#include <stdlib.h>
#include <string.h>

#include "plugin.h"

SFI_EXPORT int32_t add(int32_t a, int32_t b) { return a + b; }
SFI_EXPORT uint8_t low_byte(uint32_t v) { return (uint8_t)v; }
SFI_EXPORT bool is_even(int64_t v) { return v % 2 == 0; }
SFI_EXPORT int64_t scale(int64_t v, double by, float bias) {
  return (int64_t)((double)v * by + bias);
}
SFI_EXPORT double hypot2(double x, double y) { return x * x + y * y; }
SFI_EXPORT enum color next_color(enum color c) {
  return c == BLUE ? RED : (enum color)(c * 2);
}
static long counter;
SFI_EXPORT void set_counter(long v) { counter = v; }
SFI_EXPORT long get_counter(void) { return counter; }
SFI_EXPORT size_t length(const char *s) { return strlen(s); }
SFI_EXPORT struct buf *buf_new(uint32_t len, const char *init) {
  struct buf *b = calloc(1, sizeof *b);
  if (!b)
    return NULL;
  b->len = len;
  b->flags = 0x5a;
  memcpy(b->tag, "tag01", 6);
  b->data = calloc(1, len + 1);
  if (b->data && init)
    strncpy(b->data, init, len);
  b->scale = 1.5;
  return b;
}
SFI_EXPORT void buf_free(struct buf *b) {
  if (b)
    free(b->data);
  free(b);
}
SFI_EXPORT int32_t peek(const int32_t *p) { return *p; }
SFI_EXPORT int32_t visit(struct buf *b, visit_fn cb) {
  int32_t s = 0;
  for (uint32_t i = 0; i < b->len; i++)
    s += cb((int32_t)i, b->data + i, b->scale);
  return s;
}
/* Hands the host forged pointers: into host-looking memory, a wrapped
 * address, and its own (valid) buffer. */
static char own[16] = "own";
SFI_EXPORT char *forge(int32_t which) {
  switch (which) {
  case 0:
    return (char *)0x7fffdeadb000; /* host stack-like address */
  case 1:
    return (char *)-8;
  default:
    return own;
  }
}
SFI_EXPORT int log_fmt(const char *fmt, ...) { return (int)strlen(fmt); }
/* Not marked: must not be reachable. */
int hidden_helper(int x) { return x + 1000; }
