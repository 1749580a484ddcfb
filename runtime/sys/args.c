/* args.c: __sfi_sys_args_* and __sfi_sys_environ_*, WASI style: sizes,
 * then the pointer array and the strings written into checked buffers
 * (the layout: host.c). */
#include "sys.h"

static int sizes(char **v, int n, uint64_t count, uint64_t bufsize) {
  sfi_instance *in = sfi_current();
  int *pc = sfi_ptr(in, count, sizeof(int), 1);
  uint64_t *pb = sfi_ptr(in, bufsize, 8, 1);
  if (!pc || !pb)
    return -EFAULT;
  *pc = n;
  *pb = sfi__host_strv_bytes(v, n);
  return 0;
}

static int get(char **v, int n, uint64_t ptrs, uint64_t buf) {
  sfi_instance *in = sfi_current();
  uint64_t total = sfi__host_strv_bytes(v, n);
  uint64_t *pp = sfi_ptr(in, ptrs, 8 * (uint64_t)n, 1);
  char *pb = sfi_ptr(in, buf, total, 1);
  if (!pp || !pb)
    return -EFAULT;
  sfi__host_strv_copy(v, n, pp, pb, buf);
  return 0;
}

int sfi__sys_args_sizes(uint64_t argc, uint64_t bufsize) {
  sfi_instance *in = sfi_current();
  return sizes(in->argv, in->argc, argc, bufsize);
}

int sfi__sys_args_get(uint64_t argv, uint64_t buf) {
  sfi_instance *in = sfi_current();
  return get(in->argv, in->argc, argv, buf);
}

int sfi__sys_environ_sizes(uint64_t count, uint64_t bufsize) {
  sfi_instance *in = sfi_current();
  return sizes(in->envp, in->envc, count, bufsize);
}

int sfi__sys_environ_get(uint64_t env, uint64_t buf) {
  sfi_instance *in = sfi_current();
  return get(in->envp, in->envc, env, buf);
}
