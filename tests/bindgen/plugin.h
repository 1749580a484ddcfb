/* plugin.h: the header sfi-bindgen's test binds (test_bindgen.c); the
 * library is plugin.c, sandboxed. Every kind of parameter and result the
 * generator maps, and declarations it must refuse to bind. */
#ifndef PLUGIN_H
#define PLUGIN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum color { RED = 1, GREEN = 2, BLUE = 4 };

struct point {
  int32_t x, y;
};

struct buf {
  uint32_t len;
  uint16_t flags;
  unsigned char tag[6];
  char *data;            /* a sandbox pointer: sfi_sptr in the mirror */
  struct buf *next;
  double scale;
};

struct packed_bits { /* not mirrored: bit-fields */
  unsigned a : 3, b : 5;
};

typedef int32_t (*visit_fn)(int32_t index, const char *item, double w);
typedef void (*too_many_fn)(long, long, long, long, long, long, long);

int32_t add(int32_t a, int32_t b);
uint8_t low_byte(uint32_t v);
bool is_even(int64_t v);
int64_t scale(int64_t v, double by, float bias);
double hypot2(double x, double y);
enum color next_color(enum color c);
void set_counter(long v);
long get_counter(void);
size_t length(const char *s);
struct buf *buf_new(uint32_t len, const char *init);
void buf_free(struct buf *b);
int32_t peek(const int32_t *p);
int32_t visit(struct buf *b, visit_fn cb);
char *forge(int32_t which);

/* Function-like macros expanding to one call: bound (plugin_add_ten,
 * plugin_abi_length, plugin_buf_hello), string literals copied in. */
#define PLUGIN_ABI "plugin-" "abi-1"
#define PLUGIN_ABI_ALIAS PLUGIN_ABI
#define add_ten(a) add((a), 10)
#define abi_length() (length(PLUGIN_ABI_ALIAS))
#define buf_hello(n) buf_new(n, "hello" " sandbox")
/* ... and macros that are not bound (listed in a comment): */
#define set_double(v) set_counter(2 * (v))
#define add_self(a) add((a), (a))
#define square(x) ((x) * (x))
#define length_null() length(0)
#define add_str(s) add(s, #s)

/* Not bound: */
int log_fmt(const char *fmt, ...);
struct point mid(struct point a, struct point b);
long double ld(long double x);

/* A host-side helper: not a sandbox function. */
static inline int32_t twice(int32_t x) { return 2 * x; }

#endif
