/* misuse.c: the generated bindings turn type mistakes into compile
 * errors. CASE 0 compiles; each other case must not (ctest WILL_FAIL). */
#include "plugin_sfi.h"

int use(plugin_t *b, char *host_buf) {
  int32_t r;
  sfi_sptr s = SFI_SPTR_NULL;
  size_t n;
  (void)host_buf;
  (void)s;
#if CASE == 0
  return plugin_length(b, s, &n) + plugin_add(b, 1, 2, &r) +
         plugin_buf_hello(b, 3, &s) + plugin_add_ten(b, 1, &r);
#elif CASE == 1 /* a host pointer where the sandbox expects its own */
  return plugin_length(b, host_buf, &n);
#elif CASE == 2 /* wrong number of arguments */
  return plugin_add(b, 1, &r);
#elif CASE == 3 /* result of the wrong type */
  return plugin_length(b, s, &r);
#elif CASE == 4 /* dereferencing a returned sandbox pointer */
  sfi_sptr p;
  plugin_forge(b, 2, &p);
  return *p;
#elif CASE == 5 /* a macro wrapper: result of the wrong type */
  char *hp;
  return plugin_buf_hello(b, 3, &hp);
#elif CASE == 6 /* a macro wrapper: wrong number of arguments */
  return plugin_add_ten(b, 1, 2, &r);
#endif
}
