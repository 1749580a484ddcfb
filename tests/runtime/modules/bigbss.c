/* bigbss.c: a module whose image is mostly bss (256 MiB): loading it and
 * creating an instance must not make the host read, copy or scan the bss
 * (test_bigbss). */
char big[256 << 20];
int big_get(int i) { return big[i]; }
void big_set(int i, int v) { big[i] = (char)v; }
