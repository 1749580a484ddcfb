/* badinit.c: a constructor pointer placed by hand in .init_array that aims
 * one byte into a function. The runtime must call only function starts.
 * Built without the pass (like dataimp.c). */
static int hits;
__attribute__((noinline)) void target(void) { hits++; }
__attribute__((section(".init_array"), used)) static void *p =
    (char *)target + 1;
int get_hits(void) { return hits; }
