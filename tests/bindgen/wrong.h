/* wrong.h: plugin.h's functions as a host might get them wrong (a stale
 * or edited copy of the header). Generated bindings must refuse to bind to
 * plugin.so (built with -g) instead of calling with garbage. */
#include <stdint.h>
int64_t add(double a);          /* really int32_t add(int32_t, int32_t) */
int32_t peek(const int32_t *p); /* right */
