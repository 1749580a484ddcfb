/* weakundef.c: a hidden weak reference nothing defines; the linker makes
 * it address 0 with no relocation. The loader must refuse the module. */
extern int w __attribute__((weak, visibility("hidden")));
int get(void) { return &w ? w : -1; }
