/* fnfree.c: work() calls the host import host_unbind, then returns 42
 * (fnfree_host.c). */
extern void host_unbind(void);
int work(void) {
  host_unbind();
  return 42;
}
int nop(void) { return 0; }
